"""Shorthands over the shell's chart style (`style.py`) for the working charts' pens and brushes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from . import style


def pen(index: int, width: float = 2.0, dashed: bool = False) -> QPen:
    return style.series_pen(index, width, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


def role_pen(role: str, width: float = 2.0, dashed: bool = False) -> QPen:
    return style.role_pen(role, width, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


def brush(index: int, alpha: int = 255) -> QBrush:
    return style.series_brush(index, alpha)


def role_brush(role: str, alpha: int = 255) -> QBrush:
    return style.role_brush(role, alpha)


def foreground() -> QColor:
    return QColor(style.chart_style().foreground)



def background() -> QColor:
    return QColor(style.chart_style().background)


def apply_theme(plot: Any) -> None:
    """Colour the plot for the current theme and re-colour it on every switch."""
    style.style_plot(plot)
