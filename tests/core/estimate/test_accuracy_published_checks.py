"""The held-out published end-to-end checks in benchmarks/accuracy.py: DETR on V100s, through the
public estimator as a user would set the project up, never part of the calibration data."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_published_checks_are_not_in_the_calibration_data():
    with open(ROOT / "resources/calibration/measurements.csv", newline="", encoding="utf-8") as f:
        models = {row["model"].split(" (")[0].strip() for row in csv.DictReader(f)}
    assert not any(name.startswith("detr") for name in models)


def test_accuracy_script_prints_the_held_out_detr_checks_with_their_errors():
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks/accuracy.py"), "--checks"], capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stdout.splitlines() if "predicted" in line]
    assert len(lines) == 2
    training, inference = lines
    assert "training" in training and "published 28 min" in training
    assert "inference" in inference and "published 36 ms" in inference
    for line in lines:
        predicted = float(re.search(r"predicted\s+([\d.]+)", line).group(1))
        error = float(re.search(r"error ([+-]\d+)%", line).group(1))
        published = 28.0 if line is training else 36.0
        assert abs((predicted - published) / published * 100 - error) < 1.0
        # the estimate must at least be in the right range: within a factor of three of the published figure
        assert published / 3 < predicted < published * 3
    assert "source: facebookresearch/detr README" in run.stdout
