"""Forms of the administration pages."""

from __future__ import annotations

from typing import Any

from django import forms

from safechron.vocabulary import AGENCY_TYPES
from safechron.web.accounts.models import Agency


class AgencyForm(forms.Form):
    """An agency's name (unique, whatever its case) and its kind, from the one agency-type vocabulary."""

    name = forms.CharField(max_length=200, error_messages={"required": "Enter the agency's name"})
    agency_type = forms.ChoiceField(
        choices=list(AGENCY_TYPES.items()), error_messages={"required": "Select the kind of agency"}
    )

    def __init__(self, *args: Any, agency: Agency | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agency = agency

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        others = Agency.objects.filter(name__iexact=name)
        if self.agency is not None:
            others = others.exclude(pk=self.agency.pk)
        if others.exists():
            raise forms.ValidationError("An agency already has that name. Choose another")
        return name
