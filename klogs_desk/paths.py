"""Where klogs-desk writes files. Everything the app writes lives under :func:`app_home`.

``KLOGS_DESK_HOME`` overrides the platform's data directory (tests point it at a temporary folder and then
scan everything written there for card data).

Files only the user can read: every directory the app creates is 0700 and every file it writes (journal and
SQLite's -wal/-shm, settings, logs and rotated logs, receipts, CSV exports) 0600, set explicitly where each
is created (:func:`private_dir`, :func:`private_file`, :func:`open_private`) so the umask does not matter.
A file that already exists with a wider mode (written by an older version) is narrowed when next opened.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, Any

import platformdirs

APP_NAME = "klogs-desk"
ORGANIZATION = "Klogs"

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """``path`` as a directory only the user can enter (created if missing, narrowed if it was wider).

    Parents that do not exist are created too (with the umask's mode: they are not the app's own). A
    shared directory (sticky bit, like ``/tmp`` given as ``KLOGS_DESK_HOME``) is left as it is."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if not path.stat().st_mode & stat.S_ISVTX:
        os.chmod(path, PRIVATE_DIR_MODE)
    return path


def private_file(path: Path | str) -> Path:
    """``path`` as a file only the user can read and write: created empty if missing, narrowed if not.

    Call it before another library (SQLite, Qt) opens the file, so the file is never wider for a moment.
    """
    path = Path(path)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE))  # new: 0600 whatever the umask
    narrow(path)  # existing: narrowed
    return path


def narrow(path: Path | str) -> None:
    """Make an existing file 0600 (after a library created it its own way); a missing file is ignored.

    A filesystem without Unix modes (a FAT USB stick a cashier exports to) may refuse: the file is then as
    private as that filesystem allows, and the export or receipt is still written.
    """
    try:
        os.chmod(path, PRIVATE_FILE_MODE)
    except (FileNotFoundError, PermissionError):
        pass


def open_private(path: Path | str, mode: str = "w", **kwargs: Any) -> IO[Any]:
    """:func:`open` for a file only the user can read: created 0600, an existing one narrowed first."""
    if Path(path).exists():
        narrow(path)
    return open(path, mode, opener=lambda name, flags: os.open(name, flags, PRIVATE_FILE_MODE), **kwargs)


def app_home() -> Path:
    override = os.environ.get("KLOGS_DESK_HOME")
    return private_dir(Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, ORGANIZATION)))


def journal_path() -> Path:
    return app_home() / "journal.sqlite3"


def audit_path() -> Path:
    """The audit trail (:mod:`klogs_desk.domain.audit`), next to the journal."""
    return app_home() / "audit.sqlite3"


def staff_path() -> Path:
    """The operators (names, roles, PIN hashes): kept apart from the settings file."""
    return app_home() / "staff.sqlite3"


def sandbox_path() -> Path:
    """The training sandbox's state (payments, checkout links, subscriptions, its clock; masked card data
    only), so a restarted terminal still finds the day's training payments."""
    return app_home() / "sandbox.sqlite3"


def settings_path() -> Path:
    return app_home() / "settings.ini"


def log_dir() -> Path:
    return private_dir(app_home() / "logs")


def receipts_dir() -> Path:
    return private_dir(app_home() / "receipts")
