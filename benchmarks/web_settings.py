"""Settings of the family page benchmark: production's, served over plain HTTP on the loopback.

Everything a deployment runs is kept (DEBUG off, PostgreSQL, hashed static files, real password
hashing, the cache `production.py` configures) except what needs TLS in front: the benchmark talks
to gunicorn directly on 127.0.0.1, so there is no HTTPS redirect and cookies are not marked Secure.
"""

from safechron.web.config.production import *  # noqa: F403

ALLOWED_HOSTS = ["127.0.0.1"]
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
