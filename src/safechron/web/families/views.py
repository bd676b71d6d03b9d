"""Family pages. Views are thin: access through permissions, reads through selectors, writes through services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safechron.reports.rows import chronology_rows, entry_anchor
from safechron.vocabulary import RISK_TAGS
from safechron.web.accounts.models import Role, User
from safechron.web.alerts.selectors import AlertView, caseload, family_alert_views
from safechron.web.audit.models import AuditEvent
from safechron.web.audit.services import audit_record
from safechron.web.families.forms import (
    AllocationForm,
    BreakGlassForm,
    EntryForm,
    LinkDecisionForm,
    TagDecisionForm,
    as_of_from_query,
)
from safechron.web.families.models import BreakGlass, Entry, Family, Person, PersonRecord
from safechron.web.families.pictures import PICTURES, family_picture
from safechron.web.families.selectors import (
    ChronologyFilter,
    ChronologyPage,
    FamilyPageData,
    entry_histories,
    family_chronology,
    family_page_data,
    family_rows,
    person_records,
    proposed_tags,
    stored_entries,
)
from safechron.web.families.services import (
    allocation_create,
    break_glass_open,
    break_glass_review,
    entry_add,
    entry_tags_decide,
    link_decide,
)
from safechron.web.permissions import (
    break_glass_until,
    can_allocate,
    can_change_family,
    can_review_break_glass,
    family_for,
    person_for,
)

#: The family page's query parameters that filter the chronology, and the ChronologyFilter field each sets.
FILTER_PARAMETERS = {"agency": "agency", "person": "person_id", "event_type": "event_type", "tag": "tag"}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect("families:caseload")


@login_required
def caseload_page(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(request, "families/caseload.html", {"rows": caseload(user=request.user, as_of=today), "today": today})


@login_required
def family_page(request: HttpRequest, family_id: int) -> HttpResponse:
    family = family_for(user=request.user, family_id=family_id)
    today = timezone.localdate()
    asked = as_of_from_query(request.GET, today=today)
    as_of = asked.day
    chosen = ChronologyFilter(**{field: request.GET.get(name, "") for name, field in FILTER_PARAMETERS.items()})
    alerts = family_alert_views(family=family, as_of=as_of)
    data = family_page_data(
        family=family,
        as_of=as_of,
        chosen=chosen,
        page=_page_number(request.GET),
        evidence=frozenset((item.agency, item.record_id) for view in alerts for item in view.evidence),
    )
    shown = data.page
    audit_record(
        user=request.user,
        action=AuditEvent.Action.VIEW_FAMILY,
        family=family,
        obj=family,
        reason="" if as_of == today else f"as of {as_of.isoformat()}",
    )
    return render(
        request,
        "families/family.html",
        {
            "family": family,
            "persons": data.persons,
            "page": shown,
            "pagination": _pagination(request.GET, shown),
            "total": data.total,
            "chosen": chosen,
            "choices": data.choices,
            "alerts": alerts,
            "evidence_href": _evidence_hrefs(request.GET, alerts=alerts, data=data),
            "as_of": as_of,
            "as_of_error": asked.error,
            "replaying": as_of != today,
            "today": today,
            "person_pks": dict(Person.objects.filter(family=family).values_list("person_id", "pk")),
            "as_of_query": "" if as_of == today else f"?as_of={as_of.isoformat()}",
            "involvements": family.involvements.select_related("agency").order_by("agency__name"),
            "allocations": family.allocations.select_related("user__agency").order_by("allocated_at"),
            "can_allocate": can_allocate(user=request.user),
            "break_glass_until": break_glass_until(user=request.user, family=family),
            "imports": family.imports.select_related("agency", "uploaded_by__agency").defer("content"),
            "can_change": can_change_family(user=request.user),
            "histories": entry_histories(family=family, rows=shown.rows),
            "stored": stored_entries(family=family, rows=shown.rows),
        },
    )


def _page_number(query: QueryDict) -> int:
    page = query.get("page", "")
    return int(page) if page.isdigit() else 1


def _page_href(query: QueryDict, *, page: int, keep_filters: bool = True) -> str:
    """The family page's address for another page of the chronology, with the same date (and filters)."""
    kept = query.copy()
    if not keep_filters:
        for name in FILTER_PARAMETERS:
            kept.pop(name, None)
    kept["page"] = str(page)
    return f"?{kept.urlencode()}"


