"""Loaders: the article and its curated figures as tidy DataFrames, checked against the article on every load.

A loader never returns a number that it has not checked: each indicator's quote must stand in the
article at its offset, and the extractor's reading of that quote must equal the row's value, unit
and bound. Any disagreement is a DataError naming the file, the row and the column.
"""

from decimal import Decimal
from functools import lru_cache
import hashlib
from pathlib import Path

import pandas as pd

from . import paths
from .errors import DataError, report
from .quantities import MEASURED, Mention, extract
from .schema import Row, parse, read_rows, read_text, resource


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


def _check_indicator(path: Path, row: Row, article: str, units: set[str]) -> Mention:
    if row.cells["unit"] not in units:
        raise row.error(
            path, "unit", f"unknown unit {row.cells['unit']!r}; known units are in {paths.relative(paths.UNITS)}"
        )
    got = _reading(path, row, article, MEASURED)
    expected = {
        "value": got.value,
        "value_max": got.value_max,
        "unit": got.unit,
        "bound": got.bound,
    }
    for column, want in expected.items():
        text = row.cells[column]
        have = parse(text, "number") if column.startswith("value") and text else (text or None)
        if have != want:
            shown = want if not isinstance(want, Decimal) else format(want, "f")
            raise row.error(
                path, column, f"{text or 'empty'} disagrees with the quote {got.text!r}, which reads {shown}"
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
    """Every mention in the article with the file that accounts for it, or None where nothing does."""
    table = mentions(article_path)
    spans = [
        ("indicators.csv", load_indicators(article_path=article_path), MEASURED),
        ("events.csv", load_events(article_path=article_path), {"date"}),
    ]
    excluded = {
        (int(s), t) for s, t in load_exclusions(article_path=article_path)[["start", "text"]].itertuples(index=False)
    }

    def account(m) -> str | None:
        holders = [
            f"{name}:{rid}"
            for name, frame, kinds in spans
            if m.kind in kinds
            for rid, lo, quote in frame[["id", "start", "quote"]].itertuples(index=False)
            if lo <= m.start and m.end <= lo + len(quote)
        ]
        if (m.start, m.text) in excluded:
            holders.append("exclusions.csv")
        return ";".join(holders) or None

    return table.assign(accounted_by=[account(m) for m in table.itertuples(index=False)])


LOADERS = {
    "article": load_article,
    "units": load_units,
    "themes": load_themes,
    "indicators": load_indicators,
    "events": load_events,
    "exclusions": load_exclusions,
    "glossary": load_glossary,
}
