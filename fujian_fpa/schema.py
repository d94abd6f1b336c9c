"""Read a CSV of the data package and check each cell against the package's own schema.

data/datapackage.json is the one description of every file and column; this module enforces it
with errors that name the file, the row and the column, so that nothing downstream has to guess.
"""

import csv
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
import io
import json
from pathlib import Path
import re

from . import paths
from .errors import DataError, report

# Numbers in the data are plain ASCII decimals: no exponent, no `_` separators, no full-width digits.
_INTEGER = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


@dataclass(frozen=True)
class Row:
    """One record of a CSV: its cells as text, its label for messages, and the line it starts on."""

    cells: dict[str, str]
    label: str
    line: int

    def error(self, file: Path, column: str, message: str) -> DataError:
        return DataError(file, message, row=self.label, column=column, line=self.line)


def resource(name: str) -> dict:
    """The package's description of one resource."""
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    for res in package["resources"]:
        if res["name"] == name:
            return res
    raise KeyError(f"{paths.relative(paths.DATAPACKAGE)} describes no resource {name!r}")


def read_text(path: Path) -> str:
    """The text of a UTF-8 file, or a DataError that says why it cannot be had."""
    path = Path(path)
    if not path.is_file():
        raise DataError(path, "file not found" if not path.exists() else "not a file")
    raw = path.read_bytes()
    if not raw.strip():
        raise DataError(path, "file is empty")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(
            path, f"not UTF-8 (byte {err.start}: {raw[err.start : err.start + 1]!r}); save it as UTF-8", line=line
        ) from None


def csv_text(path: Path) -> str:
    """A data CSV's text with what editors add harmlessly taken away: a UTF-8 BOM, CRLF line
    endings (when every line has them) and blank lines at the end. A mix of line endings is an
    error, since a quote that spans lines would then be read differently from the article."""
    text = read_text(path).removeprefix("\ufeff")
    if "\r" in text:
        lines = text.split("\n")
        crlf = lines[0].endswith("\r")  # the first line sets the file's kind
        for number, line in enumerate(lines, start=1):
            body = line.removesuffix("\r") if crlf else line
            if "\r" in body or (crlf and number < len(lines) and body == line):
                raise DataError(path, "mixes CRLF with LF or bare CR line endings; save it with one kind", line=number)
        text = text.replace("\r\n", "\n")
    return text.rstrip("\n") + "\n"


def read_rows(name: str, path: Path) -> list[Row]:
    """The rows of resource `name` read from `path`, each cell checked against the schema."""
    schema = resource(name)["schema"]
    fields = schema["fields"]
    reader = csv.reader(io.StringIO(csv_text(path), newline=""))
    header = next(reader)
    expected = [f["name"] for f in fields]
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        column = (missing or extra or [None])[0]
        raise DataError(
            path,
            f"header is {header}, expected {expected} (missing {missing}, unexpected {extra})",
            line=1,
            column=column,
        )
    key = (schema.get("primaryKey") or [expected[0]])[0]
    rows, line = [], 2
    for values in reader:
        start_line, line = line, reader.line_num + 1
        label = values[expected.index(key)] if len(values) > expected.index(key) else f"record at line {start_line}"
        try:
            if len(values) != len(expected):
                raise DataError(path, f"has {len(values)} cells, expected {len(expected)}", row=label, line=start_line)
            row = Row(dict(zip(expected, values, strict=True)), label, start_line)
            for field in fields:
                _check_cell(path, row, field)
        except DataError as err:
            report(err)  # raises, unless `check` is listing every problem; then the row is left out
            continue
        rows.append(row)
    if line == 2:
        raise DataError(path, "has a header but no rows", line=2)
    if not rows:  # every row was bad, and `check` is listing them: the file as a whole is unreadable
        raise DataError(path, f"none of its rows is valid (lines 2 to {line - 1}); nothing could be read")
    _check_unique(path, rows, fields)
    return rows


def _check_cell(path: Path, row: Row, field: dict) -> None:
    text = row.cells[field["name"]]
    constraints = field.get("constraints", {})
    if text == "":
        if constraints.get("required"):
            raise row.error(path, field["name"], "is empty but required")
        return
    try:
        value = parse(text, field["type"])
    except ValueError:
        raise row.error(path, field["name"], f"{text!r} is not a valid {field['type']}") from None
    if "enum" in constraints and value not in constraints["enum"]:  # numbers compare as numbers: 100 == 100.0
        raise row.error(path, field["name"], f"{text!r} is not one of {constraints['enum']}")
    if "minimum" in constraints and value < constraints["minimum"]:
        raise row.error(path, field["name"], f"{text} is below the minimum {constraints['minimum']}")
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], text):
        raise row.error(path, field["name"], f"{text!r} does not match {constraints['pattern']}")


def _check_unique(path: Path, rows: list[Row], fields: list[dict]) -> None:
    for field in fields:
        if not field.get("constraints", {}).get("unique"):
            continue
        seen: dict[str, Row] = {}
        for row in rows:
            value = row.cells[field["name"]]
            if value in seen:
                first = seen[value].line
                report(row.error(path, field["name"], f"duplicate {field['name']} {value!r} (first at line {first})"))
            seen[value] = row


def parse(text: str, kind: str):
    """A cell's value by its schema type. Numbers stay Decimal so that checks are exact."""
    if kind == "string":
        return text
    if kind == "integer":
        if not _INTEGER.fullmatch(text):
            raise ValueError(text)
        return int(text)
    if kind == "number":
        if not _DECIMAL.fullmatch(text):  # Decimal() and pandas would each read more, and differently
            raise ValueError(text)
        return Decimal(text)
    if kind == "date":
        return date.fromisoformat(text)
    raise ValueError(f"unknown schema type {kind}")
