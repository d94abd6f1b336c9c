"""Official statistics of Fujian: every printed figure reads back to its stored value, and ratios use like with like."""

import csv
from decimal import Decimal
import io

import pytest

from fujian_fpa import context, data
from fujian_fpa.errors import DataError
from fujian_fpa.quantities import extract


def raw_rows():
    return list(csv.DictReader(io.StringIO(context.CONTEXT.read_text(encoding="utf-8"), newline="")))


def write_rows(path, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("row", raw_rows(), ids=lambda r: r["id"])
def test_the_extractor_reads_each_printed_figure_as_the_stored_value(row):
    found = [m for m in extract(row["printed"]) if m.measured]
    assert len(found) == 1 and found[0].text == row["printed"], "printed holds the figure and nothing else"
    m = found[0]
    assert (m.value, m.unit, m.bound) == (Decimal(row["value"]), row["unit"], row["bound"])


@pytest.mark.parametrize("row", raw_rows(), ids=lambda r: r["id"])
def test_every_row_says_where_the_figure_was_printed(row):
    for column in ("publisher", "document", "year", "url", "printed"):
        assert row[column].strip(), f"{row['id']}: empty {column}"
    assert row["url"].startswith(("http://", "https://"))
    if int(row["year"]) != context.ARTICLE_YEAR:
        assert str(context.ARTICLE_YEAR) in row["note"], f"{row['id']}: the note must say the year differs"


def test_loader_returns_every_row_in_base_units():
    frame = context.load_context()
    assert list(frame["id"]) == [r["id"] for r in raw_rows()]
    assert "万人" not in set(frame["unit"]) and (frame["value"] >= 10_000).all()


@pytest.mark.parametrize(
    ("column", "value", "named"),
    [
        ("value", "4187", "value"),  # 万 left unscaled
        ("unit", "户", "unit"),  # 人 printed
        ("printed", "年末常住人口4187万人", "printed"),  # the sentence, not the figure
        ("printed", "四千多万人", "value"),  # a figure that reads otherwise: the stored value disagrees
        ("note", "", "note"),  # a year other than 2021 without a word about it
        ("url", "see the bulletin", "url"),  # not an address
    ],
)
def test_a_tampered_row_is_named_with_its_column(tmp_path, column, value, named):
    rows = raw_rows()
    target = rows[0] if column != "note" else next(r for r in rows if r["year"] != "2021")
    target[column] = value
    path = write_rows(tmp_path / "context.csv", rows)
    with pytest.raises(DataError) as info:
        context.load_context(path)
    err = info.value
    assert "context.csv" in err.file and (err.row, err.column) == (target["id"], named)


def test_coverage_divides_each_figure_by_its_statistic():
    indicators = data.load_indicators().set_index("id")
    stats = context.load_context().set_index("id")
    table = context.coverage().set_index("id")
    assert len(table) == len(context.COVERAGE)
    for figure, stat in context.COVERAGE:
        row = table.loc[f"{figure}__{stat}"]
        scale = 100 if row.kind == "share" else 1
        assert row.value == pytest.approx(indicators.loc[figure, "value"] / stats.loc[stat, "value"] * scale)
        assert row.statistic_year == stats.loc[stat, "year"]


def test_coverage_keeps_the_interval_and_the_kind():
    table = context.coverage().set_index("figure")
    people = table.loc["sv_beneficiaries"]  # 51万多人: from 510,000 up to 520,000
    assert people.low <= people.value and people.high / people.value >= 52 / 51
    assert table.loc["ta_accident_households", "kind"] == "share"
    assert table.loc["fh_publicity_coverage", "kind"] == "per_person"  # person-times are not people


def test_coverage_refuses_to_set_unlike_against_unlike(monkeypatch):
    monkeypatch.setattr(context, "COVERAGE", (("ta_students_aided", "fj_family_households"),))
    with pytest.raises(DataError, match="cannot be set against"):
        context.coverage()


def test_each_coverage_ratio_carries_the_interval_both_roundings_allow():
    ratios = context.coverage().set_index("id")
    assert (ratios["low"] <= ratios["value"]).all() and (ratios["value"] <= ratios["high"]).all()
    assert (ratios["low"] < ratios["high"]).all(), "every side is a rounded figure: no ratio is exact"
    assert context.printed_interval("4187万人") == (41_865_000, 41_875_000)
