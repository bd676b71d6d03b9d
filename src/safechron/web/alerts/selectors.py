"""Indicators as of a date for a family, and a caseload of families ordered by what needs attention."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from safechron.chronology.dates import PartialDate
from safechron.indicators import indicator_catalogue
from safechron.indicators.base import Alert
from safechron.pipeline import analyse
from safechron.reports.rows import entry_anchor
from safechron.vocabulary import humanise
from safechron.web.accounts.models import User
from safechron.web.alerts.models import Acknowledgement
from safechron.web.caching import cached
from safechron.web.families.models import Family
from safechron.web.families.selectors import family_chronology
from safechron.web.permissions import visible_families

__all__ = ["AlertView", "CaseloadRow", "EvidenceLink", "caseload", "family_alert_views", "family_alerts"]

SEVERITY_ORDER = {"high": 0, "medium": 1}


@dataclass(frozen=True, slots=True)
class EvidenceLink:
    agency: str
    record_id: str
    date: PartialDate
    anchor: str


@dataclass(frozen=True, slots=True)
class AlertView:
    alert: Alert
    title: str
    group: str
    evidence: list[EvidenceLink]
    acknowledgements: list[Acknowledgement]


def family_alerts(*, family: Family, as_of: date) -> list[Alert]:
    """Every indicator met for the family as of the date, high severity first, newest first."""
    return cached(
        key=f"safechron:alerts:{family.pk}:{family.revision}:{as_of.isoformat()}",
        build=lambda: sorted(
            analyse(family_chronology(family=family), as_of),
            key=lambda a: (SEVERITY_ORDER.get(a.severity, 2), -a.first_met_on.toordinal(), a.code),
        ),
    )


def family_alert_views(*, family: Family, as_of: date) -> list[AlertView]:
    acknowledgements = list(Acknowledgement.objects.filter(family=family).select_related("acknowledged_by__agency"))
    catalogue = {entry.code: entry for entry in indicator_catalogue()}
    views = []
    for alert in family_alerts(family=family, as_of=as_of):
        known = catalogue.get(alert.code)
        views.append(
            AlertView(
                alert=alert,
                title=alert.title or (known.title if known else humanise(alert.code.lower())),
                group=known.group if known else "",
                evidence=[
                    EvidenceLink(e.agency, e.record_id, e.date, entry_anchor(agency=e.agency, record_id=e.record_id))
                    for e in alert.evidence
                ],
                acknowledgements=[
                    a for a in acknowledgements if a.code == alert.code and a.first_met_on == alert.first_met_on
                ],
            )
        )
    return views


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    family: Family
    high: int
    medium: int
    unacknowledged: int
    newest: date | None


def caseload(*, user: User, as_of: date) -> list[CaseloadRow]:
    """The user's families with their indicators as of the date, the newest alerts first."""
    families = list(visible_families(user=user))
    acknowledged = set(
        Acknowledgement.objects.filter(family__in=families).values_list("family_id", "code", "first_met_on")
    )
    rows = []
    for family in families:
        alerts = family_alerts(family=family, as_of=as_of)
        rows.append(
            CaseloadRow(
                family=family,
                high=sum(a.severity == "high" for a in alerts),
                medium=sum(a.severity == "medium" for a in alerts),
                unacknowledged=sum((family.pk, a.code, a.first_met_on) not in acknowledged for a in alerts),
                newest=max((a.first_met_on for a in alerts), default=None),
            )
        )
    return sorted(rows, key=lambda r: (r.newest is None, -(r.newest or date.min).toordinal(), r.family.name))
