"""Figures computed from the article's figures, with their formula and what their bound becomes.

The definitions live in data/derived.csv; this module evaluates them. A ratio of a lower bound
(多) to an exact count is itself a lower bound, and divided the other way it becomes an upper
bound; where both sides are bounds the result has no bound at all, and says so.
"""

from pathlib import Path

import pandas as pd

from . import paths
from .data import load_indicators
from .errors import report
from .schema import read_rows

# What a bound becomes as the divisor: dividing by a lower bound gives an upper bound.
_AS_DENOMINATOR = {"exact": "exact", "at_least": "at_most", "at_most": "at_least", "approx": "approx"}


def combine_bounds(op: str, a: str, b: str) -> str:
    """The bound of a∘b. Both sides inexact (other than approx) leaves nothing known: 'unbounded'."""
    if "range" in (a, b):
        return "unbounded"
    left = a
    right = _AS_DENOMINATOR[b] if op == "/" else b
    if left == "exact":
        return right
    if right in ("exact", left):
        return left
    return "unbounded"


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
    """Every derived figure: its value, unit, bound, and the formula with the numbers put in."""
    indicators = load_indicators() if indicators is None else indicators
    defs = load_definitions(indicators=indicators) if definitions is None else definitions
    ind = indicators.set_index("id")
    rows = []
    for d in defs.itertuples(index=False):
        a, b = ind.loc[d.a], ind.loc[d.b]
        value = (a.value / b.value if d.op == "/" else a.value * b.value) * d.scale
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
                "unit_zh": d.unit_zh,
                "unit_en": d.unit_en,
                "bound": combine_bounds(d.op, a.bound, b.bound),
            }
        )
    return pd.DataFrame(rows)
