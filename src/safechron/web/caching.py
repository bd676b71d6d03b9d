"""What the engine works out for a family (its chronology, alerts and pictures), kept by family revision.

Two levels: the worker process's own memory (`default`, nothing to fetch), then the cache every
worker process shares (`shared`: the database in production), so a family is rebuilt once per
change, not once per worker. Keys carry the family's revision, which every change bumps, so
nothing stale is ever served and nothing needs deleting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches

__all__ = ["cached"]

T = TypeVar("T")


def cached(*, key: str, build: Callable[[], T]) -> T:
    """The value kept under `key`, from this process's memory, else the shared cache, else built (and kept in both)."""
    local, shared = caches["default"], caches["shared"]
    value: T | None = local.get(key)
    if value is None:
        value = shared.get(key)
        if value is None:
            value = build()
            shared.set(key, value)
        local.set(key, value)
    return value
