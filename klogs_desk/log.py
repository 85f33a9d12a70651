"""Logging for the terminal: a rotating file under ``paths.log_dir()`` and stderr, both redacted.

Every record passes through :class:`RedactionFilter` before any handler formats it, so nothing that
reaches a log file or the console can carry:

* a card number, as :func:`klogs_desk.domain.cards.find_pans` finds them (every window of 13-19 digits
  passing the Luhn check, inside longer runs and across spaces, dashes, dots, underscores and slashes;
  the same detector guards the journal and its CSV export) is replaced by its first six and last four
  digits (``411111******1111``). Digit runs with no Luhn-valid window (most order IDs, timestamps) are
  left alone so logs stay useful;
* a CVV in the shapes code tends to print it: ``cvv=123``, ``cvc: 1234``, ``"cvv": "123"`` (also
  ``cvv2``, ``cvc2``, ``securityCode``) becomes ``cvv=***``;
* a registered secret: the credential store calls :func:`register_secret` with every API key, secret
  and Bearer token it loads or saves; any occurrence becomes ``<secret>``.

The message, its arguments, the formatted traceback and the stack are all redacted (the filter
renders the traceback itself, so a PAN in an exception message does not slip through the formatter).

No Qt here: the sandbox and the tests use it too.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import traceback
from pathlib import Path

from . import paths
from .domain.cards import redact_pans

LOG_FILE_NAME = "klogs-desk.log"
#: Secrets shorter than this are not registered: redacting "a" everywhere would make logs unreadable,
#: and no real API key is that short.
MIN_SECRET_LENGTH = 6

_CVV = re.compile(
    r"""(?ix)
    (?P<key>["']?\b(?:cvv2?|cvc2?|cvn|security_?code)\b["']?\s*[:=]\s*["']?)
    (?P<value>\d{3,4})
    (?!\d)
    """
)

_secrets_lock = threading.Lock()
_secrets: set[str] = set()
_secret_pattern: re.Pattern[str] | None = None


def register_secret(value: str | None) -> None:
    """From now on, ``value`` never appears in a log line (it is replaced by ``<secret>``)."""
    global _secret_pattern
    if not value or len(value) < MIN_SECRET_LENGTH:
        return
    with _secrets_lock:
        if value in _secrets:
            return
        _secrets.add(value)
        # Longest first, so a secret containing another is replaced whole.
        ordered = sorted(_secrets, key=len, reverse=True)
        _secret_pattern = re.compile("|".join(re.escape(s) for s in ordered))


def redact(text: str) -> str:
    """``text`` without card numbers, CVVs or registered secrets."""
    pattern = _secret_pattern
    if pattern is not None:
        text = pattern.sub("<secret>", text)
    text = redact_pans(text)
    return _CVV.sub(lambda m: m.group("key") + "***", text)


class RedactionFilter(logging.Filter):
    """Rewrites each record in place so every handler after it sees only redacted text."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
            # The formatter would otherwise render the unredacted exception again.
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class PrivateFileHandler(logging.FileHandler):
    """The log file, created 0600 (:func:`paths.open_private`), not rotated: the app's until its first frame
    (:func:`setup_logging` with ``rotating=False``), so ``logging.handlers`` (which imports ``pickle``,
    ``queue`` and ``struct``, ~5-10 ms) is not imported before it; :func:`rotate_from_now_on` then puts the
    rotating handler in its place, on the same file."""

    def _open(self):  # type: ignore[no-untyped-def]
        return paths.open_private(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors)


_rotating_class: type[logging.FileHandler] | None = None


def private_rotating_file_handler(path: Path) -> logging.FileHandler:
    """A ``logging.handlers.RotatingFileHandler`` whose files only the user can read: created 0600
    (:func:`paths.open_private`); rotated files keep the mode, as rotation renames them. 2 MB a file, five
    old files kept."""
    global _rotating_class
    if _rotating_class is None:
        import logging.handlers

        class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
            def _open(self):  # type: ignore[no-untyped-def]
                return paths.open_private(self.baseFilename, self.mode, encoding=self.encoding,
                                          errors=self.errors)

        _rotating_class = PrivateRotatingFileHandler
    return _rotating_class(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")


_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_installed: list[logging.Handler] = []


def log_file_path() -> Path:
    """Where :func:`setup_logging` writes (the path shown to users when something goes wrong)."""
    return paths.log_dir() / LOG_FILE_NAME


def _install(root: logging.Logger, handler: logging.Handler) -> None:
    handler.addFilter(RedactionFilter())
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    _installed.append(handler)


def setup_logging(level: int = logging.INFO, *, to_stderr: bool = True, rotating: bool = True) -> Path:
    """Send the root logger to the rotating log file (and stderr), redacted. Safe to call twice.

    With ``rotating=False`` (the app, until its first frame) the file is written by a plain
    :class:`PrivateFileHandler` until :func:`rotate_from_now_on`. Returns the log file's path.
    """
    root = logging.getLogger()
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()

    path = log_file_path()
    _install(root, private_rotating_file_handler(path) if rotating
             else PrivateFileHandler(path, mode="a", encoding="utf-8"))
    if to_stderr:
        _install(root, logging.StreamHandler(sys.stderr))
    root.setLevel(level)
    logging.captureWarnings(True)
    # httpx logs every request URL at INFO; the client logs what matters itself.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return path


def rotate_from_now_on() -> None:
    """Replace the plain file handler of ``setup_logging(rotating=False)`` by the rotating one, on the same
    file; the file rolls over at the next record if it is already full. The new handler is added before the
    old one is removed: a record logged by another thread at that moment may be written twice, never lost.
    Nothing to do when the file handler already rotates (or logging was not set up)."""
    root = logging.getLogger()
    for index, handler in enumerate(_installed):
        if type(handler) is PrivateFileHandler:
            rotating = private_rotating_file_handler(Path(handler.baseFilename))
            rotating.addFilter(RedactionFilter())
            rotating.setFormatter(logging.Formatter(_FORMAT))
            root.addHandler(rotating)
            root.removeHandler(handler)
            handler.close()
            _installed[index] = rotating
