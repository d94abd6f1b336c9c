"""The command line: `python -m fujian_fpa COMMAND`. Bad input ends with one line on stderr and exit status 2."""

import argparse
import csv
from decimal import Decimal
import json
import os
from pathlib import Path
import sys
import time

from . import catalog, paths
from .errors import DataError, collecting
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


def build(args) -> int:
    from . import build as builder

    def show(result) -> None:
        print(f"{paths.relative(result.notebook)}: {result.status} ({result.seconds:.1f} s)", flush=True)

    targets = [Path(n) for n in args.notebooks] or catalog.notebooks()
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
    from . import report as site

    out = site.build(progress=lambda page: print(page, flush=True))
    print(f"report: {paths.relative(out / 'index.html')}")
    return 0


def check(args) -> int:
    from . import data, derived

    with collecting() as problems:
        for loader in [*data.LOADERS.values(), derived.load_definitions]:
            try:
                loader()
            except DataError as err:  # a problem that stops the file being read at all
                problems.append(err)
    unique = list(dict.fromkeys(str(p) for p in problems))  # later loaders re-read earlier files
    for line in unique:
        print(line)
    if not unique:  # accounting needs every file to load
        table = data.accounting()
        for m in table[table["accounted_by"].isna()].itertuples(index=False):
            unique.append(f"article: {m.text!r} at offset {m.start} ({m.kind}) is in no data file")
            print(unique[-1])
    print(f"{len(unique)} problem(s)" if unique else "data ok: every number of the article is accounted for")
    return 1 if unique else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m fujian_fpa", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    q = sub.add_parser("quantities", help="list every number in a UTF-8 text file and what it is")
    q.add_argument("path")
    q.add_argument("--format", choices=["csv", "json"], default="csv")
    q.set_defaults(run=quantities)
    b = sub.add_parser("build", help="execute the notebooks in place and write figures/")
    b.add_argument("notebooks", nargs="*", help="notebooks to run (default: all)")
    b.add_argument("--jobs", "-j", type=int, default=None, help="notebooks at a time (default: one per core)")
    b.add_argument("--force", action="store_true", help="run every notebook, changed or not")
    b.set_defaults(run=build)
    c = sub.add_parser("check", help="validate the data; one line per problem")
    c.set_defaults(run=check)
    r = sub.add_parser("report", help="build the HTML report into build/report/")
    r.set_defaults(run=report)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader (head, less) stopped early: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush quiet
        return 0
