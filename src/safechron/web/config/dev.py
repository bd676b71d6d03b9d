"""Development on one machine: debug pages on, a fixed development secret."""

from safechron.web.config.base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "development-only-secret-key-not-for-any-real-data"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
