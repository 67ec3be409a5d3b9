"""Registers the bundled fonts with Qt, so Chinese renders on machines without a CJK system font."""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path

FAMILY = "Rigsizer Sans CJK"
FONT_FILES = ("RigsizerSansCJK-Regular.ttf", "RigsizerSansCJK-Bold.ttf")
_lock = threading.Lock()
_registered: str | None = None


def fonts_dir() -> Path:
    return Path(str(resources.files("rigsizer.resources") / "fonts"))


def ensure_report_fonts() -> str:
    """Register the bundled font files once (any thread); returns the family name to use."""
    global _registered
    with _lock:
        if _registered is not None:
            return _registered
        from PySide6.QtGui import QFontDatabase

        families: list[str] = []
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / name))
            if font_id < 0:
                raise OSError(f"the bundled font {name} could not be loaded from {fonts_dir()}")
            families += QFontDatabase.applicationFontFamilies(font_id)
        _registered = families[0] if families else FAMILY
        return _registered
