"""The family page under load: 20 signed-in users reading a family of 2,000 entries, on PostgreSQL.

    scripts/postgres-up && .venv/bin/python -m benchmarks.web_family_page

Options: --users 20 --seconds 60 --workers 5 --entries 2000 --think 1-3 (seconds between a user's
pages; 0 for none). Target: p95 <= 200 ms at 20 users.

It creates (afresh) the database `safechron_bench` on the local server (127.0.0.1:5432, user
postgres), migrates it, generates one synthetic family (benchmarks/generate.py), zips each agency's
folder and imports and commits it through the real import service, and creates a social worker of
the family's children's social care agency. It then starts gunicorn (sync workers) on 127.0.0.1
with production settings (benchmarks/web_settings.py: DEBUG off, hashed static files; only TLS is
left out), signs each user in through the sign-in form (so that password hashing, slow by design,
is not what is measured), opens the family page from several of them to warm up, and runs locust
headless for the given time. It prints requests per second, the 50th, 95th and 99th percentile times of the family
page and its errors, then stops the server. Only loopback traffic; everything ends when it ends.
"""

from __future__ import annotations

import argparse
import csv
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg

from benchmarks.generate import generate

REPO = Path(__file__).resolve().parents[1]
DATABASE = "safechron_bench"
SERVER_URL = "postgres://postgres@127.0.0.1:5432"
ADDRESS = "127.0.0.1:8765"
SOCIAL_CARE = "Northshire Children's Social Care"


def _fresh_database() -> None:
    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")


def _load(*, entries: int, folder: Path, password: str) -> tuple[str, int]:
    """Migrate, import the generated family through the import service; return (user name, family id)."""
    import django
    from django.core.management import call_command

    django.setup()
    from safechron.web.accounts.models import Agency, User
    from safechron.web.demo import submission_files
    from safechron.web.families.services import family_create
    from safechron.web.imports.models import Import
    from safechron.web.imports.services import import_commit, import_upload

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)  # for a database cache, if the settings name one
    generate(families=1, entries_per_family=entries, out=folder, seed=14)
    social_care, _ = Agency.objects.get_or_create(name=SOCIAL_CARE, defaults={"agency_type": "childrens_social_care"})
    user = User.objects.create_user(
        username="bench.social.worker", password=password, agency=social_care, role="social_worker"
    )
    family = family_create(name="Benchmark family", created_by=user)
    started = time.perf_counter()
    for name, content in submission_files(folder):
        upload = import_upload(family=family, user=user, file_name=name, content=content)
        if upload.status != Import.Status.VALIDATED:
            raise SystemExit(f"{name} was refused: {upload.refusal}")
        import_commit(upload=upload, user=user)
    family.refresh_from_db()
    stored = family.entries.count()
    print(f"Imported {stored} entries in {time.perf_counter() - started:.0f} s (family {family.pk})")
    return user.username, family.pk


def _wait_for(url: str, *, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def _sign_in(*, username: str, password: str, sessions: int) -> list[str]:
    """Sign in through the sign-in form `sessions` times; the session cookies."""
    import requests

    cookies = []
    for _ in range(sessions):
        with requests.Session() as session:
            page = session.get(f"http://{ADDRESS}/sign-in/", timeout=60)
            token = page.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
            session.post(
                f"http://{ADDRESS}/sign-in/",
                data={"csrfmiddlewaretoken": token, "username": username, "password": password},
                headers={"Referer": f"http://{ADDRESS}/sign-in/"},
                timeout=60,
            )
            cookie = session.cookies.get("sessionid")
            if cookie is None:
                raise SystemExit("signing in failed: no session cookie")
            cookies.append(cookie)
    return cookies


def _warm_up(*, url: str, sessions: list[str], workers: int) -> None:
    """Open the family page from several signed-in clients at once, a few times each, so that every
    worker has what the page needs in memory (or finds it in the shared cache)."""
    import requests

    def one(cookie: str) -> None:
        with requests.Session() as session:
            session.cookies.set("sessionid", cookie)
            for _ in range(3):
                page = session.get(url, timeout=300)
                if page.status_code != 200 or "Combined chronology" not in page.text:
                    raise SystemExit(f"warming up: the family page answered {page.status_code}, not the page")

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers * 2) as pool:
        list(pool.map(one, (sessions * 2)[: workers * 2]))
    print(f"Warmed up in {time.perf_counter() - started:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--think", default="1-3", help="seconds between a user's pages, '1-3' or '0'")
    args = parser.parse_args()

    password = secrets.token_urlsafe(16)
    work = Path(tempfile.mkdtemp(prefix="safechron-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.web_settings",
        "DATABASE_URL": f"{SERVER_URL}/{DATABASE}",
        "SAFECHRON_SECRET_KEY": secrets.token_urlsafe(40),
        "SAFECHRON_VAR_DIR": str(work),
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    os.environ.update(env)
    _fresh_database()
    username, family_id = _load(entries=args.entries, folder=work / "submissions", password=password)
    path = f"/families/{family_id}/"

    bin_dir = Path(sys.executable).parent
    server = subprocess.Popen(
        [
            str(bin_dir / "gunicorn"),
            "safechron.web.config.wsgi:application",
            "--bind",
            ADDRESS,
            "--workers",
            str(args.workers),
            "--timeout",
            "300",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=REPO,
    )
    try:
        _wait_for(f"http://{ADDRESS}/sign-in/", seconds=60)
        sessions = _sign_in(username=username, password=password, sessions=args.users)
        _warm_up(url=f"http://{ADDRESS}{path}", sessions=sessions, workers=args.workers)
        stats = work / "locust"
        subprocess.run(
            [
                str(bin_dir / "locust"),
                "-f",
                str(REPO / "benchmarks" / "web_locustfile.py"),
                "--headless",
                "--host",
                f"http://{ADDRESS}",
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.users),
                "--run-time",
                f"{args.seconds}s",
                "--csv",
                str(stats),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env={
                **env,
                "SAFECHRON_BENCH_SESSIONS": ",".join(sessions),
                "SAFECHRON_BENCH_PATH": path,
                "SAFECHRON_BENCH_THINK": args.think,
            },
            cwd=REPO,
            check=False,
            stdout=subprocess.DEVNULL,
        )
        with (work / "locust_stats.csv").open(newline="") as file:
            row = next(r for r in csv.DictReader(file) if r["Name"] == "family page")
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"Family page, {args.entries} entries, {args.users} users (think {args.think} s), {args.seconds} s, "
        f"{args.workers} gunicorn workers on PostgreSQL:\n"
        f"  requests {row['Request Count']}, {float(row['Requests/s']):.1f} requests/s\n"
        f"  p50 {row['50%']} ms, p95 {row['95%']} ms, p99 {row['99%']} ms, "
        f"max {float(row['Max Response Time']):.0f} ms\n"
        f"  errors {row['Failure Count']}"
    )


if __name__ == "__main__":
    main()
