"""Who may see and do what: the one place the web application decides access.

Need to know: a user sees a family only when their agency is involved with it, they are
allocated to it, or they have opened break-glass access with a stated reason that has not
expired. Anything else is answered "not found" (404), never "forbidden", so a user cannot
even learn that a family exists. Reviewers, administrators and data protection officers
read only; the data protection officer alone reads the audit trail; team managers see
break-glass use by their agency; team managers and conference chairs allocate their own
agency's practitioners.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from safechron.web.accounts.models import Role, User
from safechron.web.families.models import Family, Person

__all__ = [
    "break_glass_until",
    "can_administer",
    "can_allocate",
    "can_change_family",
    "can_review_break_glass",
    "can_view_audit",
    "family_for",
    "person_for",
    "visible_families",
]

READ_ONLY_ROLES = frozenset({Role.REVIEWER, Role.ADMINISTRATOR, Role.DATA_PROTECTION_OFFICER})


def visible_families(*, user: User) -> QuerySet[Family]:
    """Every family the user has a need to know about."""
    if not user.is_authenticated or not user.is_active:
        return Family.objects.none()
    rule = Q(allocations__user=user) | Q(break_glass__user=user, break_glass__expires_at__gt=timezone.now())
    if user.agency_id is not None:
        rule |= Q(involvements__agency_id=user.agency_id)
    return Family.objects.filter(pk__in=Family.objects.filter(rule).values("pk"))


def family_for(*, user: User, family_id: int) -> Family:
    """The family if the user may see it; otherwise 404."""
    family = visible_families(user=user).filter(pk=family_id).first()
    if family is None:
        raise Http404("No family found")
    return family


def break_glass_until(*, user: User, family: Family) -> datetime | None:
    """When the user's break-glass access ends, if that is the only reason they can see the family."""
    if family.allocations.filter(user=user).exists():
        return None
    if user.agency_id is not None and family.involvements.filter(agency_id=user.agency_id).exists():
        return None
    opened = family.break_glass.filter(user=user, expires_at__gt=timezone.now()).order_by("-expires_at").first()
    return opened.expires_at if opened is not None else None


def person_for(*, user: User, family_id: int, person_id: int) -> Person:
    family = family_for(user=user, family_id=family_id)
    person = Person.objects.filter(family=family, pk=person_id).first()
    if person is None:
        raise Http404("No person found")
    return person


def can_change_family(*, user: User) -> bool:
    """Import, add entries, decide links, acknowledge indicators (on a family the user can see)."""
    return user.is_authenticated and user.role not in READ_ONLY_ROLES


def can_allocate(*, user: User) -> bool:
    """Team managers and conference chairs allocate their agency's practitioners to a family they can see."""
    return user.is_authenticated and user.role in {Role.TEAM_MANAGER, Role.CONFERENCE_CHAIR}


def can_administer(*, user: User) -> bool:
    """Administrators manage users and agencies; they do not see families."""
    return user.is_authenticated and user.role == Role.ADMINISTRATOR


def can_view_audit(*, user: User) -> bool:
    return user.is_authenticated and user.role == Role.DATA_PROTECTION_OFFICER


def can_review_break_glass(*, user: User) -> bool:
    return user.is_authenticated and user.role in {Role.TEAM_MANAGER, Role.DATA_PROTECTION_OFFICER}
