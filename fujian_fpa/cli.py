"""The command line: `python -m fujian_fpa COMMAND`.

Every failure ends with one line on stderr, never a traceback: exit status 2 for a bad argument,
1 for bad data or a failed build, 130 when interrupted (Ctrl-C).
"""

import argparse
import csv
from decimal import Decimal
import io
import json
import math
import os
from pathlib import Path
import re
import sys
import time

from . import catalog, paths
from .errors import BuildError, DataError
from .quantities import extract, format_value
from .schema import read_text

COLUMNS = ["start", "end", "text", "kind", "value", "value_max", "unit", "bound"]


QUANTITIES_HELP = """\
List every number in UTF-8 text files and what it is, one row per number.

Columns: start and end (character offsets into the file), text (the number as printed, with its
measure word and bound words), kind, value and value_max (in base units: 元, not 万元), unit, bound.
With several files, a first column `path` says which file each row is from.

kinds:
  quantity      a measured amount: 3.5亿元, 1022场次, 51万多人
  percent       a share: 65.91%, 百分之十二点五, 2.5个百分点 (unit 百分点), 五分之一 (20 %)
  range         a span of amounts: 5000—15000元 (value to value_max)
  number        a number with no measure word
  date          a date as ISO 8601: 2021-05-16, --06-01 (no year), ---11 (day of month), 2021/2022
  day_name      a day in a name: 5·29 (value --05-29)
  section       a section number at the start of a line
  ordinal       第25届, 五届五次
  anniversary   100周年
  title, name   a number inside a title 《…》 or a short quoted name “…” or 「…」
  word          a numeral inside a word: 三孩, 之一, 一期工程, 三天两头 (its value where it has one)
  unparsed      a numeral that cannot be read completely (二三万, 1.1.1.1): no value, never a partial one

bounds: exact, at_least (多, 余, 以上, 超过, 至少), at_most (近, 不到, 以下, 最高), approx (约, 左右), range.

JSON: a list of objects with the same fields. Each field has one JSON type for one kind of content:
offsets are numbers; a value or value_max is a number, a date is a string, and none is null; unit is
a string or null. A value that a 64-bit float cannot hold exactly (1234567890123456789.123456789, or
more digits than a float keeps) is written as a string of its exact decimal digits, so that no reader
gets a rounded figure. Output is written only after every file has been read: on an error nothing is
written, and the exit status is 2.
"""


def _json_number(value: Decimal | str | None):
    """A number as JSON: an int or float when that is exact, else its exact digits as a string."""
    if value is None or isinstance(value, str):
        return value
    if value.adjusted() < 15 and value == value.to_integral_value():  # below 10**15 < 2**53: exact as a float
        return int(value)
    as_float = float(value)
    if math.isfinite(as_float) and Decimal(repr(as_float)) == value:
        return as_float
    return format_value(value)


def _json_row(m) -> dict:
    row = {c: getattr(m, c) for c in COLUMNS}
    return row | {"value": _json_number(m.value), "value_max": _json_number(m.value_max), "unit": m.unit or None}


def _read_source(name: str) -> str:
    """A file's text, or standard input's for `-`."""
    if name != "-":
        return read_text(Path(name))
    raw = sys.stdin.buffer.read()
    problem = "input is empty" if not raw.strip() else None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        problem = f"not UTF-8 (byte {err.start}: {raw[err.start : err.start + 1]!r})"
    if problem:
        error = DataError(Path("-"), problem)
        error.args = (f"standard input: {problem}",)
        raise error
    return text


