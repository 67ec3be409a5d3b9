"""Builds the bundled CJK fonts: Noto Sans CJK SC cut down to GB2312 + ASCII + punctuation.

A one-off maintenance script (needs fontTools; the product does not). It subsets the
OpenType/CFF font, converts the outlines to TrueType quadratics (Qt embeds TrueType subsets in
PDFs with a ToUnicode map, so the text stays searchable), and renames the family, because the
SIL OFL 1.1 reserves the upstream names for unmodified fonts.

    python resources/fonts/make_cjk_subset.py /usr/share/fonts/opentype/noto resources/fonts
"""

from __future__ import annotations

import sys
from copy import deepcopy
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

FAMILY = "Rigsizer Sans CJK"
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
EXTRA_RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x017F),  # Latin-1 and Latin Extended-A (supplier names, EUR texts)
    (0x2000, 0x206F),  # general punctuation
    (0x2070, 0x209F),  # super- and subscripts
    (0x20A0, 0x20CF),  # currency symbols
    (0x2100, 0x214F),  # letter-like symbols (No., TM)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x2460, 0x24FF),  # enclosed numbers
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes (bullets, check boxes)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # full-width forms
)


def gb2312_characters() -> set[int]:
    """Every character GB2312 encodes (rows 0xA1-0xF7, cells 0xA1-0xFE)."""
    found = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return found


def sc_face(collection_path: Path) -> TTFont:
    """The Simplified Chinese member of the collection (not JP/KR/TC/HK, not Mono)."""
    for font in TTCollection(str(collection_path)).fonts:
        family = font["name"].getDebugName(1) or ""
        if family.endswith(" SC") and "Mono" not in family:
            return font
    raise SystemExit(f"no SC face in {collection_path}")


def cff_to_truetype(font: TTFont) -> None:
    """Replace CFF outlines by quadratic TrueType glyphs (max error 2 font units of 1000)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=2.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attribute in (
        "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
        "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
    ):
        setattr(maxp, attribute, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names (CID fonts have none worth keeping)
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def unshare_glyphs(font: TTFont) -> int:
    """Give every character its own glyph where several share one (U+2012/U+2013 dashes, ...).

    PDF writers build the ToUnicode map from the font's reverse cmap, which keeps one character
    per glyph; a shared glyph would make an en dash copy out as a figure dash.
    """
    cmap = font.getBestCmap()
    by_glyph: dict[str, list[int]] = {}
    for code, name in sorted(cmap.items()):
        by_glyph.setdefault(name, []).append(code)
    order = list(font.getGlyphOrder())
    glyf, hmtx = font["glyf"], font["hmtx"]
    vmtx = font["vmtx"] if "vmtx" in font else None
    added = 0
    for name, codes in by_glyph.items():
        for code in codes[1:]:
            copy = f"uni{code:04X}"
            while copy in glyf.glyphs:
                copy += ".alt"
            glyf.glyphs[copy] = deepcopy(glyf.glyphs[name])
            hmtx.metrics[copy] = hmtx.metrics[name]
            if vmtx is not None:
                vmtx.metrics[copy] = vmtx.metrics[name]
            order.append(copy)
            for table in font["cmap"].tables:
                if code in table.cmap:
                    table.cmap[code] = copy
            added += 1
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    return added


def rename(font: TTFont, style: str) -> None:
    name = font["name"]
    full = f"{FAMILY} {style}" if style != "Regular" else FAMILY
    postscript = f"{FAMILY.replace(' ', '')}-{style}"
    name.names = [record for record in name.names if record.nameID not in (1, 2, 3, 4, 6, 16, 17)]
    for name_id, text in ((1, FAMILY), (2, style), (3, f"{postscript};subset-of-NotoSansCJKsc"), (4, full), (6, postscript)):
        name.setName(text, name_id, 3, 1, 0x409)
        name.setName(text, name_id, 1, 0, 0)


def build(source_dir: Path, out_dir: Path) -> None:
    wanted = gb2312_characters()
    for low, high in EXTRA_RANGES:
        wanted.update(range(low, high + 1))
    for style, file_name in WEIGHTS.items():
        font = sc_face(source_dir / file_name)
        options = subset.Options()
        options.hinting = False
        options.desubroutinize = True
        options.layout_features = ["kern", "palt", "halt"]  # no ligatures: copied and extracted text stays exact
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=wanted)
        subsetter.subset(font)
        cff_to_truetype(font)
        unshare_glyphs(font)
        rename(font, style)
        target = out_dir / f"RigsizerSansCJK-{style}.ttf"
        font.save(str(target))
        print(f"{target}: {target.stat().st_size / 1e6:.2f} MB, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
