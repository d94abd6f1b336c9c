"""Figures computed from the article's figures, with their formula and their interval.

The definitions live in data/derived.csv; this module evaluates them. Each operand is an interval
[low, high] (what its printed form allows, from indicators.csv), and interval arithmetic carries
both ends through the formula: 1621万元 over 433户 is 37,424.9 to 37,448.0 yuan, so the figure is
"about 37,400" (`fujian_fpa.precision.shown`), not 37,436.49. A derived figure carries no bound
word: its interval says more, and a word read off the inputs (285.57万元 over 1万多 members "at
most 285.57") would contradict it (the top is 285.575).
"""

import math
from pathlib import Path

import pandas as pd

from . import paths
from .data import load_indicators
from .errors import report
from .schema import read_rows


def interval_op(op: str, a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """[a] ∘ [b] by interval arithmetic: the least and greatest result over both ends of each side.
    A divisor interval that holds zero leaves the ratio unbounded."""
    if op == "/":
        if b[0] <= 0 <= b[1]:
            return -math.inf, math.inf
        ends = [x / y for x in a for y in b]
    elif op == "*":
        ends = [x * y for x in a for y in b]
    else:
        raise ValueError(f"unknown operation {op!r}")
    return min(ends), max(ends)


def scaled(iv: tuple[float, float], factor: float) -> tuple[float, float]:
    """An interval times a number; a negative factor swaps its ends."""
    ends = (iv[0] * factor, iv[1] * factor)
    return min(ends), max(ends)


def load_definitions(path: Path = paths.DERIVED, indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """The definitions, each operand checked to be an indicator id."""
    ids = set((load_indicators() if indicators is None else indicators)["id"])
    rows = read_rows("derived", path)
    for row in rows:
        for column in ("a", "b"):
            if row.cells[column] not in ids:
                report(
                    row.error(path, column, f"{row.cells[column]!r} is not an id of {paths.relative(paths.INDICATORS)}")
                )
    return pd.DataFrame([r.cells for r in rows]).astype({"scale": "float64"})


def compute(indicators: pd.DataFrame | None = None, definitions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every derived figure: its value, its interval [low, high], unit, and the formula with the numbers
    put in. Show it with `fujian_fpa.precision.shown(value, low, high)` and its interval with
    `fujian_fpa.precision.interval_text(low, high)`, never as the raw value."""
    indicators = load_indicators() if indicators is None else indicators
    defs = load_definitions(indicators=indicators) if definitions is None else definitions
    ind = indicators.set_index("id")
    rows = []
    for d in defs.itertuples(index=False):
        a, b = ind.loc[d.a], ind.loc[d.b]
        value = (a.value / b.value if d.op == "/" else a.value * b.value) * d.scale
        low, high = scaled(interval_op(d.op, (a.low, a.high), (b.low, b.high)), d.scale)
        scale = f" × {d.scale:g}" if d.scale != 1 else ""
        rows.append(
            {
                "id": d.id,
                "theme": d.theme,
                "metric_zh": d.metric_zh,
                "metric_en": d.metric_en,
                "formula": f"{d.a} {d.op} {d.b}{scale}",
                "numbers": f"{a.value:,.10g} {a.unit} {d.op} {b.value:,.10g} {b.unit}{scale}",
                "value": value,
                "low": low,
                "high": high,
                "unit_zh": d.unit_zh,
                "unit_en": d.unit_en,
            }
        )
    return pd.DataFrame(rows)


def complement(value: float, low: float, high: float, whole: float = 100) -> tuple[float, float, float]:
    """What is left of `whole` (a share in per cent): the premiums not returned as claims when claims are
    65.91% of them. The interval's ends swap: the largest share returned leaves the least."""
    return whole - value, whole - high, whole - low
