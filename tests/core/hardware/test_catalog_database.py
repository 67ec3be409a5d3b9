"""The catalog database: built on first run in the user data dir, upgraded by migrations and seed versions
without losing the user's rows, and rebuilt (user rows recovered) when the file is damaged."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.hardware.migrations import MIGRATION_SET
from rigsizer.core.hardware.seed import seed_dir


def test_first_open_builds_catalog_db_in_user_data_dir(isolated_user_dirs):
    with Catalog.open() as catalog:
        assert catalog.path == isolated_user_dirs / "rigsizer-data" / "catalog.db"
        assert catalog.path.exists()
        assert catalog.recovery_message == ""
        assert len(catalog.devices("gpu")) == 43


def test_data_dir_follows_xdg_when_no_override(monkeypatch, isolated_user_dirs):
    from rigsizer.core.paths import catalog_db_path

    monkeypatch.delenv("RIGSIZER_DATA_DIR")
    assert catalog_db_path() == isolated_user_dirs / "xdg_data_home" / "rigsizer" / "catalog.db"


def test_migrations_are_recorded_and_not_rerun(tmp_path):
    path = tmp_path / "catalog.db"
    Catalog.open(path).close()
    with Catalog.open(path) as catalog:
        names = [r["name"] for r in catalog.db["_sqlite_migrations"].rows_where("migration_set = ?", [MIGRATION_SET])]
        assert names == ["0001_tables", "0002_search"]


def test_other_modules_can_keep_tables_in_the_same_database(tmp_path):
    path = tmp_path / "catalog.db"
    with Catalog.open(path) as catalog:
        catalog.db["calibration"].insert({"id": 1, "factor": 0.7}, pk="id")
    with Catalog.open(path) as catalog:
        assert catalog.db["calibration"].get(1)["factor"] == 0.7


def _copy_seed(tmp_path: Path) -> Path:
    target = tmp_path / "seed"
    shutil.copytree(seed_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    return target


def _edit_csv(path: Path, row_id: str, changes: dict | None, drop: bool = False) -> None:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    out = []
    for row in rows:
        if row["id"] == row_id:
            if drop:
                continue
            row.update(changes or {})
        out.append(row)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)


def _bump(folder: Path) -> int:
    meta = json.loads((folder / "seed.json").read_text())
    meta["version"] += 1
    (folder / "seed.json").write_text(json.dumps(meta))
    return meta["version"]


def test_user_edits_and_devices_survive_a_seed_upgrade(tmp_path):
    folder = _copy_seed(tmp_path)
    path = tmp_path / "catalog.db"
    with Catalog.open(path, seed_dir=folder) as catalog:
        catalog.set_price("nvidia-geforce-rtx-4090", 1799, "USD", "2026-11-20", "quote from our dealer")
        catalog.update_device("nvidia-geforce-rtx-4090", tdp_w=400)
        catalog.add_user_device(kind="gpu", vendor="Acme", name="Vision Card 1", fp32_tflops=10, memory_gb=8,
                                aliases=["VC1"])
        catalog.record_benchmark({"name": "matmul", "gflops": 123.0})
    # the next seed release changes the 4090 row and its price, and drops a card
    _edit_csv(folder / "gpus.csv", "nvidia-geforce-rtx-4090", {"memory_bandwidth_gbs": "1010", "tdp_w": "455"})
    _edit_csv(folder / "prices.csv", "nvidia-geforce-rtx-4090", {"price_text": "1699"})
    _edit_csv(folder / "gpus.csv", "nvidia-geforce-gtx-1080-ti", None, drop=True)
    version = _bump(folder)
    with Catalog.open(path, seed_dir=folder) as catalog:
        rtx4090 = catalog.get("nvidia-geforce-rtx-4090")
        assert rtx4090.price_usd == 1799 and rtx4090.price_source == "quote from our dealer"
        assert rtx4090.tdp_w == 400  # the user's edit wins
        assert rtx4090.memory_bandwidth_bps == pytest.approx(1010e9)  # unedited fields follow the seed
        assert catalog.price("nvidia-geforce-rtx-4090").user_edited
        user = catalog.resolve("VC1")
        assert user.user_defined and user.peak("fp32") == pytest.approx(10e12)
        assert [r["gflops"] for r in catalog.benchmark_results()] == [123.0]
        assert "nvidia-geforce-gtx-1080-ti" not in {d.id for d in catalog.devices()}
        meta = {r["key"]: r["value"] for r in catalog.db["catalog_meta"].rows}
        assert meta["seed_version"] == str(version)


def test_revert_device_restores_seed_values(tmp_path):
    with Catalog.open(tmp_path / "catalog.db") as catalog:
        catalog.update_device("nvidia-l4", tdp_w=60)
        assert catalog.get("nvidia-l4").tdp_w == 60
        assert catalog.revert_device("nvidia-l4").tdp_w == 72


def _build_with_user_rows(path: Path) -> None:
    with Catalog.open(path) as catalog:
        catalog.add_user_device(kind="edge", vendor="Acme", name="Line Camera NPU", int8_tops=4, tdp_w=3)
        catalog.set_price("nvidia-l4", 2500, "USD", "2026-11-01", "our supplier")
        catalog.record_benchmark({"name": "stream", "gbs": 20.5})


def _corrupt_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".corrupt-*"))


def test_garbage_file_is_moved_aside_and_rebuilt(tmp_path):
    path = tmp_path / "catalog.db"
    path.write_bytes(b"this is not a database at all" * 200)
    with Catalog.open(path) as catalog:
        assert "could not be read" in catalog.recovery_message
        moved = _corrupt_files(path)
        assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not")
        assert str(moved[0]) in catalog.recovery_message
        assert catalog.resolve("RTX 4090").id == "nvidia-geforce-rtx-4090"
    with Catalog.open(path) as catalog:  # the rebuilt file is healthy
        assert catalog.recovery_message == ""


def test_truncated_file_is_rebuilt(tmp_path):
    path = tmp_path / "catalog.db"
    _build_with_user_rows(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with Catalog.open(path) as catalog:
        assert catalog.recovery_message
        assert _corrupt_files(path)
        assert len(catalog.devices("cpu")) == 19


def _damage_table(path: Path, table: str) -> None:
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("select rootpage from sqlite_master where name = ?", [table]).fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)


def test_partly_readable_database_keeps_the_readable_user_rows(tmp_path):
    path = tmp_path / "catalog.db"
    _build_with_user_rows(path)
    _damage_table(path, "prices")
    with Catalog.open(path) as catalog:
        message = catalog.recovery_message
        assert "could not be read" in message
        assert "prices" in message  # says what was lost
        user = catalog.resolve("Line Camera NPU")  # devices table was readable: recovered
        assert user.user_defined and user.peak("int8") == pytest.approx(4e12)
        assert [r["gbs"] for r in catalog.benchmark_results()] == [20.5]
        assert catalog.get("nvidia-l4").price_usd != 2500  # that edit lived in the damaged table
        assert catalog.search("Line Camera")[0].id == user.id


def test_seed_upgrade_after_recovery_keeps_recovered_rows(tmp_path):
    path = tmp_path / "catalog.db"
    _build_with_user_rows(path)
    _damage_table(path, "benchmark_results")
    with Catalog.open(path) as catalog:
        assert "benchmark_results" in catalog.recovery_message
        assert catalog.get("nvidia-l4").price_usd == 2500
        assert catalog.benchmark_results() == []


def test_a_busy_database_is_waited_for_not_treated_as_damaged(tmp_path):
    import threading

    path = tmp_path / "catalog.db"
    Catalog.open(path).close()
    holder = sqlite3.connect(path, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(0.5, holder.rollback)
    release.start()
    try:
        with Catalog.open(path) as catalog:
            assert catalog.recovery_message == ""
            assert catalog.get("nvidia-l4").name == "L4"
    finally:
        release.join()
        holder.close()
    assert _corrupt_files(path) == []


def test_unwritable_location_falls_back_to_a_session_catalog(tmp_path, monkeypatch):
    import rigsizer.core.hardware.catalog as catalog_module

    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    path = tmp_path / "catalog.db"
    path.write_bytes(b"garbage" * 100)
    monkeypatch.setattr(catalog_module, "move_aside", refuse)  # injected file-system failure
    with Catalog.open(path) as catalog:
        assert "could not be moved aside" in catalog.recovery_message
        assert "will not be saved" in catalog.recovery_message
        assert catalog.path is None
        assert catalog.resolve("RTX 4090").kind == "gpu"
    assert path.read_bytes().startswith(b"garbage")  # the user's file is left as it was


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("win32", {"LOCALAPPDATA": "C:/Users/ada/AppData/Local"}, "C:/Users/ada/AppData/Local/Rigsizer"),
        ("darwin", {}, "{home}/Library/Application Support/Rigsizer"),
        ("linux", {}, "{home}/.local/share/rigsizer"),
    ],
)
def test_data_dir_follows_the_platform_convention(monkeypatch, tmp_path, platform, env, expected):
    from rigsizer.core import paths

    monkeypatch.delenv("RIGSIZER_DATA_DIR")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(paths.sys, "platform", platform)
    assert paths.user_data_dir(create=False) == Path(expected.format(home=tmp_path))


def test_recovery_keeps_tables_other_modules_keep_in_the_catalog_file(tmp_path):
    """Quote history lives in the catalog file under its own migration set: a rebuild must not lose it,
    and numbers handed out before the damage are never handed out again."""
    import datetime as dt

    from rigsizer.core.quote_history import QuoteHistory

    path = tmp_path / "catalog.db"
    _build_with_user_rows(path)
    with Catalog.open(path) as catalog:
        history = QuoteHistory(catalog.db)
        first = history.reserve_number(dt.date(2026, 11, 24))
        second = history.reserve_number(dt.date(2026, 11, 24))
    _damage_table(path, "prices")
    with Catalog.open(path) as catalog:
        assert "could not be read" in catalog.recovery_message
        history = QuoteHistory(catalog.db)  # its migration record came back: no attempt to recreate tables
        assert history.reserve_number(dt.date(2026, 11, 24)) not in (first, second)
        assert catalog.db["quote_numbers"].count == 3
        assert catalog.resolve("Line Camera NPU").user_defined


def test_resolved_devices_follow_edits_here_and_from_another_process(tmp_path):
    path = tmp_path / "catalog.db"
    with Catalog.open(path) as mine, Catalog.open(path) as other:
        assert mine.resolve("RTX 4090").tdp_w == 450
        assert mine.resolve("RTX 4090") is mine.resolve("RTX 4090")  # remembered between estimates
        mine.update_device("nvidia-geforce-rtx-4090", tdp_w=400)
        assert mine.resolve("RTX 4090").tdp_w == 400
        other.update_device("nvidia-geforce-rtx-4090", tdp_w=420)
        assert mine.resolve("RTX 4090").tdp_w == 420
