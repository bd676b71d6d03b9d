"""Locust users of the family page benchmark (run by benchmarks/web_family_page.py, not on their own).

Each user takes one of the sessions the benchmark signed in through the sign-in form beforehand
(SAFECHRON_BENCH_SESSIONS), so the measurement is of reading the family page, not of password
hashing, and reads the family page over and over, pausing SAFECHRON_BENCH_THINK seconds ("1-3" by
default, "0" for none) between pages as a reader would.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from urllib.parse import urlparse

from locust import HttpUser, between, constant, task

SESSIONS = itertools.cycle(os.environ["SAFECHRON_BENCH_SESSIONS"].split(","))


def _think() -> Callable[..., float]:
    low, _, high = os.environ.get("SAFECHRON_BENCH_THINK", "1-3").partition("-")
    return between(float(low), float(high)) if high else constant(float(low))


class Practitioner(HttpUser):
    wait_time = _think()

    def on_start(self) -> None:
        self.client.cookies.set("sessionid", next(SESSIONS), domain=urlparse(self.host or "").hostname or "")

    @task
    def family_page(self) -> None:
        with self.client.get(os.environ["SAFECHRON_BENCH_PATH"], name="family page", catch_response=True) as page:
            if page.status_code == 200 and "Combined chronology" not in page.text:
                page.failure("not the family page (signed out?)")
