"""Keeps `None` alive under PySide6 6.12 on Python 3.11.

On this combination every call of a void Qt method through the bindings drops one reference
to `None`; before Python 3.12 `None` is not immortal, so after enough calls (a few PDF exports)
the interpreter aborts with "deallocating None". Raising None's reference count once by a
huge margin makes it effectively immortal, as it is on 3.12+. Harmless where the bug is absent.
"""

from __future__ import annotations

import ctypes
import sys

MARGIN = 1 << 48
_done = False


def pin_none() -> None:
    global _done
    if _done or sys.version_info >= (3, 12):
        _done = True
        return
    ctypes.c_ssize_t.from_address(id(None)).value += MARGIN
    _done = True
