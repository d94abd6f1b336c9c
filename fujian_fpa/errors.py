"""The one error the data layer raises: it names the file, the row and the column at fault."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
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


class BuildError(RuntimeError):
    """A state that stops a build before it writes anything; the message says what to do."""


# While a `collecting()` block runs, row-level problems are gathered instead of raised, so that
# `python -m fujian_fpa check` can list every problem at once; everywhere else the first one raises.
_collector: ContextVar[list[DataError] | None] = ContextVar("collector", default=None)


@contextmanager
def collecting() -> Iterator[list[DataError]]:
    problems: list[DataError] = []
    token = _collector.set(problems)
    try:
        yield problems
    finally:
        _collector.reset(token)


def report(err: DataError) -> None:
    """Raise `err`, or note it and go on when a `collecting()` block is gathering problems."""
    problems = _collector.get()
    if problems is None:
        raise err
    problems.append(err)
