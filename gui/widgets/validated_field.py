"""An input with its unit and an in-place error line: the one way every pane shows bad input.

Invalid values are never clamped or silently dropped: the text stays as typed, the input gets a
red border and the core's validation message appears right under it (no dialogs).
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .numbers import format_number, parse_number

ERROR_COLOUR = "#d32f2f"
_INVALID_STYLE = f"border: 1px solid {ERROR_COLOUR}; border-radius: 2px; padding: 1px;"


class ValidatedField(QWidget):
    """Edits one value of a known type (number, whole number, text, choice or flag).

    `edited(value)` fires when the user commits an edit (Enter, focus out, choice picked) with the
    parsed value; a value that cannot even be parsed is reported in place and not emitted.
    """

    edited = Signal(object)

    def __init__(
        self,
        kind: str = "float",
        choices: tuple[str, ...] | list[str] = (),
        unit: str = "",
        choice_labels: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kind = kind if not choices else "choice"
        self._choices = tuple(choices)
        self._value: Any = None
        self._invalid = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        if self._kind == "choice":
            self.input = QComboBox()
            # long choice labels must not widen a narrow dock: the popup still shows them in full
            self.input.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.input.setMinimumContentsLength(10)
            labels = choice_labels or {}
            for choice in self._choices:
                self.input.addItem(labels.get(str(choice), str(choice)), choice)
            self.input.activated.connect(self._commit)
        elif self._kind == "bool":
            self.input = QCheckBox()
            self.input.toggled.connect(self._commit)
        else:
            self.input = QLineEdit()
            self.input.editingFinished.connect(self._commit)
            self.input.setMinimumWidth(80)
        self.input.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        row.addWidget(self.input, 1)
        self.unit_label = QLabel(unit)
        self.unit_label.setVisible(bool(unit))
        self.unit_label.setMinimumWidth(0)
        row.addWidget(self.unit_label)
        layout.addLayout(row)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout.addWidget(self.error_label)

    # -- value ---------------------------------------------------------------------------------
    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        """Show `value` without emitting `edited` (used when the project changes)."""
        self._value = value
        blocked = self.input.blockSignals(True)
        try:
            if isinstance(self.input, QComboBox):
                index = self.input.findData(value)
                if index < 0 and value is not None:
                    self.input.addItem(str(value), value)
                    index = self.input.count() - 1
                self.input.setCurrentIndex(index)
            elif isinstance(self.input, QCheckBox):
                self.input.setChecked(bool(value))
            else:
                self.input.setText(self._display(value))
        finally:
            self.input.blockSignals(blocked)

    def kind(self) -> str:
        return self._kind

    def parsed(self) -> float | None:
        """The typed number (None when the text is not a number)."""
        return parse_number(self.text()) if isinstance(self.input, QLineEdit) else None

    def text(self) -> str:
        if isinstance(self.input, QLineEdit):
            return self.input.text()
        if isinstance(self.input, QComboBox):
            return self.input.currentText()
        return str(self.input.isChecked())

    def enter_text(self, text: str) -> None:
        """Type `text` and commit it, as a user would (also used by tests)."""
        if isinstance(self.input, QLineEdit):
            self.input.setText(text)
            self._commit()
        elif isinstance(self.input, QComboBox):
            index = self.input.findData(text)
            if index < 0:
                index = self.input.findText(text)
            self.input.setCurrentIndex(index)
            self._commit()
        else:
            self.input.setChecked(text.lower() in ("1", "true", "yes", "on"))

    # -- errors --------------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        self.input.setStyleSheet(_INVALID_STYLE)
        self._invalid = True
        self.error_label.setText(message)
        self.error_label.show()
        self.input.setToolTip(message + ("\n\n" + self._help if getattr(self, "_help", "") else ""))

    def clear_error(self) -> None:
        if not self.has_error():
            return
        self.input.setStyleSheet("")
        self._invalid = False
        self.error_label.clear()
        self.error_label.hide()
        self.input.setToolTip(getattr(self, "_help", ""))

    def has_error(self) -> bool:
        # a Python flag: reading a bool back through QObject.property() is avoided on purpose
        return self._invalid

    def error_text(self) -> str:
        return self.error_label.text() if self.has_error() else ""

    def set_help(self, text: str) -> None:
        self._help = text
        self.setToolTip(text)
        self.input.setToolTip(text)

    # -- internals -----------------------------------------------------------------------------
    def _display(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return format_number(value, 15) if abs(value) < 1e15 else str(value)
        if isinstance(value, float):
            if math.isnan(value):
                return ""
            return format_number(value, 6)
        return str(value)

    def _commit(self, *_args: object) -> None:
        if isinstance(self.input, QComboBox):
            value = self.input.currentData()
        elif isinstance(self.input, QCheckBox):
            value = self.input.isChecked()
        elif self._kind in ("float", "int"):
            text = self.input.text()
            number = parse_number(text)
            if number is None:
                self.show_error(self.tr("“%1” is not a number").replace("%1", text.strip()))
                return
            value = int(number) if self._kind == "int" and float(number).is_integer() else number
        else:
            value = self.input.text().strip()
        if value == self._value and not self.has_error():
            return
        self.edited.emit(value)
