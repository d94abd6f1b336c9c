"""Loaders: the article and its curated figures as tidy DataFrames, checked against the article on every load.

A loader never returns a number that it has not checked: each indicator's quote must stand in the
article at its offset, the figure it prints (`printed`) must be one extractor mention inside the quote,
and that mention's reading must equal the row's value, unit, bound and interval (`low`, `high`). Any
disagreement is a DataError naming the file, the row and the column.
"""

from decimal import Decimal
from functools import lru_cache
import hashlib
from pathlib import Path

import pandas as pd

from . import paths
from .errors import DataError, report
from .precision import interval
from .quantities import MEASURED, Mention, extract
from .schema import Row, parse, read_rows, read_text, resource
from .textnorm import normalize

# An indicator reads a measured figure, or a word that holds a numeral (之一, 一等奖: one honour each).
READABLE = MEASURED | {"word"}
# Roles whose figures were set, not measured (a quota, a programme's design): exact as printed.
DEFINED_ROLES = frozenset({"plan", "parameter"})


def load_article(path: Path = paths.ARTICLE) -> str:
    """The article text, after checking that it is the file the data were curated from."""
    text = read_text(path)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()  # UTF-8 round-trips: these are the file's bytes
    if digest != paths.ARTICLE_SHA256:
        raise DataError(
            path, f"sha256 is {digest}, expected {paths.ARTICLE_SHA256}: the article was changed or replaced"
        )
    return text


@lru_cache(maxsize=4)
def _mentions(article: str) -> tuple[Mention, ...]:
    return tuple(extract(article))


def mentions(article_path: Path = paths.ARTICLE) -> pd.DataFrame:
    """Every number the extractor finds in the article, one row each."""
    rows = [m.__dict__ | {"measured": m.measured} for m in _mentions(load_article(article_path))]
    return pd.DataFrame(rows)


def _table(name: str, rows: list[Row]) -> pd.DataFrame:
    """Rows as a DataFrame with the schema's types: numbers float, integers int, dates datetime."""
    fields = resource(name)["schema"]["fields"]
    frame = pd.DataFrame([r.cells for r in rows], columns=[f["name"] for f in fields], dtype="string")
    for field in fields:
        col, kind = field["name"], field["type"]
        if kind == "number":
            frame[col] = pd.to_numeric(frame[col].replace("", pd.NA)).astype("float64")
        elif kind == "integer":
            frame[col] = pd.to_numeric(frame[col].replace("", pd.NA)).astype("Int64")
        elif kind == "date":
            frame[col] = pd.to_datetime(frame[col])
        else:
            frame[col] = frame[col].astype(object)
    return frame


def _check_quote(path: Path, row: Row, article: str) -> tuple[int, int]:
    quote, start = row.cells["quote"], int(row.cells["start"])
    if quote not in article:
        raise row.error(path, "quote", f"{quote!r} is not in the article")
    if article[start : start + len(quote)] != quote:
        raise row.error(path, "start", f"the quote is not at offset {start}; it is at {article.find(quote)}")
    return start, start + len(quote)


def _reading(path: Path, row: Row, article: str, kinds: set[str]) -> Mention:
    """The one mention of the given kinds that the extractor finds inside the row's quote."""
    lo, hi = _check_quote(path, row, article)
    found = [m for m in _mentions(article) if lo <= m.start and m.end <= hi and m.kind in kinds]
    if len(found) != 1:
        listed = ", ".join(m.text for m in found) or "none"
        raise row.error(path, "quote", f"holds {len(found)} readable figures ({listed}); it must hold exactly one")
    return found[0]


def _printed(path: Path, row: Row, article: str) -> Mention:
    """The one mention inside the row's quote whose text is the row's `printed` figure."""
    lo, hi = _check_quote(path, row, article)
    printed = row.cells["printed"]
    found = [m for m in _mentions(article) if lo <= m.start and m.end <= hi and m.text == printed]
    if len(found) != 1 or found[0].kind not in READABLE:
        inside = ", ".join(f"{m.text} ({m.kind})" for m in _mentions(article) if lo <= m.start and m.end <= hi)
        raise row.error(path, "printed", f"{printed!r} is not one readable figure of the quote; it holds {inside}")
    return found[0]


def prints_unit(mention: Mention) -> bool:
    """Whether the measure word stands in the printed figure (89.1万 prints none; its 人 is inferred)."""
    return bool(mention.unit) and mention.unit in normalize(mention.text)


def _check_indicator(path: Path, row: Row, article: str, units: set[str]) -> Mention:
    if row.cells["unit"] not in units:
        raise row.error(
            path, "unit", f"unknown unit {row.cells['unit']!r}; known units are in {paths.relative(paths.UNITS)}"
        )
    got = _printed(path, row, article)
    low, high = interval(got, defined=row.cells["role"] in DEFINED_ROLES)
    expected = {"value": got.value, "value_max": got.value_max, "bound": got.bound, "low": low, "high": high}
    if prints_unit(got):
        expected["unit"] = got.unit
    elif not row.cells["note"]:
        raise row.error(path, "note", f"{got.text!r} prints no measure word: the note must say what the unit means")
    for column, want in expected.items():
        text = row.cells[column]
        numeric = column.startswith("value") or column in ("low", "high")
        have = parse(text, "number") if numeric and text else (text or None)
        if have != want:
            shown = want if not isinstance(want, Decimal) else format(want, "f")
            raise row.error(
                path, column, f"{text or 'empty'} disagrees with the printed {got.text!r}, which reads {shown}"
            )
    return got


def _checked(rows: list[Row], check) -> list[Row]:
    """The rows that pass `check`; a failure raises, or is noted when `check` lists every problem."""
    passed = []
    for row in rows:
        try:
            check(row)
        except DataError as err:
            report(err)
            continue
        passed.append(row)
    return passed


