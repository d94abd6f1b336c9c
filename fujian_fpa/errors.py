"""The one error the data layer raises: it names the file, the row and the column at fault."""

from pathlib import Path

from .paths import relative


class DataError(ValueError):
    """Bad input. The message points at the exact cell, so a reader can go and fix it."""

    def __init__(
        self, file: Path, message: str, row: str | None = None, column: str | None = None, line: int | None = None
    ):
        self.file, self.row, self.column, self.line = relative(file), row, column, line
        where = [self.file]
        if row is not None:
            where.append(f"row {row!r}" + (f" (line {line})" if line else ""))
        elif line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(", ".join(where) + ": " + message)
