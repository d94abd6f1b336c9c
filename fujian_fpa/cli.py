"""The command line: `python -m fujian_fpa COMMAND`.

Every failure ends with one line on stderr, never a traceback: exit status 2 for a bad argument,
1 for bad data or a failed build, 130 when interrupted (Ctrl-C).
"""

import argparse
import csv
from decimal import Decimal
import json
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


def _json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def quantities(args) -> int:
    mentions = extract(read_text(args.path))
    if args.format == "json":
        rows = [{c: _json_value(getattr(m, c)) for c in COLUMNS} for m in mentions]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(COLUMNS)
    for m in mentions:
        writer.writerow(
            [m.start, m.end, m.text, m.kind, format_value(m.value), format_value(m.value_max), m.unit, m.bound]
        )
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
    q = sub.add_parser("quantities", help="list every number in a UTF-8 text file and what it is")
    q.add_argument("path")
    q.add_argument("--format", choices=["csv", "json"], default="csv")
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
