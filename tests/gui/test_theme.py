"""Light and dark themes: Fusion style, window palette and chart colours follow the switch."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from rigsizer.gui import settings, theme
from rigsizer.gui.charts import style


def _lightness(widget) -> int:
    return widget.palette().color(QPalette.ColorRole.Window).lightness()


def test_switching_to_dark_recolours_the_window_and_its_charts(main_window, qtbot, screenshot):
    monitor = main_window.panes["workstation"].monitor
    plot = monitor.cpu_plot
    assert QApplication.style().name().lower() == "fusion"
    assert _lightness(main_window) > 200
    assert plot.backgroundBrush().color().name() == style.LIGHT.background
    light_pen = monitor.cpu_curve.opts["pen"].color().name()

    with qtbot.waitSignal(style.notifier().changed):
        assert theme.apply_theme("dark") is True
    qtbot.waitUntil(lambda: _lightness(main_window) < 80, timeout=2000)  # palette events are posted
    assert plot.backgroundBrush().color().name() == style.DARK.background
    assert plot.getPlotItem().getAxis("left").textPen().color().name() == style.DARK.foreground
    assert monitor.cpu_curve.opts["pen"].color().name() != light_pen
    main_window.resize(1500, 940)
    screenshot(main_window, "main_window_dark")
    main_window.docks["workstation"].raise_()
    main_window.panes["workstation"].tabs.setCurrentWidget(monitor)
    monitor.sample_once()
    screenshot(main_window.panes["workstation"], "workstation_live_monitor_dark")

    theme.apply_theme("light")
    qtbot.waitUntil(lambda: _lightness(main_window) > 200, timeout=2000)
    assert plot.backgroundBrush().color().name() == style.LIGHT.background
    assert monitor.cpu_curve.opts["pen"].color().name() == light_pen


def test_theme_choice_in_preferences_applies_at_once_and_is_remembered(main_window):
    main_window.open_preferences()
    dialog = main_window.preferences_dialog
    dialog.choose_theme("dark")
    assert theme.controller().dark
    assert settings.theme() == "dark"
    dialog.choose_theme("system")
    assert settings.theme() == "system"
    assert theme.controller().dark == theme.system_prefers_dark()
    dialog.close()


def test_system_mode_follows_the_platform_colour_scheme():
    assert theme.resolve_dark("dark") is True
    assert theme.resolve_dark("light") is False
    assert theme.resolve_dark("system") is theme.system_prefers_dark()
