"""Tests: SQLite in memory by default, PostgreSQL when DATABASE_URL is set; fast password hashing."""

from safechron.web.config.base import *  # noqa: F403
from safechron.web.config.base import database_from_url, os

SECRET_KEY = "test-secret-key-used-only-by-the-test-suite"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES = {
    "default": database_from_url(os.environ["DATABASE_URL"])
    if os.environ.get("DATABASE_URL")
    else {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
