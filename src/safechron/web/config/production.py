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
