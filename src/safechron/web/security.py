"""Security helpers: pages are never cached, and logs never carry what a person wrote."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class NoStoreMiddleware:
    """Pages about families must not stay in a shared browser's cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response


#: Loggers whose arguments are a status and a URL path, which hold record numbers, never names.
PATH_ONLY_LOGGERS = frozenset({"django.request", "django.server"})


class RedactSensitiveFilter(logging.Filter):
    """Keep a log record's place (logger, level, file and line) but none of its data.

    Exception messages and formatting arguments can hold names or summaries (a database error
    quotes the row it refused), so the record keeps the exception's type and stack of file and
    line only, and the message's template without its arguments (except the request loggers, whose
    arguments are a status and a path). The request object is dropped.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            kind, _, tb = record.exc_info
            frames = "".join(
                f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
                for frame in traceback.extract_tb(tb)
            )
            record.exc_text = f"Traceback (most recent call last):\n{frames}{kind.__name__ if kind else ''}"
            record.exc_info = None
        if record.args and record.name not in PATH_ONLY_LOGGERS:
            record.msg = f"{record.msg} [arguments withheld]"
            record.args = None
        if hasattr(record, "request"):
            del record.request
        return True
