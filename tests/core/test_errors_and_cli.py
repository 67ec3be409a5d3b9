"""Validation errors name the field and the range; the CLI prints one line and exits 2 on bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rigsizer.core.errors import ValidationError, require_choice, require_int_range, require_range


def test_range_error_names_field_and_range():
    with pytest.raises(ValidationError) as caught:
        require_range("training.epochs", 0, 1, 100000)
    assert caught.value.field == "training.epochs"
    assert "1 to 100000" in str(caught.value)


def test_nan_is_out_of_range():
    with pytest.raises(ValidationError):
        require_range("x", float("nan"), 0, 1)


def test_int_range_rejects_fraction_and_bool():
    with pytest.raises(ValidationError):
        require_int_range("batch", 2.5, 1, 10)
    with pytest.raises(ValidationError):
        require_int_range("batch", True, 1, 10)
    assert require_int_range("batch", 4.0, 1, 10) == 4


def test_choice_lists_allowed_values():
    with pytest.raises(ValidationError) as caught:
        require_choice("precision", "fp12", ("fp32", "fp16"))
    assert "fp32, fp16" in str(caught.value)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rigsizer.core.cli", *args], capture_output=True, text=True)


def test_cli_unknown_command_is_one_line_exit_2():
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_without_command_prints_help_and_exits_2():
    result = run_cli()
    assert result.returncode == 2
    assert "COMMAND" in result.stdout


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_int_range_rejects_non_finite_numbers_with_validation_error(bad):
    with pytest.raises(ValidationError):
        require_int_range("input.height", bad, 1, 8192)
