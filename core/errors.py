"""The one error type for bad input: it names the field and the allowed range (architecture rule 5)."""

from __future__ import annotations

import math


class ValidationError(ValueError):
    """Raised for any input the core cannot accept.

    `field` is a dotted path a user can find ("training.batch", "layers[3].kernel"),
    `allowed` says what would be accepted ("1 to 4096", "one of fp32, fp16"), and the
    message reads as one line in a GUI tooltip or on a terminal.
    """

    def __init__(self, field: str, message: str, allowed: str = "") -> None:
        self.field = field
        self.allowed = allowed
        self.reason = message
        text = f"{field}: {message}"
        if allowed:
            text += f" (allowed: {allowed})"
        super().__init__(text)


def require_range(field: str, value: float, low: float, high: float, unit: str = "") -> float:
    """Return `value` if low <= value <= high, else raise a ValidationError naming the range."""
    suffix = f" {unit}" if unit else ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(field, f"{value!r} is not a number", f"{low:g} to {high:g}{suffix}") from None
    if not (low <= number <= high):  # also rejects NaN
        raise ValidationError(field, f"{value!r} is out of range", f"{low:g} to {high:g}{suffix}")
    return number


def require_int_range(field: str, value: object, low: int, high: int) -> int:
    """Like require_range for whole numbers; rejects booleans and fractions."""
    if (isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value)
            or int(value) != value):
        raise ValidationError(field, f"{value!r} is not a whole number", f"{low} to {high}")
    number = int(value)
    if not (low <= number <= high):
        raise ValidationError(field, f"{number} is out of range", f"{low} to {high}")
    return number


def require_choice(field: str, value: object, choices: tuple[str, ...] | list[str]) -> str:
    """Return `value` if it is one of `choices`, else raise naming them."""
    if value not in choices:
        raise ValidationError(field, f"{value!r} is not recognised", "one of " + ", ".join(choices))
    return str(value)
