"""Production: every secret from the environment, HTTPS only, PostgreSQL required."""

import os

from safechron.web.config.base import *  # noqa: F403
from safechron.web.config.base import VAR_DIR, database_from_url

SECRET_KEY = os.environ["SAFECHRON_SECRET_KEY"]
DATABASES = {"default": database_from_url(os.environ["DATABASE_URL"])}
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
STATIC_ROOT = VAR_DIR / "static"  # filled by `python -m safechron.web collectstatic`
# Every worker process reads a family's chronology from the database cache instead of rebuilding it
# (`python -m safechron.web createcachetable` once, after migrate).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": 600},
    "shared": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "safechron_cache",
        "TIMEOUT": 7 * 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}
