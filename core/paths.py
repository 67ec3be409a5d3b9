"""Where Rigsizer keeps the user's data (catalog database, autosaves): one function, one rule.

`RIGSIZER_DATA_DIR` wins; otherwise the platform convention: XDG_DATA_HOME/rigsizer on Linux
(~/.local/share/rigsizer), %LOCALAPPDATA%\\Rigsizer on Windows, ~/Library/Application Support/Rigsizer
on macOS.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "rigsizer"


def user_data_dir(create: bool = True) -> Path:
    """The per-user data folder; created on first use unless `create` is False."""
    override = os.environ.get("RIGSIZER_DATA_DIR", "").strip()
    if override:
        path = Path(override).expanduser()
    elif sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Local")
        path = Path(base) / "Rigsizer"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / "Rigsizer"
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "").strip()
        base = Path(xdg).expanduser() if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
        path = base / APP_DIR_NAME
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def catalog_db_path() -> Path:
    """The hardware catalog database: <user data dir>/catalog.db."""
    return user_data_dir() / "catalog.db"
