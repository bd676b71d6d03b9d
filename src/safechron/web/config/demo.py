"""`safechron demo`: the embedded database, debug off, assets through whitenoise."""

import os

from safechron.web.config.base import *  # noqa: F403

SECRET_KEY = os.environ.get("SAFECHRON_SECRET_KEY", "demonstration-secret-key-for-fictional-data-only")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

# The demonstration always uses the embedded database, whatever DATABASE_URL says.
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": VAR_DIR / "demo.sqlite3"}}  # noqa: F405
