"""The spreadsheet: bilingual headers, one sheet per table, the same bytes every time, and up to date."""

import io

from openpyxl import load_workbook

from fujian_fpa import data, export, paths


def test_workbook_is_byte_identical_across_builds():
    assert export.workbook_bytes() == export.workbook_bytes()


def test_committed_workbook_is_current():
    assert paths.WORKBOOK.read_bytes() == export.workbook_bytes(), "run `make figures` and commit the xlsx"


def test_sheets_and_bilingual_headers():
    book = load_workbook(io.BytesIO(export.workbook_bytes()))
    assert book.sheetnames == ["indicators", "events", "glossary"]
    headers = [c.value for c in book["indicators"][1]]
    assert headers[0] == "编号 / id" and all(" / " in h for h in headers)
    assert book["indicators"].max_row == len(data.load_indicators()) + 1
    values = {row[0].value: row[6].value for row in book["indicators"].iter_rows(min_row=2)}
    assert values["ta_happiness_funds"] == 144960000
