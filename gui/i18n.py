"""User-interface language (English, Simplified Chinese) and locale-aware number formatting.

Translations are Qt Linguist files in `resources/i18n/` (rigsizer_<lang>.qm) plus Qt's own
`qtbase_<lang>.qm` for standard dialogs and buttons. Installing or removing a translator makes Qt
send a LanguageChange event to every widget; widgets re-read their texts in `changeEvent`.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}


def translations_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("rigsizer.resources") / "i18n"))


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def resolve_language(choice: str) -> str:
    """Map a preference ("system", "en", "zh_CN") to a language the app ships."""
    if choice in LANGUAGES:
        return choice
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


class LanguageController(QObject):
    """Installs the translators for one language at a time."""

    languageChanged = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"
        self.missing: list[str] = []  # translation files that could not be loaded (shown in About)

    def apply(self, choice: str) -> str:
        language = resolve_language(choice)
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators.clear()
        self.missing.clear()
        if language != "en":
            for name, folder in ((f"rigsizer_{language}", translations_dir()), (f"qtbase_{language}", qt_translations_dir())):
                translator = QTranslator(self)
                if translator.load(name, str(folder)):
                    QCoreApplication.installTranslator(translator)
                    self._translators.append(translator)
                else:
                    self.missing.append(str(folder / f"{name}.qm"))
        QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
        self.language = language
        self.languageChanged.emit(language)
        return language


_controller: LanguageController | None = None


def controller(app: QCoreApplication | None = None) -> LanguageController:
    global _controller
    app = app or QCoreApplication.instance()
    if _controller is None or _controller.parent() is not app:
        _controller = LanguageController(app)
    return _controller


def apply_language(choice: str) -> str:
    """Switch the running app's language; returns the language now in use ("en" or "zh_CN")."""
    return controller().apply(choice)


def current_language() -> str:
    return controller().language if _controller is not None else "en"


def phrase_language() -> str:
    """"zh" or "en": the language the core's own English phrases are shown in (gui.report.phrases)."""
    return "zh" if current_language().startswith("zh") else "en"


def format_number(value: float | int | None, decimals: int = 2, unknown: str | None = None) -> str:
    """A number with the current locale's digit grouping; NaN/None reads as 'unknown'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return unknown if unknown is not None else QCoreApplication.translate("i18n", "unknown")
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and decimals == 0):
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", decimals)


def format_bytes(value: float | None, unknown: str | None = None) -> str:
    """Binary units (GiB for capacities, per the domain conventions)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return unknown if unknown is not None else QCoreApplication.translate("i18n", "unknown")
    units = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")
    size = float(value)
    index = 0
    while abs(size) >= 1024 and index < len(units) - 1:
        size /= 1024
        index += 1
    return f"{format_number(size, 0 if index == 0 else 1)} {units[index]}"
