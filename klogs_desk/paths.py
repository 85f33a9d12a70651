"""Where klogs-desk writes files. Everything the app writes lives under :func:`app_home`.

``KLOGS_DESK_HOME`` overrides the platform's data directory (tests point it at a temporary folder and then
scan everything written there for card data).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "klogs-desk"
ORGANIZATION = "Klogs"


def app_home() -> Path:
    override = os.environ.get("KLOGS_DESK_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, ORGANIZATION))
    path.mkdir(parents=True, exist_ok=True)
    return path


def journal_path() -> Path:
    return app_home() / "journal.sqlite3"


def settings_path() -> Path:
    return app_home() / "settings.ini"


def log_dir() -> Path:
    path = app_home() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def receipts_dir() -> Path:
    path = app_home() / "receipts"
    path.mkdir(parents=True, exist_ok=True)
    return path
