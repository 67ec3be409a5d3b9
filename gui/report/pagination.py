"""Pagination rules Qt's text layout lacks: table rows and short tables are never split across pages.

Qt breaks a table row line by line at a page end; a quote should not print half a line item on
one page and the rest on the next. Works on a laid-out QTextDocument by adjusting cell padding
and page-break policies, then confirms on a full relayout.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat, QTextTable


def keep_table_rows_whole(doc: QTextDocument, page_height: float, dpi: float) -> None:
    """No table row is split by a page break, and a short table without a header (totals, terms
    blocks) is not split at all: what would straddle moves to the next page.

    Qt splits a row line by line; padding the row's top by the least amount that clears the
    break (found by bisection) pushes it whole onto the next page, under the repeated header.
    """
    layout = doc.documentLayout()
    verified = False
    for _ in range(200):  # one row or table per pass; a full relayout confirms before stopping
        if not _fix_first_straddle(doc, layout, page_height, dpi):
            if verified:
                break
            _relayout(doc)  # local relayouts can differ from a full one
            verified = True
        else:
            verified = False
    _drop_blank_pages(doc, page_height)


def _drop_blank_pages(doc: QTextDocument, page_height: float) -> None:
    """A forced page break on a block that already starts a page makes an empty page: undo those."""
    layout = doc.documentLayout()
    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    changed = True
    while changed:
        changed = False
        block = doc.begin().next()
        while block.isValid():
            if block.blockFormat().pageBreakPolicy() & always:
                page = int((layout.blockBoundingRect(block).top() + 1) // page_height)
                previous = _bottom_before(doc, layout, block.position())
                if page - int((previous - 1) // page_height) >= 2:
                    block_format = block.blockFormat()
                    block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
                    QTextCursor(block).setBlockFormat(block_format)
                    _relayout(doc)
                    _push_straddling_line(doc, block, page_height)
                    changed = True
                    break
            block = block.next()


def _push_straddling_line(doc: QTextDocument, block, page_height: float) -> bool:
    """Qt can leave a block's first line across a page break when it starts within a hair of it: a top
    margin moves the line onto the next page (the margin stays on the page before, drawing nothing)."""
    if block.layout().lineCount() == 0:
        return False
    line = block.layout().lineAt(0)
    top = block.layout().position().y() + line.y()
    bottom = top + line.height()
    if int(top // page_height) == int((bottom - 1) // page_height):
        return False
    block_format = block.blockFormat()
    block_format.setTopMargin(block_format.topMargin() + (int(top // page_height) + 1) * page_height - top + 1)
    QTextCursor(block).setBlockFormat(block_format)
    _relayout(doc)
    return True


def _bottom_before(doc: QTextDocument, layout, position: int) -> float:
    """Bottom of the last laid-out line before `position` (empty spacer blocks skipped)."""
    block = doc.findBlock(position).previous()
    while block.isValid() and not block.text() and block.layout().lineCount() <= 1 and block.previous().isValid():
        table_cell = QTextCursor(block).currentTable()
        if table_cell is not None:
            break
        block = block.previous()
    return layout.blockBoundingRect(block).bottom() if block.isValid() else 0.0


def _fix_first_straddle(doc: QTextDocument, layout, page_height: float, dpi: float) -> bool:
    for table in tables(doc.rootFrame(), nested=False):
        header_rows = table.format().headerRowCount()
        body = header_rows if table.rows() > header_rows else 0
        first, first_bottom = _row_extent(layout, dpi, table, body)
        _, last = _row_extent(layout, dpi, table, table.rows() - 1)
        short = header_rows == 0 and last - first < page_height * 0.4
        first_row_split = first_bottom - first < page_height * 0.5 and _straddles(first, first_bottom, page_height)
        heading = _lead_heading(doc, table)
        orphaned = heading is not None and int(layout.blockBoundingRect(heading).top() // page_height) != int(
            first // page_height)
        if ((short and _straddles(first, last, page_height)) or first_row_split or orphaned) \
                and not _breaks_before(doc, table):
            _break_before_table(doc, table)  # whole table (and its heading) to the next page
            return True
        for row in range(header_rows, table.rows()):
            top, bottom = _row_extent(layout, dpi, table, row)
            if bottom - top < page_height * 0.5 and _straddles(top, bottom, page_height):
                _move_row_below(doc, dpi, table, row, _next_break(top, page_height) - top, _next_break(top, page_height))
                return True
    return False


def _lead_heading(doc: QTextDocument, table: QTextTable):
    """The first of the headings right above `table` (an h2 directly followed by an h3 counts as one), or None."""
    block = doc.findBlock(table.firstPosition() - 1)
    lead = None
    while block.isValid() and block.blockFormat().headingLevel() > 0:
        lead = block
        block = block.previous()
    return lead


def _breaks_before(doc: QTextDocument, table: QTextTable) -> bool:
    """True once `table` (or its headings) already starts a page: moving it again would not help."""
    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    lead = _lead_heading(doc, table)
    return bool(table.format().pageBreakPolicy() & always) or bool(
        lead is not None and lead.blockFormat().pageBreakPolicy() & always)


def _break_before_table(doc: QTextDocument, table: QTextTable) -> None:
    """Start `table` on a new page, taking the headings right above it along."""
    lead = _lead_heading(doc, table)
    if lead is not None:
        cursor = QTextCursor(lead)
        block_format = lead.blockFormat()
        block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.setBlockFormat(block_format)
    else:
        table_format = table.format()
        table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        table.setFormat(table_format)
    _relayout(doc)


def _relayout(doc: QTextDocument) -> None:
    """Lay the whole document out again now (Qt would otherwise do it lazily, block by block)."""
    doc.markContentsDirty(0, doc.characterCount())
    doc.documentLayout().documentSize()


def _straddles(top: float, bottom: float, page_height: float) -> bool:
    return int(top // page_height) != int((bottom - 1) // page_height)


def _next_break(y: float, page_height: float) -> float:
    return (int(y // page_height) + 1) * page_height


def _move_row_below(doc: QTextDocument, dpi: float, table: QTextTable, row: int, push: float, boundary: float) -> None:
    """Pad by the least amount (bisection) that puts the row's first line past `boundary`.

    The padding goes under the previous body row when there is one, so that the blank space stays
    at the foot of the old page; padding the row's own top would carry the gap onto the new page,
    between the repeated header and the row.
    """
    layout = doc.documentLayout()
    header_rows = table.format().headerRowCount()
    padded = row - 1 if row - 1 >= header_rows else row
    below = padded != row

    def padding(cell_format) -> float:
        return cell_format.bottomPadding() if below else cell_format.topPadding()

    base = [padding(table.cellAt(padded, c).format().toTableCellFormat()) for c in range(table.columns())]

    def trial(extra: float) -> bool:
        batch = QTextCursor(doc)
        batch.beginEditBlock()  # one relayout for the whole row, not one per cell
        for column in range(table.columns()):
            cell = table.cellAt(padded, column)
            cell_format = cell.format().toTableCellFormat()
            if below:
                cell_format.setBottomPadding(base[column] + extra)
            else:
                cell_format.setTopPadding(base[column] + extra)
            cell.setFormat(cell_format)
        batch.endEditBlock()
        return _row_extent(layout, dpi, table, row)[0] >= boundary

    low, high = 0.0, push
    if not trial(high):
        return
    for _ in range(5):
        middle = (low + high) / 2
        if trial(middle):
            high = middle
        else:
            low = middle
    trial(high)
    _relayout(doc)  # what follows the table moved too: lay it out again


def _row_extent(layout, dpi: float, table: QTextTable, row: int) -> tuple[float, float]:
    """Top of the row's first lines and bottom of its last lines plus the cell padding and border below
    them (Qt moves a line whose padding would cross the page break)."""
    top, bottom = math.inf, -math.inf
    table_format = table.format()
    below = (table_format.cellPadding() + table_format.border()) * dpi / 96.0 + 1.0
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        top = min(top, layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        bottom = max(bottom, layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom() + below)
    return top, bottom


def tables(frame, nested: bool = True) -> list[QTextTable]:
    """Tables in document order; `nested=False` keeps only those directly in `frame`."""
    found = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        if nested:
            found.extend(tables(child))
    return found
