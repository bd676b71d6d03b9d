"""Settings shared by every environment. Secrets and the database come from the environment."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from csp.constants import NONCE, NONE, SELF

from safechron.web.config.jinja import template_loader

WEB_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = WEB_DIR.parents[2]
VAR_DIR = Path(os.environ.get("SAFECHRON_VAR_DIR", REPO_DIR / "var"))
NODE_MODULES = Path(os.environ.get("SAFECHRON_NODE_MODULES", REPO_DIR / "node_modules"))
GOVUK_DIST = NODE_MODULES / "govuk-frontend" / "dist" / "govuk"


def database_from_url(url: str) -> dict[str, object]:
    """A Django DATABASES entry from postgres://user:password@host:port/name or sqlite:///path."""
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
        }
    if parsed.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parsed.path) or ":memory:"}
    raise ValueError(f"DATABASE_URL must start postgres:// or sqlite://, not {parsed.scheme}://")


def default_database() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL")
    if url:
        return database_from_url(url)
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": VAR_DIR / "safechron.sqlite3"}


DEBUG = False
SECRET_KEY = os.environ.get("SAFECHRON_SECRET_KEY", "")
ALLOWED_HOSTS = [h for h in os.environ.get("SAFECHRON_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "safechron.web.accounts",
    "safechron.web.families",
    "safechron.web.imports",
    "safechron.web.alerts",
    "safechron.web.audit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "safechron.web.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "safechron.web.security.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "safechron.web.config.urls"
WSGI_APPLICATION = "safechron.web.config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "families:caseload"

DATABASES = {"default": default_database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "safechron.web.config.jinja.environment",
            "loader": template_loader(WEB_DIR / "jinja2"),
            "autoescape": True,
        },
    },
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling: five failed attempts for a user name lock it for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
# By user name only: staff of one council office share an IP address, and locking the address would lock
# them all out after one person's typing mistakes. Locking the name stops guessing at any one account.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_LOCKOUT_CALLABLE = "safechron.web.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Sessions end after 30 minutes without a request, and when the browser closes.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Headers: no framing, no sniffing, no referrer leaving the service, a strict content security policy.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],  # the nonce is for GOV.UK's one-line js-enabled script
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT: Path | None = None  # assets are served from their sources (whitenoise finders); see production
STATICFILES_DIRS = [
    ("govuk", GOVUK_DIST),
    ("safechron", WEB_DIR / "static" / "safechron"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# GOV.UK Frontend's compiled CSS asks for its fonts and images at /assets/: serve its dist folder at the root.
WHITENOISE_ROOT = GOVUK_DIST

DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# What the engine works out for a family, by revision (safechron.web.caching): `default` is the worker
# process's own memory, `shared` is seen by every worker (production keeps it in the database).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": 600},
    "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared", "TIMEOUT": 3600},
}

# Break-glass access to a family lasts this long after the reason is recorded.
SAFECHRON_BREAK_GLASS_HOURS = 8

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "safechron.web.security.RedactSensitiveFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "splink": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
