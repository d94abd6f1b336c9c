"""The data as a whole, checked before anything is built from them: one line per root cause.

`check` prints these lines; `build` and `report` refuse to write anything while there is one,
so that no wrong number reaches a notebook, a figure, the workbook or the report.
"""

import csv
import io

from . import paths
from .errors import DataError, collecting
from .schema import csv_text, read_rows


def _ids(path) -> set[str]:
    """Every id written in a file, valid row or not: a reference to a bad row is not a second problem."""
    try:
        return {row["id"] for row in csv.DictReader(io.StringIO(csv_text(path))) if row.get("id")}
    except DataError:
        return set()


def problems() -> list[str]:
    """Every problem of the data files, root causes only, in the order the files are read."""
    import pandas as pd

    from . import data, derived

    with collecting() as found:
        for loader in data.LOADERS.values():
            try:
                loader()
            except DataError as err:  # a problem that stops the file being read at all
                found.append(err)
        ids = _ids(paths.INDICATORS)
        try:  # operands are checked against every id the file holds, so a bad row is reported once
            if ids:
                derived.load_definitions(indicators=pd.DataFrame({"id": sorted(ids)}))
            else:  # indicators.csv could not be read at all: only derived.csv's own cells can be checked
                read_rows("derived", paths.DERIVED)
        except DataError as err:
            found.append(err)
    lines = list(dict.fromkeys(str(p) for p in found))  # later loaders re-read earlier files
    if not lines:  # accounting needs every file to load
        table = data.accounting()
        for m in table[table["accounted_by"].isna()].itertuples(index=False):
            lines.append(f"article: {m.text!r} at offset {m.start} ({m.kind}) is in no data file")
    return lines