def _pagination(query: QueryDict, shown: ChronologyPage) -> dict[str, object] | None:
    """GOV.UK pagination for the chronology: the first, last and neighbouring pages, with ellipses between."""
    if shown.pages == 1:
        return None
    numbers = sorted({1, shown.pages, *range(max(1, shown.number - 1), min(shown.pages, shown.number + 1) + 1)})
    items: list[dict[str, object]] = []
    for before, number in zip([0, *numbers], numbers, strict=False):
        if number - before > 1:
            items.append({"ellipsis": True})
        items.append(
            {
                "number": number,
                "href": _page_href(query, page=number) + "#chronology",
                "current": number == shown.number,
                "visuallyHiddenText": f"Entries page {number}",
            }
        )
    return {
        "items": items,
        "previous": {"href": _page_href(query, page=shown.number - 1) + "#chronology", "text": "Newer entries"}
        if shown.number > 1
        else None,
        "next": {"href": _page_href(query, page=shown.number + 1) + "#chronology", "text": "Older entries"}
        if shown.number < shown.pages
        else None,
        "landmarkLabel": "Chronology pages",
    }


def _evidence_hrefs(query: QueryDict, *, alerts: list[AlertView], data: FamilyPageData) -> dict[str, str]:
    """Where each indicator's evidence link goes: the entry on this page, or the (unfiltered) page it is on."""
    on_this_page = {row.anchor for row in data.page.rows}
    hrefs = {}
    for view in alerts:
        for item in view.evidence:
            page = data.evidence_pages.get((item.agency, item.record_id))
            if item.anchor in on_this_page or page is None:
                hrefs[item.anchor] = f"#{item.anchor}"
            else:
                hrefs[item.anchor] = _page_href(query, page=page, keep_filters=False) + f"#{item.anchor}"
    return hrefs


@login_required
def picture_page(request: HttpRequest, family_id: int, kind: str) -> HttpResponse:
    """The timeline or family diagram as an SVG image (an <img> on the family page)."""
    family = family_for(user=request.user, family_id=family_id)
    if kind not in PICTURES:
        raise Http404("Not found")
    today = timezone.localdate()
    try:
        as_of = min(date.fromisoformat(request.GET.get("as_of", "")), today)
    except ValueError:
        as_of = today
    svg = family_picture(family=family, kind=kind, as_of=as_of)
    return HttpResponse(svg, content_type="image/svg+xml")


@login_required
@require_http_methods(["GET", "POST"])
def person_page(request: HttpRequest, family_id: int, person_id: int) -> HttpResponse:
    person = person_for(user=request.user, family_id=family_id, person_id=person_id)
    family = person.family
    chronology = family_chronology(family=family)
    try:
        linked = chronology.person(person.person_id)
    except KeyError:
        raise Http404("No person found") from None
    records = person_records(person=person)
    own = [_record_choice(r) for r in records]
    others = [
        _record_choice(r) for r in family.person_records.select_related("agency").order_by("agency__name", "person_ref")
    ]
    form = LinkDecisionForm(request.POST or None, own=own, others=others)
    if request.method == "POST":
        if not can_change_family(user=request.user):
            raise Http404("No person found")
        if form.is_valid():
            link_decide(
                family=family,
                user=request.user,
                record_a=form.cleaned_data["record_a"],
                record_b=form.cleaned_data["record_b"],
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
            )
            record = next(r for r in records if r.key == form.cleaned_data["record_a"])
            record.refresh_from_db(fields=["person"])
            return redirect("families:person", family_id=family.pk, person_id=record.person_id or person.pk)
    audit_record(user=request.user, action=AuditEvent.Action.VIEW_PERSON, family=family, obj=person)
    rows = family_rows(chronology=chronology, chosen=ChronologyFilter(person_id=person.person_id))
    return render(
        request,
        "families/person.html",
        {
            "family": family,
            "person": person,
            "linked": linked,
            "records": records,
            "rows": rows,
            "histories": entry_histories(family=family, rows=rows),
            "stored": stored_entries(family=family, rows=rows),
            "form": form,
            "can_change": can_change_family(user=request.user),
            "decisions": family.link_decisions.select_related("decided_by__agency").filter(
                Q(record_a__in=[r.key for r in records]) | Q(record_b__in=[r.key for r in records])
            ),
        },
    )


def _record_choice(record: PersonRecord) -> tuple[str, str]:
    """A person record as a choice of the link decision form: its key, and the agency, name and reference."""
    return record.key, f"{record.agency.name}: {record.full_name or record.person_ref} ({record.person_ref})"


def _redirect_to_entry(stored: Entry) -> HttpResponse:
    """Back to the family page, at the entry."""
    anchor = entry_anchor(agency=stored.agency.name, record_id=stored.record_id)
    return redirect(reverse("families:family", kwargs={"family_id": stored.family_id}) + "#" + anchor)


