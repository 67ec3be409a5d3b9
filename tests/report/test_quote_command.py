"""rigsizer-cli quote: headless export with the same content as the GUI, one-line errors."""

from __future__ import annotations

import subprocess
import sys

import pypdf

from rigsizer.core.cli import main

SEED = "fabric-seed"


def _text(path) -> str:
    pages = pypdf.PdfReader(str(path)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_cli_exports_a_chinese_cny_quote_and_records_it(qapp, tmp_path, capsys):
    out = tmp_path / "seed.pdf"
    code = main(["quote", "--example", SEED, "--pdf", str(out), "--lang", "zh", "--currency", "CNY",
                 "--customer", "Fabric Works"])
    assert code == 0
    printed = capsys.readouterr().out
    assert printed.startswith("QT-") and "CNY" in printed
    text = _text(out)
    assert "报价单" in text and "CNY" in text and "Fabric Works" in text
    number = printed.split()[0]
    assert number in text
    from rigsizer.core.hardware.catalog import Catalog
    from rigsizer.core.quote_history import QuoteHistory

    assert [e.number for e in QuoteHistory(Catalog.open().db).entries(number)] == [number]


def test_cli_runs_without_a_display_in_a_fresh_process(tmp_path):
    out = tmp_path / "fresh.pdf"
    env_code = ("import os; os.environ.pop('QT_QPA_PLATFORM', None); os.environ.pop('DISPLAY', None);"
                "from rigsizer.core.cli import main; raise SystemExit(main(['quote', '--example', "
                f"'{SEED}', '--pdf', {str(out)!r}, '--no-history']))")
    result = subprocess.run([sys.executable, "-c", env_code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.exists() and len(pypdf.PdfReader(str(out)).pages) >= 4


def test_cli_rejects_bad_input_in_one_line(qapp, tmp_path, capsys):
    assert main(["quote", "--example", SEED, "--pdf", str(tmp_path / "x.pdf"), "--gpus", "99"]) == 2
    error = capsys.readouterr().err.strip()
    assert "gpus" in error and "1 to 8" in error and "\n" not in error
    assert main(["quote", "--example", "no-such-example", "--pdf", str(tmp_path / "x.pdf")]) == 2


def test_cli_rerenders_a_pdf_from_its_attachment_and_revises_it_when_changed(qapp, tmp_path, capsys):
    first = tmp_path / "first.pdf"
    assert main(["quote", "--example", SEED, "--pdf", str(first)]) == 0
    number = capsys.readouterr().out.split()[0]
    again = tmp_path / "again.pdf"
    assert main(["quote", "--from-pdf", str(first), "--pdf", str(again)]) == 0
    assert capsys.readouterr().out.split()[0] == number  # same content: a re-export under the same number
    chinese = tmp_path / "zh.pdf"
    assert main(["quote", "--from-pdf", str(first), "--pdf", str(chinese), "--lang", "zh"]) == 0
    assert capsys.readouterr().out.split()[0] == number + "-R1"
    assert "报价单" in _text(chinese) and number + "-R1" in _text(chinese)
