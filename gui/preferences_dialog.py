"""Preferences: theme, language and autosave interval, applied as soon as they are chosen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rigsizer.gui import i18n, settings, theme


class PreferencesDialog(QDialog):
    """Changes take effect immediately and are remembered; Close just closes."""

    autosaveIntervalChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.theme_combo = QComboBox(self)
        self.language_combo = QComboBox(self)
        self.autosave_spin = QSpinBox(self)
        self.autosave_spin.setRange(10, 3600)
        self.theme_label = QLabel(self)
        self.language_label = QLabel(self)
        self.autosave_label = QLabel(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.theme_label, self.theme_combo)
        form.addRow(self.language_label, self.language_combo)
        form.addRow(self.autosave_label, self.autosave_spin)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._filling = False
        self.retranslate()
        self.autosave_spin.setValue(settings.autosave_interval_s())
        self.theme_combo.currentIndexChanged.connect(self._theme_chosen)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.autosave_spin.valueChanged.connect(self._autosave_chosen)
        self.setMinimumWidth(420)

    def retranslate(self) -> None:
        self._filling = True
        self.setWindowTitle(self.tr("Preferences"))
        self.theme_label.setText(self.tr("Theme:"))
        self.language_label.setText(self.tr("Language:"))
        self.autosave_label.setText(self.tr("Autosave every:"))
        self.autosave_spin.setSuffix(self.tr(" s"))
        self.note.setText(self.tr("Changes apply at once. \u201cSystem\u201d follows the desktop settings."))
        self.theme_combo.clear()
        for value, text in (("system", self.tr("System")), ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.theme_combo.addItem(text, value)
        self.language_combo.clear()
        self.language_combo.addItem(self.tr("System"), "system")
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)  # each language in its own script
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(settings.theme())))
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language())))
        self._filling = False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 — Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def choose_theme(self, value: str) -> None:
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(value))

    def choose_language(self, value: str) -> None:
        self.language_combo.setCurrentIndex(self.language_combo.findData(value))

    def _theme_chosen(self, _index: int) -> None:
        if self._filling:
            return
        value = self.theme_combo.currentData()
        settings.set_theme(value)
        theme.apply_theme(value)

    def _language_chosen(self, _index: int) -> None:
        if self._filling:
            return
        value = self.language_combo.currentData()
        settings.set_language(value)
        i18n.apply_language(value)

    def _autosave_chosen(self, value: int) -> None:
        settings.set_autosave_interval_s(value)
        self.autosaveIntervalChanged.emit(value)
