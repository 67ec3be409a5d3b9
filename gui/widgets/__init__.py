"""Small shared widgets: validated field editors, search boxes, headline cards, previews.

Importing this package applies `refcount_guard` (PySide6 6.12 on Python 3.11 drops references to
None on every void call; see that module).
"""

from . import refcount_guard as _refcount_guard  # noqa: F401
