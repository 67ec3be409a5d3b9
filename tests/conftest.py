"""Shared test setup: Qt runs offscreen, and no test touches the user's real data directory."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point XDG data/config/cache at a temporary folder so tests never see real user state."""
    base = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        path = base / variable.lower()
        path.mkdir()
        monkeypatch.setenv(variable, str(path))
    monkeypatch.setenv("RIGSIZER_DATA_DIR", str(base / "rigsizer-data"))
    yield base
