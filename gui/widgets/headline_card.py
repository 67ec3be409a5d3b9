"""A clickable card for one headline number: title, value, uncertainty band and a short note."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


def status_colour(status: str) -> str:
    """The theme's colour for good / warn / bad (from the chart style, so dark mode stays readable)."""
    if status not in ("good", "warn", "bad"):
        return ""
    from ..charts import style

    return style.role_color(status).name()


class HeadlineCard(QFrame):
    """Shows one Derived value; clicking it asks for its explanation (`clicked(key)`)."""

    clicked = Signal(str)

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("card:" + key)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        self.title_label = QLabel(title)
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        self.title_label.setFont(font)
        self.value_label = QLabel("—")
        value_font = QFont(self.value_label.font())
        value_font.setPointSizeF(value_font.pointSizeF() * 1.45)
        value_font.setBold(True)
        self.value_label.setFont(value_font)
        self.value_label.setWordWrap(True)  # long words ("GPU memory bandwidth") wrap rather than clip
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label = QLabel("")
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        self._status = ""
        from ..charts import style

        style.notifier().changed.connect(self._apply_status)  # theme switch

    def set_content(self, value: str, detail: str = "", status: str = "", tooltip: str = "") -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        self._status = status
        self._apply_status()
        self.setProperty("status", status)
        self.setToolTip(tooltip)

    def _apply_status(self, *_args: object) -> None:
        colour = status_colour(self._status)
        self.value_label.setStyleSheet(f"color: {colour};" if colour else "")

    def value_text(self) -> str:
        return self.value_label.text()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.key)
        super().mouseReleaseEvent(event)