@login_required
@require_http_methods(["GET", "POST"])
def entry_add_page(request: HttpRequest, family_id: int) -> HttpResponse:
    family = family_for(user=request.user, family_id=family_id)
    if not can_change_family(user=request.user) or request.user.agency is None:
        raise Http404("No family found")
    chronology = family_chronology(family=family)
    subjects = [(p.person_id, p.display_name or p.person_id) for p in chronology.persons if p.records]
    data = request.POST if request.method == "POST" else None
    proposed = proposed_tags(text=" ".join(data.get(k, "") for k in ("summary", "action", "outcome"))) if data else []
    form = EntryForm(data, subjects=subjects, proposed=proposed)
    if data is not None and form.is_valid() and form.cleaned_data["checked"]:
        accepted = frozenset(form.cleaned_data["tags"])
        stored = entry_add(
            family=family,
            user=request.user,
            date=form.cleaned_data["date"],
            event_type=form.cleaned_data["event_type"],
            person_ids=form.cleaned_data["subjects"],
            summary=form.cleaned_data["summary"],
            action=form.cleaned_data["action"],
            outcome=form.cleaned_data["outcome"],
            seen=form.cleaned_data["seen"],
            accepted_tags=accepted,
            rejected_tags=frozenset(tag for tag, _ in proposed) - accepted,
        )
        return _redirect_to_entry(stored)
    return render(
        request,
        "families/entry_add.html",
        {"family": family, "form": form, "proposed": proposed, "checking": data is not None and form.is_valid()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_tags_page(request: HttpRequest, family_id: int, entry_id: int) -> HttpResponse:
    """Accept or reject the risk tags the engine proposed for an entry an agency sent."""
    family = family_for(user=request.user, family_id=family_id)
    stored = family.entries.select_related("agency").filter(pk=entry_id).first()
    if stored is None or not can_change_family(user=request.user):
        raise Http404("No entry found")
    chronology = family_chronology(family=family)
    entry = next((e for e in chronology.entries if e.key == (stored.agency.name, stored.record_id)), None)
    if entry is None:
        raise Http404("No entry found")
    undecided = entry.proposed_tags - entry.agency_tags
    choices = [(tag, label) for tag, label in RISK_TAGS.items() if tag in undecided or tag in stored.accepted_tags]
    data = request.POST if request.method == "POST" else None
    form = TagDecisionForm(data, choices=choices, initial={"tags": stored.accepted_tags})
    if request.method == "POST" and form.is_valid():
        accepted = frozenset(form.cleaned_data["tags"])
        entry_tags_decide(
            entry=stored, user=request.user, accepted=accepted, rejected=frozenset(t for t, _ in choices) - accepted
        )
        return _redirect_to_entry(stored)
    row = chronology_rows(replace(chronology, entries=[entry]))[0]
    return render(
        request,
        "families/entry_tags.html",
        {"family": family, "row": row, "form": form, "choices": choices, "accepted": set(stored.accepted_tags)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def allocations_page(request: HttpRequest, family_id: int) -> HttpResponse:
    family = family_for(user=request.user, family_id=family_id)
    if not can_allocate(user=request.user) or request.user.agency is None:
        raise Http404("Not found")
    form = AllocationForm(request.POST or None)
    form.fields["user"].queryset = User.objects.filter(agency=request.user.agency, is_active=True).exclude(
        allocations__family=family
    )
    if request.method == "POST" and form.is_valid():
        allocation_create(family=family, user=form.cleaned_data["user"], allocated_by=request.user)
        return redirect(reverse("families:family", kwargs={"family_id": family.pk}) + "#working-with")
    return render(request, "families/allocations.html", {"family": family, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def break_glass_page(request: HttpRequest) -> HttpResponse:
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        family = Family.objects.filter(pk=form.cleaned_data["family"]).first()
        if family is None:
            form.add_error("family", "No family has this reference number. Check it with whoever gave it to you")
        else:
            break_glass_open(user=request.user, family=family, reason=form.cleaned_data["reason"])
            return redirect("families:family", family_id=family.pk)
    return render(request, "families/break_glass.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def break_glass_log(request: HttpRequest) -> HttpResponse:
    if not can_review_break_glass(user=request.user):
        raise Http404("Not found")
    uses = BreakGlass.objects.select_related("user__agency", "family", "reviewed_by")
    if request.user.role != Role.DATA_PROTECTION_OFFICER:
        uses = uses.filter(user__agency=request.user.agency)
    if request.method == "POST":
        use = uses.filter(pk=request.POST.get("use")).first()
        if use is None:
            raise Http404("Not found")
        break_glass_review(break_glass=use, reviewer=request.user)
        return redirect("families:break_glass_log")
    return render(request, "families/break_glass_log.html", {"uses": uses[:200]})
