"""The curated data as one Excel workbook for readers who use a spreadsheet, the same bytes on every build."""

from datetime import datetime
import io
from pathlib import Path
import re
import zipfile

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
import pandas as pd

from . import atomic, paths
from .data import load_events, load_glossary, load_indicators

# An xlsx is a zip of XML parts: both the workbook's own dates and every zip entry's time are
# fixed, so that rebuilding gives identical bytes.
FIXED_TIME = datetime(2021, 12, 31)


def _sheets() -> dict[str, pd.DataFrame]:
    return {"indicators": load_indicators(), "events": load_events(), "glossary": load_glossary()}


def _header(column: str, labels: pd.Series) -> str:
    return f"{labels.loc[('column', column), 'zh']} / {labels.loc[('column', column), 'en']}"


def _cell(value):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value.item() if hasattr(value, "item") else value


def workbook_bytes() -> bytes:
    """The workbook: one sheet each for indicators, events and glossary, headers in Chinese and English."""
    labels = load_glossary().set_index(["kind", "key"])
    book = Workbook()
    book.remove(book.active)
    for name, frame in _sheets().items():
        sheet = book.create_sheet(name)
        sheet.append([_header(c, labels) for c in frame.columns])
        for row in frame.itertuples(index=False):
            sheet.append([_cell(v) for v in row])
        sheet.freeze_panes = "A2"
        for i, column in enumerate(frame.columns, start=1):
            width = max(len(str(_header(column, labels))), *(len(str(v)) for v in frame[column].head(50)))
            sheet.column_dimensions[get_column_letter(i)].width = min(60, width + 2)
    book.properties.creator = "fujian_fpa"
    book.properties.created = FIXED_TIME
    raw = io.BytesIO()
    book.save(raw)
    return _fix_zip_times(raw.getvalue())


def _fix_zip_times(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            part = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                part = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, part)
            dst.writestr(fixed, part)
    return out.getvalue()


def write_workbook(path: Path = paths.WORKBOOK) -> Path:
    """Write the workbook through a temporary file, so that a reader never sees half of one."""
    with atomic.replacing(Path(path)) as tmp:
        tmp.write_bytes(workbook_bytes())
    return Path(path)
