"""Score an extractor against real report texts whose measured figures were listed by hand.

    python benchmarks/real_texts.py FOLDER [FOLDER …] [--half NAME] [--engine fujian_fpa|recognizers]
    python benchmarks/real_texts.py tune=FOLDER held=FOLDER2     # name the set each folder is

FOLDER holds one sub-folder per text (01/, 02/, …) with `meta.json` (url, script, half),
`text.txt`, `figures.csv` (surface,start,value,value_max,unit,bound,note) and a `READY` file.
A folder given as NAME=FOLDER scores all its texts as the set NAME, whatever their meta.json says
(a folder of texts gathered later, all held back); otherwise each text is in the set its `half` names.
The texts stay outside the repository: this script reads them where they are and prints scores only.

Matching rule. Only measured mentions count (kinds quantity, percent and range). A mention matches
a key row when
  * their spans overlap (the key's span is [start, start + len(surface)) of text.txt),
  * their values are equal as exact decimals (and value_max too, for a range), and
  * their units are equal (the key's unit is in simplified script; 百分点 matches %).
Each key row and each mention is matched at most once, key rows in order of position, each to the
first matching mention. Then
  * recall = matched key rows / key rows,
  * precision = matched mentions / measured mentions,
  * bound accuracy = matched pairs whose bound agrees / matched pairs.
A mention with the right span but a wrong value or unit counts as a miss and a false figure.
"""

import argparse
import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
import json
from pathlib import Path
import sys

MEASURED = {"quantity", "percent", "range"}


@dataclass(frozen=True)
class Figure:
    """A key row or an extractor mention, in the terms both share."""

    start: int
    end: int
    value: Decimal | None
    value_max: Decimal | None
    unit: str
    bound: str
    surface: str


def _decimal(cell: str) -> Decimal | None:
    try:
        return Decimal(cell) if cell not in ("", None) else None
    except InvalidOperation:
        return None


def read_key(folder: Path) -> list[Figure]:
    with (folder / "figures.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Figure(int(r["start"]), int(r["start"]) + len(r["surface"]), _decimal(r["value"]), _decimal(r["value_max"]),
               r["unit"], r["bound"], r["surface"])
        for r in rows
    ]  # fmt: skip


def fujian_fpa_engine(text: str) -> list[Figure]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from fujian_fpa.quantities import extract

    return [
        Figure(m.start, m.end, m.value if not isinstance(m.value, str) else None, m.value_max, m.unit, m.bound, m.text)
        for m in extract(text)
        if m.measured
    ]


def recognizers_engine(text: str) -> list[Figure]:
    from recognizers_glue import extract_figures  # installed only in the benchmark's own venv

    return [Figure(*f) for f in extract_figures(text)]


ENGINES = {"fujian_fpa": fujian_fpa_engine, "recognizers": recognizers_engine}


def _same_unit(a: str, b: str) -> bool:
    return a == b or {a, b} == {"%", "百分点"}


def _agrees(key: Figure, found: Figure) -> bool:
    overlap = key.start < found.end and found.start < key.end
    same_max = key.value_max == found.value_max or (key.value_max is None and found.value_max is None)
    return (
        overlap and key.value is not None and key.value == found.value and same_max and _same_unit(key.unit, found.unit)
    )


@dataclass
class Score:
    keys: int = 0
    found: int = 0
    matched: int = 0
    bounds_right: int = 0

    def add(self, other: "Score") -> None:
        self.keys += other.keys
        self.found += other.found
        self.matched += other.matched
        self.bounds_right += other.bounds_right

    def row(self) -> str:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.2f}" if b else "–"

        return (
            f"{self.keys} | {self.found} | {self.matched} | {ratio(self.matched, self.keys)} | "
            f"{ratio(self.matched, self.found)} | {ratio(self.bounds_right, self.matched)}"
        )


def score(key: list[Figure], found: list[Figure]) -> tuple[Score, list[Figure], list[Figure], list[Figure]]:
    """The score of one text, with the key rows missed, the mentions that match none, and wrong bounds."""
    free = list(found)
    s = Score(keys=len(key), found=len(found))
    missed, wrong_bound = [], []
    for row in sorted(key, key=lambda f: f.start):
        hit = next((f for f in free if _agrees(row, f)), None)
        if hit is None:
            missed.append(row)
            continue
        free.remove(hit)
        s.matched += 1
        s.bounds_right += hit.bound == row.bound
        if hit.bound != row.bound:
            wrong_bound.append(hit)
    return s, missed, free, wrong_bound


def _texts(arguments: list[str]) -> list[tuple[Path, str | None]]:
    """Each ready text folder, with the set name its argument gave (None: the set its meta.json names)."""
    found = []
    for argument in arguments:
        named, _, folder = argument.rpartition("=")
        found += [(p, named or None) for p in sorted(Path(folder).iterdir()) if (p / "READY").exists()]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", metavar="[NAME=]FOLDER")
    parser.add_argument("--half", help="score only this set (default: all)")
    parser.add_argument("--engine", choices=sorted(ENGINES), default="fujian_fpa")
    parser.add_argument("--show", action="store_true", help="list each miss and each false figure")
    args = parser.parse_args()
    engine = ENGINES[args.engine]
    groups: dict[str, Score] = {}
    print("| text | half | script | key rows | measured mentions | matched | recall | precision | bound accuracy |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for folder, named in _texts(args.folders):
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        half = named or meta["half"]
        if args.half and half != args.half:
            continue
        text = (folder / "text.txt").read_text(encoding="utf-8")
        s, missed, false, wrong_bound = score(read_key(folder), engine(text))
        print(f"| {folder.name} | {half} | {meta['script']} | {s.row()} |")
        for name in (half, f"{half} {meta['script']}", "all", f"all {meta['script']}"):
            groups.setdefault(name, Score()).add(s)
        if args.show:
            for f in missed:
                print(f"    missed {f.surface!r} at {f.start}: {f.value} {f.value_max or ''} {f.unit} {f.bound}")
            for f in false:
                print(f"    false  {f.surface!r} at {f.start}: {f.value} {f.value_max or ''} {f.unit} {f.bound}")
            for f in wrong_bound:
                print(f"    bound  {f.surface!r} at {f.start}: {f.bound}")
    for name in sorted(groups):
        print(f"| **{name}** | | | {groups[name].row()} |")


if __name__ == "__main__":
    main()
