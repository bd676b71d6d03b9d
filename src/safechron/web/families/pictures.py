"""The family diagram and timeline picture, drawn by safechron.reports for the family as known on a date."""

from __future__ import annotations

from datetime import date

from safechron.reports.family_diagram import family_diagram_svg
from safechron.reports.timeline import timeline_svg
from safechron.web.alerts.selectors import family_alerts
from safechron.web.caching import cached
from safechron.web.families.models import Family
from safechron.web.families.selectors import family_chronology

__all__ = ["PICTURES", "family_picture"]

PICTURES = {"timeline": timeline_svg, "diagram": family_diagram_svg}


def family_picture(*, family: Family, kind: str, as_of: date) -> str:
    """The SVG text of a picture ('timeline' or 'diagram') of the family as known on `as_of` (the
    reports keep to what was known then)."""
    return cached(
        key=f"safechron:picture:{family.pk}:{family.revision}:{kind}:{as_of.isoformat()}",
        build=lambda: PICTURES[kind](
            chronology=family_chronology(family=family), alerts=family_alerts(family=family, as_of=as_of), as_of=as_of
        ),
    )
