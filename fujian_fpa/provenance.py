"""Which data rows each chart plots, read from the chart's own CSV, so that the chain runs offline.

Every figure CSV names the rows of indicators.csv, derived.csv or events.csv behind each plotted
row: a column `ids` (several ids joined by ";"), or, in older CSVs, a column `id`. A derived
figure stands on its formula's operands, so a chart that plots it also rests on them.
"""

import csv
from functools import cache
from html import unescape
from pathlib import Path
import re

from . import paths
from .figures import LANGUAGES


def chart_names(folder: Path = paths.COMMITTED_FIGURES) -> list[str]:
    """Every chart that has a CSV, in name order."""
    return sorted({p.stem for lang in LANGUAGES for p in (Path(folder) / lang).glob("*.csv")})


def chart_ids(name: str, folder: Path = paths.COMMITTED_FIGURES) -> tuple[str, ...]:
    """The ids of the data rows a chart plots, in order of first appearance, over both languages."""
    seen: dict[str, None] = {}
    for lang in LANGUAGES:
        path = Path(folder) / lang / f"{name}.csv"
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                cell = row.get("ids") if "ids" in row else row.get("id")
                for rid in (cell or "").split(";"):
                    if rid.strip():
                        seen[rid.strip()] = None
    return tuple(seen)


@cache
def operands() -> dict[str, tuple[str, str]]:
    """Each derived figure's two operands, from data/derived.csv."""
    with paths.DERIVED.open(encoding="utf-8", newline="") as f:
        return {row["id"]: (row["a"], row["b"]) for row in csv.DictReader(f)}


def sources(rid: str) -> tuple[str, ...]:
    """The rows whose quotes stand behind an id: the id itself, or a derived figure's operands."""
    return operands().get(rid, (rid,))


def charts_by_id(folder: Path = paths.COMMITTED_FIGURES) -> dict[str, list[str]]:
    """For each data row, the charts that plot it or a figure derived from it."""
    users: dict[str, list[str]] = {}
    for name in chart_names(folder):
        for rid in chart_ids(name, folder):
            for source in dict.fromkeys((rid, *sources(rid))):
                users.setdefault(source, [])
                if name not in users[source]:
                    users[source].append(name)
    return users


# Matplotlib writes each text of an SVG as a comment before its glyphs; the title is the text set in
# the title colour at the largest size (charts.finish).
_SVG_TEXT = re.compile(
    r'<!-- ((?:(?!-->)[\s\S])*?) -->\s*<g style="fill: #111111" transform="translate\([^)]*\) scale\(([\d.]+) '
)


def chart_title(name: str, lang: str, folder: Path = paths.COMMITTED_FIGURES) -> str | None:
    """A chart's title as its SVG prints it (wrapped lines joined), or None where the SVG shows none."""
    path = Path(folder) / lang / f"{name}.svg"
    if not path.is_file():
        return None
    texts = _SVG_TEXT.findall(path.read_text(encoding="utf-8"))
    if not texts:
        return None
    title = max(texts, key=lambda t: float(t[1]))[0]
    joiner = "" if lang == "zh" else " "
    return unescape(joiner.join(line.strip() for line in title.splitlines()))
