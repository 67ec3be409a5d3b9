"""A search field that reports its text after a short pause (typing never stalls the view)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchBox(QLineEdit):
    """QLineEdit with a clear button; `searchChanged(text)` fires 150 ms after the last keystroke."""

    searchChanged = Signal(str)

    def __init__(self, placeholder: str = "", delay_ms: int = 150, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(placeholder or self.tr("Search…"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._emit)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._emit)

    def set_search(self, text: str) -> None:
        """Set the text and report it at once (no pause)."""
        self.setText(text)
        self._emit()

    def _emit(self) -> None:
        self._timer.stop()
        self.searchChanged.emit(self.text().strip())
