"""Official statistics of Fujian, and the article's figures as shares of them.

data/context.csv keeps each statistic as printed by its source (4187万人) beside its value in base
units. The loader reads every printed figure back with the project's extractor, so that a value
typed by hand cannot drift from what the source printed.
"""

from pathlib import Path

import pandas as pd

from . import paths
from .data import _checked, _table, load_indicators, load_units
from .derived import interval_op, scaled
from .errors import DataError
from .precision import interval
from .quantities import extract
from .schema import Row, parse, read_rows

CONTEXT = paths.DATA / "context.csv"
# The year the article reports on; a statistic of another year must say so in its note.
ARTICLE_YEAR = 2021

# (article figure, statistic of Fujian): each pair is one coverage ratio. Only like is set against
# like: households against households, people against people, person-times per resident.
COVERAGE = (
    ("ta_accident_households", "fj_family_households"),
    ("sv_households_served", "fj_family_households"),
    ("sv_beneficiaries", "fj_resident_population"),
    ("fh_publicity_coverage", "fj_resident_population"),
    ("fh_online_participation", "fj_resident_population"),
    ("fh_offline_participation", "fj_resident_population"),
)
# What a ratio is, by the dimensions of its two sides (units.csv): a share, or a count per person.
_KINDS = {
    ("households", "households"): ("share", 100),
    ("persons", "persons"): ("share", 100),
    ("person_times", "persons"): ("per_person", 1),
}


def _check_row(path: Path, row: Row, units: set[str]) -> None:
    printed = row.cells["printed"]
    if row.cells["unit"] not in units:
        raise row.error(
            path, "unit", f"unknown unit {row.cells['unit']!r}; known units are in {paths.relative(paths.UNITS)}"
        )
    found = [m for m in extract(printed) if m.measured]
    if len(found) != 1 or found[0].text != printed.strip():
        listed = ", ".join(m.text for m in found) or "none"
        raise row.error(
            path, "printed", f"{printed!r} must be one figure and nothing else; the extractor reads {listed}"
        )
    got = found[0]
    if parse(row.cells["value"], "number") != got.value:
        raise row.error(path, "value", f"{row.cells['value']} disagrees with {printed!r}, which reads {got.value:f}")
    for column, want in (("unit", got.unit), ("bound", got.bound)):
        if row.cells[column] != want:
            raise row.error(path, column, f"{row.cells[column]!r} disagrees with {printed!r}, which reads {want!r}")
    if int(row.cells["year"]) != ARTICLE_YEAR and str(ARTICLE_YEAR) not in row.cells["note"]:
        raise row.error(
            path, "note", f"the figure is of {row.cells['year']}: the note must say how it differs from {ARTICLE_YEAR}"
        )


def load_context(path: Path = CONTEXT) -> pd.DataFrame:
    """Every statistic of Fujian, value in base units, each checked against its printed figure."""
    units = set(load_units()["unit"])
    rows = read_rows("context", path)
    return _table("context", _checked(rows, lambda row: _check_row(path, row, units)))


def printed_interval(printed: str) -> tuple[float, float]:
    """The interval a statistic's printed figure allows: 4187万人 is 41,865,000 up to 41,875,000."""
    [mention] = [m for m in extract(printed) if m.measured]
    low, high = interval(mention)
    return float(low), float(high)


def coverage(indicators: pd.DataFrame | None = None, context: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each pair of COVERAGE as a ratio: a share of the province (%) or a count per resident, with the
    interval [low, high] that the rounding of both sides allows."""
    indicators = (load_indicators() if indicators is None else indicators).set_index("id")
    context = (load_context() if context is None else context).set_index("id")
    dimension = load_units().set_index("unit")["dimension"]
    rows = []
    for figure_id, stat_id in COVERAGE:
        figure, stat = indicators.loc[figure_id], context.loc[stat_id]
        dims = (dimension[figure.unit], dimension[stat.unit])
        if dims not in _KINDS:
            raise DataError(CONTEXT, f"{figure_id} ({figure.unit}) cannot be set against {stat_id} ({stat.unit})")
        kind, scale = _KINDS[dims]
        low, high = scaled(interval_op("/", (figure.low, figure.high), printed_interval(stat.printed)), scale)
        rows.append(
            {
                "id": f"{figure_id}__{stat_id}",
                "figure": figure_id,
                "statistic": stat_id,
                "theme": figure.theme,
                "kind": kind,
                "value": figure.value / stat.value * scale,
                "low": low,
                "high": high,
                "numbers": f"{figure.value:,.10g} {figure.unit} / {stat.value:,.10g} {stat.unit}",
                "statistic_year": int(stat.year),
            }
        )
    return pd.DataFrame(rows)