def load_units(path: Path = paths.UNITS) -> pd.DataFrame:
    return _table("units", read_rows("units", path))


def load_themes(path: Path = paths.THEMES) -> pd.DataFrame:
    return _table("themes", read_rows("themes", path))


def buys_insurance(indicators: pd.DataFrame) -> pd.Series:
    """Whether each row is money that buys insurance: the input of a programme named …保险. Such money is a
    premium paid to an insurer, not money a household receives, and charts set it apart from grants."""
    return (indicators["role"] == "input") & indicators["program"].str.endswith("保险")


def load_indicators(path: Path = paths.INDICATORS, article_path: Path = paths.ARTICLE) -> pd.DataFrame:
    """Every figure of the article, one row each, value in base units; checked against the article."""
    article = load_article(article_path)
    rows = read_rows("indicators", path)
    units = set(load_units()["unit"])
    owners: dict[tuple[int, int], Row] = {}

    def check(row: Row) -> None:
        got = _check_indicator(path, row, article, units)
        owner = owners.setdefault((got.start, got.end), row)
        if owner is not row:  # a copied quote, start and value would pass every other check
            raise row.error(
                path,
                "quote",
                f"reads {got.text!r} at offset {got.start}, the figure of row {owner.label!r} (line {owner.line}); "
                "each figure of the article belongs to one row",
            )

    return _table("indicators", _checked(rows, check))


def load_events(path: Path = paths.EVENTS, article_path: Path = paths.ARTICLE) -> pd.DataFrame:
    """Every dated event of the photo captions; each date checked against its caption."""
    article = load_article(article_path)

    def check(row: Row) -> None:
        got = _reading(path, row, article, {"date"})
        if got.value != row.cells["date"]:
            raise row.error(path, "date", f"{row.cells['date']} disagrees with the caption, which reads {got.value}")

    return _table("events", _checked(read_rows("events", path), check))


def load_exclusions(path: Path = paths.EXCLUSIONS, article_path: Path = paths.ARTICLE) -> pd.DataFrame:
    """Numbers of the article that are not figures; each must be a mention the extractor finds."""
    article = load_article(article_path)
    found = {(m.start, m.text): m for m in _mentions(article)}

    def check(row: Row) -> None:
        key = (int(row.cells["start"]), row.cells["text"])
        if key not in found:
            raise row.error(path, "start", f"the extractor finds no {key[1]!r} at offset {key[0]}")
        if found[key].kind != row.cells["kind"]:
            raise row.error(path, "kind", f"{row.cells['kind']!r}, but the extractor reads it as {found[key].kind!r}")

    return _table("exclusions", _checked(read_rows("exclusions", path), check))


def load_glossary(path: Path = paths.GLOSSARY) -> pd.DataFrame:
    """Chinese and English labels for every term the notebooks show: one table, `kind`, `key`, `zh`, `en`.

    Programmes, places, roles, bounds and chart text come from glossary.csv; themes, units,
    metrics and derived figures from the files that define them, so that no label is written twice.
    """
    base = _table("glossary", read_rows("glossary", path))
    themes = load_themes().assign(
        kind="theme", key=lambda t: t["id"], zh=lambda t: t["title_zh"], en=lambda t: t["title_en"]
    )
    units = load_units().assign(kind="unit", key=lambda u: u["unit"], zh=lambda u: u["unit"])
    metrics = load_indicators().assign(
        kind="metric", key=lambda i: i["id"], zh=lambda i: i["metric_zh"], en=lambda i: i["metric_en"]
    )
    derived = _table("derived", read_rows("derived", paths.DERIVED))
    derived = derived.assign(kind="derived", key=derived["id"], zh=derived["metric_zh"], en=derived["metric_en"])
    columns = ["kind", "key", "zh", "en"]
    frames = [base, themes, units, metrics, derived]
    return pd.concat([f[columns] for f in frames], ignore_index=True)


def accounting(article_path: Path = paths.ARTICLE) -> pd.DataFrame:
    """Every mention in the article with what accounts for it, or None where nothing does.

    An indicator accounts for the mention it prints, an event for the date in its caption, an
    exclusion for its own mention; a mention claimed twice lists both, separated by ";".
    """
    table = mentions(article_path)
    found = _mentions(load_article(article_path))
    claims: dict[tuple[int, str], list[str]] = {}

    def claim(name: str, rid: str, lo: int, quote: str, wanted) -> None:
        for m in found:
            if lo <= m.start and m.end <= lo + len(quote) and wanted(m):
                claims.setdefault((m.start, m.text), []).append(f"{name}:{rid}")

    indicators = load_indicators(article_path=article_path)
    for rid, lo, quote, printed in indicators[["id", "start", "quote", "printed"]].itertuples(index=False):
        claim("indicators.csv", rid, lo, quote, lambda m, printed=printed: m.text == printed)
    for rid, lo, quote in load_events(article_path=article_path)[["id", "start", "quote"]].itertuples(index=False):
        claim("events.csv", rid, lo, quote, lambda m: m.kind == "date")
    for start, text in load_exclusions(article_path=article_path)[["start", "text"]].itertuples(index=False):
        claims.setdefault((int(start), text), []).append("exclusions.csv")
    return table.assign(
        accounted_by=[";".join(claims.get((m.start, m.text), [])) or None for m in table.itertuples(index=False)]
    )


LOADERS = {
    "article": load_article,
    "units": load_units,
    "themes": load_themes,
    "indicators": load_indicators,
    "events": load_events,
    "exclusions": load_exclusions,
    "glossary": load_glossary,
}
