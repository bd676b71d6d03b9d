"""Forms of the family pages; error messages follow the GOV.UK pattern (say what to do)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms

from safechron.chronology.dates import DateError, PartialDate
from safechron.vocabulary import EVENT_GROUPS, SEEN_VALUES, humanise
from safechron.web.accounts.models import User
from safechron.web.families.models import LinkDecision


@dataclass(frozen=True, slots=True)
class AsOf:
    """The 'as of' date of the family page and what was wrong with the one asked for, if anything."""

    day: date
    error: str = ""


def as_of_from_query(query: Mapping[str, str], *, today: date) -> AsOf:
    """Read the GOV.UK date input (as_of-day, as_of-month, as_of-year); today when it is empty or wrong,
    and never after today."""
    parts = [query.get(f"as_of-{name}", "").strip() for name in ("day", "month", "year")]
    if not any(parts):
        return AsOf(today)
    if not all(parts):
        return AsOf(today, "Enter a day, a month and a year, for example 27 3 2016")
    try:
        day, month, year = (int(part) for part in parts)
        return AsOf(min(date(year, month, day), today))
    except ValueError:
        return AsOf(today, "The date must be a real date, for example 27 3 2016")


class EntryForm(forms.Form):
    date = forms.CharField(
        max_length=20,
        error_messages={"required": "Enter the date it happened, for example 19/10/2016, or 10/2016 if unsure"},
    )
    event_type = forms.ChoiceField(
        choices=[(group, [(e, humanise(e)) for e in events]) for group, events in EVENT_GROUPS.items()],
        error_messages={"required": "Select what kind of event it was"},
    )
    subjects = forms.MultipleChoiceField(choices=[], error_messages={"required": "Select who the entry is about"})
    summary = forms.CharField(widget=forms.Textarea, error_messages={"required": "Enter what happened"})
    action = forms.CharField(widget=forms.Textarea, required=False)
    outcome = forms.CharField(widget=forms.Textarea, required=False)
    seen = forms.ChoiceField(
        choices=[("", "Not a visit or contact with the child")] + [(v, humanise(v)) for v in sorted(SEEN_VALUES)],
        required=False,
    )
    tags = forms.MultipleChoiceField(choices=[], required=False)
    checked = forms.BooleanField(required=False)

    def __init__(
        self, *args: Any, subjects: list[tuple[str, str]], proposed: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subjects"].choices = subjects
        self.fields["tags"].choices = proposed

    def clean_date(self) -> PartialDate:
        text = self.cleaned_data["date"]
        try:
            parsed = PartialDate.parse(text)
        except DateError:
            raise forms.ValidationError(
                "Enter the date as 19/10/2016, or 10/2016 or 2016 when only the month or year is known"
            ) from None
        if parsed.start > date.today():
            raise forms.ValidationError("The date must be today or in the past")
        return parsed


class TagDecisionForm(forms.Form):
    """The tags the engine proposed for a stored entry (and those accepted earlier): ticked ones are
    accepted, the others rejected."""

    tags = forms.MultipleChoiceField(choices=[], required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tags"].choices = choices


class LinkDecisionForm(forms.Form):
    record_a = forms.ChoiceField(choices=[], error_messages={"required": "Select this person's record"})
    record_b = forms.ChoiceField(choices=[], error_messages={"required": "Select the other record"})
    decision = forms.ChoiceField(
        choices=LinkDecision.Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the records are the same person"},
    )
    reason = forms.CharField(
        widget=forms.Textarea, error_messages={"required": "Enter why, so others can check the decision"}
    )

    def __init__(self, *args: Any, own: list[tuple[str, str]], others: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["record_a"].choices = own
        self.fields["record_b"].choices = others

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if cleaned.get("record_a") and cleaned.get("record_a") == cleaned.get("record_b"):
            self.add_error("record_b", "Select a different record from the first")
        return cleaned


class BreakGlassForm(forms.Form):
    family = forms.IntegerField(
        min_value=1, error_messages={"required": "Enter the family reference number", "invalid": "Enter a number"}
    )
    reason = forms.CharField(
        widget=forms.Textarea,
        min_length=10,
        error_messages={
            "required": "Enter why you need to see this family now",
            "min_length": "Say in a sentence why you need to see this family now",
        },
    )


class AllocationForm(forms.Form):
    user = forms.ModelChoiceField(
        queryset=User.objects.none(), error_messages={"required": "Select the practitioner to allocate"}
    )