def quantities(args) -> int:
    found = [(name, extract(_read_source(name))) for name in args.paths]
    several = len(args.paths) > 1
    if args.format == "json":
        rows = [({"path": name} if several else {}) | _json_row(m) for name, mentions in found for m in mentions]
        out = json.dumps(rows, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow((["path"] if several else []) + COLUMNS)
        for name, mentions in found:
            for m in mentions:
                row = [
                    m.start,
                    m.end,
                    m.text,
                    m.kind,
                    format_value(m.value),
                    format_value(m.value_max),
                    m.unit,
                    m.bound,
                ]
                writer.writerow(([name] if several else []) + row)
        out = buffer.getvalue()
    sys.stdout.write(out)  # only now, when every file has been read
    return 0


class UsageError(ValueError):
    """A bad argument: reported like argparse's own errors, exit status 2."""


def notebook_target(arg: str) -> Path:
    """A notebook named by its path, its name (03-services), its number (3 or 03) or its .py twin."""
    path = Path(arg)
    if path.suffix == ".py" and path.with_suffix(".ipynb").is_file():
        path = path.with_suffix(".ipynb")
    if path.suffix == ".ipynb" and path.is_file():
        try:
            json.loads(path.read_bytes())
        except ValueError as err:
            raise UsageError(f"{arg!r} is not a readable notebook ({err})") from None
        return path
    for notebook in catalog.notebooks() if path.parent == Path(".") else []:  # a bare name or number
        number = notebook.name.split("-", 1)[0]
        if arg in (notebook.stem, notebook.name) or (re.fullmatch("[0-9]+", arg) and int(arg) == int(number)):
            return notebook
    raise UsageError(
        f"{arg!r} is not a notebook: give its path (notebooks/03-services.ipynb), name (03-services), "
        "number (3) or .py twin"
    )


def data_ok(doing: str) -> bool:
    """The whole-data check, run before anything is written (and remembered while the data stay the same)."""
    from . import build as builder
    from . import validate

    stamps = builder.Stamps()
    if stamps.data_checked():
        return True
    problems = validate.problems()
    if problems:
        more = f" (and {len(problems) - 1} more problem(s): run `python -m fujian_fpa check`)" if problems[1:] else ""
        print(f"error: {problems[0]}{more}; nothing was {doing}", file=sys.stderr)
        return False
    stamps.record_data_checked()
    stamps.save()
    return True


def build(args) -> int:
    from . import build as builder

    def show(result) -> None:
        print(f"{paths.relative(result.notebook)}: {result.status} ({result.seconds:.1f} s)", flush=True)

    targets = [notebook_target(n) for n in args.notebooks] or catalog.notebooks()
    if not data_ok("built"):
        return 1
    results = builder.build(targets, jobs=args.jobs, force=args.force, report=show)
    failed = [r for r in results if r.error]
    if not args.notebooks:  # a full build also refreshes the spreadsheet
        stamps = builder.Stamps()
        if args.force or not stamps.fresh(paths.WORKBOOK):
            from . import export  # pandas and openpyxl: slow to import, needed only here

            started = time.perf_counter()
            stamps.record(paths.WORKBOOK, [export.write_workbook()])
            stamps.save()
            print(f"{paths.relative(paths.WORKBOOK)}: ok ({time.perf_counter() - started:.1f} s)", flush=True)
        else:
            print(f"{paths.relative(paths.WORKBOOK)}: unchanged, skipped (0.0 s)", flush=True)
    if failed:
        print(f"error: {len(failed)} notebook(s) failed; the outputs of those were left as they were", file=sys.stderr)
    return 1 if failed else 0


def report(args) -> int:
    if not data_ok("written"):
        return 1
    from . import report as site  # nbconvert: slow to import

    out = site.build(progress=lambda page: print(page, flush=True))
    print(f"report: {paths.relative(out / 'index.html')}")
    return 0


def check(args) -> int:
    from . import validate

    problems = validate.problems()
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s)" if problems else "data ok: every number of the article is accounted for")
    return 1 if problems else 0


def at_least_one(text: str) -> int:
    if not re.fullmatch("[0-9]+", text) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return int(text)


class Parser(argparse.ArgumentParser):
    """argparse, with its errors on one line (it prints the whole usage otherwise)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="python -m fujian_fpa", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    q = sub.add_parser(
        "quantities",
        help="list every number in UTF-8 text files and what it is",
        description=QUANTITIES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q.add_argument("paths", nargs="+", metavar="PATH", help="UTF-8 text files; - reads standard input")
    q.add_argument("--format", choices=["csv", "json"], default="csv", help="output format (default: csv)")
    q.set_defaults(run=quantities)
    b = sub.add_parser("build", help="execute the notebooks in place and write figures/")
    b.add_argument("notebooks", nargs="*", help="notebooks to run, by path, name, number or .py twin (default: all)")
    b.add_argument("--jobs", "-j", type=at_least_one, default=None, help="notebooks at a time (default: one per core)")
    b.add_argument("--force", action="store_true", help="run every notebook, changed or not")
    b.set_defaults(run=build)
    c = sub.add_parser("check", help="validate the data; one line per problem")
    c.set_defaults(run=check)
    r = sub.add_parser("report", help="build the HTML report into build/report/")
    r.set_defaults(run=report)
    return p


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    try:
        return args.run(args)
    except UsageError as err:
        print(f"{p.prog} {args.command}: error: {err}", file=sys.stderr)
        return 2
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2 if args.command == "quantities" else 1  # there the file is an argument
    except BrokenPipeError:  # the reader (head, less) stopped early: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush quiet
        return 0
    except KeyboardInterrupt:
        print("interrupted: files not yet complete were left as they were", file=sys.stderr)
        return 130
    except (BuildError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
