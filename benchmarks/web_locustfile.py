"""Locust users of the family page benchmark (run by benchmarks/web_family_page.py, not on their own).

Each user signs in through the sign-in form, then reads the family page over and over, pausing
SAFECHRON_BENCH_THINK seconds ("1-3" by default, "0" for none) between pages as a reader would.
"""

from __future__ import annotations

import os
import re

from locust import HttpUser, between, constant, task

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _think() -> object:
    low, _, high = os.environ.get("SAFECHRON_BENCH_THINK", "1-3").partition("-")
    return between(float(low), float(high)) if high else constant(float(low))


class Practitioner(HttpUser):
    wait_time = _think()

    def on_start(self) -> None:
        page = self.client.get("/sign-in/", name="sign in")
        token = CSRF.search(page.text)
        if token is None:
            raise RuntimeError("the sign-in page has no CSRF token")
        signed_in = self.client.post(
            "/sign-in/",
            data={
                "csrfmiddlewaretoken": token.group(1),
                "username": os.environ["SAFECHRON_BENCH_USER"],
                "password": os.environ["SAFECHRON_BENCH_PASSWORD"],
            },
            headers={"Referer": f"{self.host}/sign-in/"},
            name="sign in",
        )
        if "/sign-in/" in signed_in.url:
            raise RuntimeError("signing in failed")

    @task
    def family_page(self) -> None:
        with self.client.get(os.environ["SAFECHRON_BENCH_PATH"], name="family page", catch_response=True) as page:
            if page.status_code == 200 and "Combined chronology" not in page.text:
                page.failure("not the family page (signed out?)")
