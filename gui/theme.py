"""Light and dark themes on the Fusion style, following the system unless the user picks one.

The palette is set explicitly (not left to the platform) so both themes look the same on every
desktop and offscreen; charts follow through `charts.style.set_dark`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from rigsizer.gui.charts import style as chart_style


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return bool(scheme and scheme() == Qt.ColorScheme.Dark)


def resolve_dark(mode: str) -> bool:
    if mode == "dark":
        return True
    if mode == "light":
        return False
    return system_prefers_dark()


def light_palette() -> QPalette:
    fusion = QStyleFactory.create("Fusion")
    palette = fusion.standardPalette()
    palette.setColor(QPalette.ColorRole.Link, QColor("#0b63c5"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fcf"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#7a7a7a"))
    return palette


def dark_palette() -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    colours = {
        role.Window: "#2b2d31",
        role.WindowText: "#e3e3e3",
        role.Base: "#1e1f22",
        role.AlternateBase: "#26282c",
        role.ToolTipBase: "#3a3d42",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8c8c8c",
        role.Text: "#e3e3e3",
        role.Button: "#35383d",
        role.ButtonText: "#e3e3e3",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4d52",
        role.Midlight: "#3d4045",
        role.Mid: "#2f3236",
        role.Dark: "#191a1c",
        role.Shadow: "#0d0d0e",
        role.Highlight: "#3d7bd9",
        role.HighlightedText: "#ffffff",
        role.Link: "#6cb6ff",
        role.LinkVisited: "#b48ef0",
    }
    for colour_role, value in colours.items():
        p.setColor(colour_role, QColor(value))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, colour_role, QColor("#7d7d7d"))
    p.setColor(group.Disabled, role.Base, QColor("#26282c"))
    p.setColor(group.Disabled, role.Button, QColor("#2f3236"))
    return p


class ThemeController(QObject):
    """Applies a theme mode ("system", "light", "dark") and re-applies it when the system switches."""

    themeChanged = Signal(bool)  # dark?

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.mode = "system"
        self.dark = False
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._system_changed)

    def apply(self, mode: str) -> bool:
        self.mode = mode if mode in ("system", "light", "dark") else "system"
        dark = resolve_dark(self.mode)
        self._app.setStyle("Fusion")
        self._app.setPalette(dark_palette() if dark else light_palette())
        self.dark = dark
        chart_style.set_dark(dark)
        self.themeChanged.emit(dark)
        return dark

    def _system_changed(self, *_args: object) -> None:
        if self.mode == "system":
            self.apply("system")


_controller: ThemeController | None = None


def controller(app: QApplication | None = None) -> ThemeController:
    """The app's single theme controller (created on first use)."""
    global _controller
    app = app or QApplication.instance()
    if _controller is None or _controller.parent() is not app:
        _controller = ThemeController(app)
    return _controller


def apply_theme(mode: str) -> bool:
    """Switch the running app to `mode`; returns True when the result is dark."""
    return controller().apply(mode)
