"""Refresh the Chinese translation source and its compiled catalogue.

    .venv/bin/python resources/i18n/update_translations.py [--check]

1. Runs pyside6-lupdate over every gui/ module (all panes, not only the shell).
2. Gives messages a context lupdate could not resolve (``tr = self.tr`` aliases, helper functions)
   the context they have at run time: the single ``translate("X", ...)`` context of the file, else
   the class around the call.
3. Adds the core's field labels and help texts (``core.project.FIELDS``), which the field editors
   translate in the "ProjectField" context but which lupdate cannot see in gui/.
4. Keeps every translation already made (same context, else same source text) and runs
   pyside6-lrelease. ``--check`` exits 1 when any message is still untranslated.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "rigsizer_zh_CN.ts"
QM = HERE / "rigsizer_zh_CN.qm"
BIN = Path(sys.executable).parent
FIELD_CONTEXT = "ProjectField"


def _existing() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    by_context: dict[tuple[str, str], str] = {}
    by_source: dict[str, str] = {}
    if not TS.exists():
        return by_context, by_source
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or not (translation.text or "") or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            by_context[(name, source)] = translation.text
            by_source.setdefault(source, translation.text)
    return by_context, by_source


def _runtime_context(filename: str, line: int) -> str:
    text = (HERE / filename).resolve().read_text(encoding="utf-8")  # lupdate writes paths relative to the .ts
    literal = set(re.findall(r"translate\(\s*\"([A-Za-z_][A-Za-z0-9_]*)\"", text))
    if len(literal) == 1:
        return literal.pop()
    classes = [(number, match.group(1)) for number, source_line in enumerate(text.splitlines(), 1)
               if (match := re.match(r"class (\w+)\(", source_line)) and number <= line]  # fmt: skip
    return classes[-1][1] if classes else ""


def _context(root: ET.Element, name: str) -> ET.Element:
    for context in root.iter("context"):
        if (context.findtext("name") or "") == name:
            return context
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = name
    return context


def _add_message(context: ET.Element, source: str, location: tuple[str, str] | None = None) -> ET.Element:
    for message in context.iter("message"):
        if message.findtext("source") == source:
            return message
    message = ET.SubElement(context, "message")
    if location:
        ET.SubElement(message, "location", filename=location[0], line=location[1])
    ET.SubElement(message, "source").text = source
    ET.SubElement(message, "translation", type="unfinished")
    return message


def update(check: bool = False) -> int:
    by_context, by_source = _existing()
    sources = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "gui").rglob("*.py"))
    with tempfile.TemporaryDirectory(dir=HERE) as folder:  # beside the .ts: same relative locations
        fresh = Path(folder).parent / f".fresh-{Path(folder).name}.ts"
        try:
            subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh), "-no-obsolete", "-silent"],
                           cwd=ROOT, check=True)  # fmt: skip
            tree = ET.parse(fresh)
        finally:
            fresh.unlink(missing_ok=True)
    root = tree.getroot()
    root.set("language", "zh_CN")
    root.set("sourcelanguage", "en")
    for context in list(root.iter("context")):
        if context.findtext("name"):
            continue
        for message in list(context.iter("message")):
            location = message.find("location")
            filename = location.get("filename", "") if location is not None else ""
            line = int(location.get("line", "0")) if location is not None else 0
            target = _runtime_context(filename, line) if filename else ""
            if target:
                context.remove(message)
                existing = _context(root, target)
                if not any(m.findtext("source") == message.findtext("source") for m in existing.iter("message")):
                    existing.append(message)
        if not list(context.iter("message")):
            root.remove(context)
    sys.path.insert(0, str(ROOT))
    from rigsizer.core.project import FIELDS

    field_context = _context(root, FIELD_CONTEXT)
    for info in FIELDS.values():
        for text in (info.label, info.help):
            if text:
                _add_message(field_context, text)
    missing = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = by_context.get((name, source)) or by_source.get(source)
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                translation.set("type", "unfinished")
                missing.append(f"{name}: {source}")
    ET.indent(tree, space="    ")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n",
                  encoding="utf-8")  # fmt: skip
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM), "-silent"], check=True)
    total = sum(1 for _ in root.iter("message"))
    print(f"{total} messages, {total - len(missing)} translated, {len(missing)} untranslated")
    for item in missing[:50]:
        print("  untranslated:", item)
    return 1 if (check and missing) else 0


if __name__ == "__main__":
    raise SystemExit(update(check="--check" in sys.argv[1:]))
