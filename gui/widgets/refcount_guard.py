"""Keeps PySide6 6.12 usable on Python 3.11: its bindings return None without taking a reference.

Measured here: every call of a void Qt method (QLabel.setText, setToolTip, setData, ...) drops one
reference to None; after ~5,000 calls Python aborts with "none_dealloc: deallocating None".
Python 3.12+ makes None immortal, which is what those bindings assume. On older interpreters we
give None (and the two booleans) the same effectively-immortal reference count, once, at import.
The objects are static singletons: they are never freed either way, so this changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # a trillion dropped references: far beyond any session


def make_singletons_immortal() -> bool:
    """Raise the reference counts of None, True and False on CPython < 3.12; True when applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field
        if count.value < _HEADROOM:
            count.value += _HEADROOM
    return True


APPLIED = make_singletons_immortal()
