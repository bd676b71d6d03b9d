"""The Jinja2 environment: our templates first, then GOV.UK Frontend's macros and page template."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader

from safechron.chronology.dates import PartialDate
from safechron.vocabulary import humanise


def template_loader(directory: Path) -> BaseLoader:
    return ChoiceLoader(
        [
            FileSystemLoader(directory),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja", "templates")}),
        ]
    )


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def day_month_year(value: date | datetime | None) -> str:
    """'19 October 2016' (and '19 October 2016 at 14:05' for a moment), GOV.UK style."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        local = timezone.localtime(value)
        return f"{local.day} {local:%B %Y} at {local:%H:%M}"
    return f"{value.day} {value:%B %Y}"


def partial_date(text: str) -> str:
    """A stored partial date ('2016-10', '?2016-10-19') as people read it ('October 2016')."""
    return PartialDate.parse(text).display() if text else ""


def nhs_number(digits: str) -> str:
    """An NHS number as it is written for people: '943 476 5919'."""
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if len(digits) == 10 else digits


def field_error(form: Any, name: str) -> dict[str, str] | None:
    """The GOV.UK errorMessage parameter for a form field: its first error, or None."""
    errors = form.errors.get(name) if form is not None else None
    return {"text": errors[0]} if errors else None


def environment(**options: Any) -> Environment:
    env = Environment(**options)
    env.globals.update({"url": url, "static": static, "humanise": humanise, "field_error": field_error})
    env.filters.update(
        {
            "day_month_year": day_month_year,
            "partial_date": partial_date,
            "nhs_number": nhs_number,
            "humanise": humanise,
        }
    )
    return env
