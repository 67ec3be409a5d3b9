"""Where the app keeps its preferences (QSettings, INI) and its autosaves (the user data dir).

Paths are computed from the environment on every call, so tests that point XDG_CONFIG_HOME and
RIGSIZER_DATA_DIR at temporary folders get isolated settings without touching the real ones.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8
THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "zh_CN")


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "rigsizer"


def user_data_dir() -> Path:
    """The folder for the user's own data: the core decides (RIGSIZER_DATA_DIR, else the platform rule)."""
    from rigsizer.core.paths import user_data_dir as core_user_data_dir

    return core_user_data_dir()


def autosave_dir() -> Path:
    return user_data_dir() / "autosave"


def open_settings() -> QSettings:
    """The app's settings file (INI under the config dir, so it is readable and easy to isolate)."""
    path = config_dir() / "rigsizer.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def _text(settings: QSettings, key: str, default: str, allowed: tuple[str, ...]) -> str:
    value = settings.value(key, default)
    return value if isinstance(value, str) and value in allowed else default


def theme(settings: QSettings | None = None) -> str:
    return _text(settings or open_settings(), "ui/theme", "system", THEMES)


def set_theme(value: str, settings: QSettings | None = None) -> None:
    (settings or open_settings()).setValue("ui/theme", value if value in THEMES else "system")


def language(settings: QSettings | None = None) -> str:
    return _text(settings or open_settings(), "ui/language", "system", LANGUAGES)


def set_language(value: str, settings: QSettings | None = None) -> None:
    (settings or open_settings()).setValue("ui/language", value if value in LANGUAGES else "system")


def autosave_interval_s(settings: QSettings | None = None) -> int:
    value = (settings or open_settings()).value("autosave/interval_s", 60)
    try:
        return max(10, min(3600, int(value)))
    except (TypeError, ValueError):
        return 60


def set_autosave_interval_s(value: int, settings: QSettings | None = None) -> None:
    (settings or open_settings()).setValue("autosave/interval_s", max(10, min(3600, int(value))))


def recent_files(settings: QSettings | None = None) -> list[Path]:
    value = (settings or open_settings()).value("files/recent", [])
    if isinstance(value, str):
        value = [value] if value else []
    return [Path(item) for item in (value or []) if isinstance(item, str) and item][:MAX_RECENT]


def add_recent_file(path: Path, settings: QSettings | None = None) -> list[Path]:
    settings = settings or open_settings()
    resolved = Path(path).resolve()
    files = [resolved] + [item for item in recent_files(settings) if item != resolved]
    files = files[:MAX_RECENT]
    settings.setValue("files/recent", [str(item) for item in files])
    return files


def clear_recent_files(settings: QSettings | None = None) -> None:
    (settings or open_settings()).setValue("files/recent", [])
