"""The curated data against the article: every quote, every value, every number accounted for."""

import csv
from decimal import Decimal
import io
import shutil

from frictionless import validate
import pytest

from fujian_fpa import data, paths
from fujian_fpa.errors import DataError
from fujian_fpa.precision import interval
from fujian_fpa.quantities import extract


@pytest.fixture(scope="module")
def article():
    return data.load_article()


@pytest.fixture(scope="module")
def indicators():
    return data.load_indicators()


def raw_rows(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_article_is_the_checked_source(article):
    assert article.startswith("\n") and "2021年福建省计生协会解民忧办实事工作综述" in article


@pytest.mark.parametrize("path", [paths.INDICATORS, paths.EVENTS])
def test_every_quote_stands_verbatim_at_its_offset(article, path):
    for row in raw_rows(path):
        start = int(row["start"])
        assert article[start : start + len(row["quote"])] == row["quote"], row["id"]


def test_extractor_reading_of_each_printed_figure_equals_the_row(article):
    mentions = extract(article)
    for row in raw_rows(paths.INDICATORS):
        lo = int(row["start"])
        hi = lo + len(row["quote"])
        inside = [m for m in mentions if lo <= m.start and m.end <= hi and m.text == row["printed"]]
        assert len(inside) == 1, row["id"]
        m = inside[0]
        assert m.measured or m.kind == "word", row["id"]
        assert (m.value, m.bound) == (Decimal(row["value"]), row["bound"]), row["id"]
        assert m.value_max == (Decimal(row["value_max"]) if row["value_max"] else None), row["id"]
        if data.prints_unit(m):
            assert m.unit == row["unit"], row["id"]
        else:  # no measure word printed: the unit is a reading, and the note says so
            assert row["note"], row["id"]


def test_each_interval_is_the_one_its_printed_form_implies(article):
    mentions = extract(article)
    for row in raw_rows(paths.INDICATORS):
        lo = int(row["start"])
        [m] = [m for m in mentions if lo <= m.start and m.end <= lo + len(row["quote"]) and m.text == row["printed"]]
        defined = row["role"] in data.DEFINED_ROLES
        assert interval(m, defined=defined) == (Decimal(row["low"]), Decimal(row["high"])), row["id"]
        assert Decimal(row["low"]) <= Decimal(row["value"]) <= Decimal(row["high"]), row["id"]


def test_every_number_in_the_article_is_accounted_for_once():
    table = data.accounting()
    assert table["accounted_by"].notna().all(), table[table["accounted_by"].isna()]
    assert not table["accounted_by"].str.contains(";").any(), "a number is claimed by two rows"


def test_every_indicator_and_exclusion_is_a_mention(indicators):
    table = data.accounting()
    claimed = set(table["accounted_by"])
    for rid in indicators["id"]:
        assert f"indicators.csv:{rid}" in claimed
    assert (table["accounted_by"] == "exclusions.csv").sum() == len(data.load_exclusions())


def test_events_are_the_dated_captions(article):
    events = data.load_events()
    captions = [line for line in article.splitlines() if line.startswith("▲")]
    assert len(events) == len(captions)
    assert set(events["quote"]) == {c[1:] for c in captions}


def test_themes_are_the_printed_section_headings(article):
    themes = data.load_themes().dropna(subset=["section"])
    for t in themes.itertuples():
        assert f"\n{t.section} {t.title_zh}\n" in article


def test_values_are_in_base_units(indicators):
    money = indicators[indicators["unit"] == "元"]
    assert (money["value"] >= 1_000_000).all()
    assert "万元" not in set(indicators["unit"]) and "亿元" not in set(indicators["unit"])


def test_every_program_has_a_glossary_label(indicators):
    glossary = data.load_glossary()
    programs = set(glossary.loc[glossary["kind"] == "program", "key"])
    assert set(indicators["program"]) <= programs
    assert glossary["en"].str.len().gt(0).all()


def test_data_package_validates_with_frictionless():
    report = validate(str(paths.DATAPACKAGE))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


# --- bad input fails loudly, naming the file, the row and the column ---------------------------


@pytest.fixture
def tampered(tmp_path):
    """A writable copy of indicators.csv and a function that edits one cell of it."""
    path = tmp_path / "indicators.csv"
    shutil.copy(paths.INDICATORS, path)

    def edit(row_id, column, value):
        rows = raw_rows(path)
        for row in rows:
            if row["id"] == row_id:
                row[column] = value
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return path

    return edit


def expect_error(match_file, row, column, call):
    with pytest.raises(DataError) as info:
        call()
    err = info.value
    assert match_file in err.file
    assert (err.row, err.column) == (row, column)
    assert repr(row) in str(err) and repr(column) in str(err)
    return err


def test_missing_article(tmp_path):
    with pytest.raises(DataError, match="not found") as info:
        data.load_indicators(article_path=tmp_path / "article.txt")
    assert "article.txt" in str(info.value)


def test_changed_article(tmp_path):
    changed = tmp_path / "article.txt"
    changed.write_text(paths.ARTICLE.read_text(encoding="utf-8").replace("1621万元", "1631万元"), encoding="utf-8")
    with pytest.raises(DataError, match="sha256") as info:
        data.load_indicators(article_path=changed)
    assert "article.txt" in str(info.value)


@pytest.mark.parametrize(
    ("row", "column", "value", "named_row"),
    [
        ("ta_housing_funds", "quote", "投入安居工程资金1622万元", "ta_housing_funds"),  # not in the article
        ("ta_housing_funds", "start", "7", "ta_housing_funds"),  # the quote is elsewhere
        ("ta_housing_funds", "value", "1621", "ta_housing_funds"),  # 万元 left unscaled
        ("sv_beneficiaries", "bound", "exact", "sv_beneficiaries"),  # 51万多人 is a lower bound
        ("ta_housing_funds", "id", "ta_happiness_funds", "ta_happiness_funds"),  # duplicate id
        ("ta_housing_funds", "unit", "万元", "ta_housing_funds"),  # not a unit of units.csv
        ("ta_housing_funds", "bound", "roughly", "ta_housing_funds"),  # not a bound
        ("ta_housing_funds", "value", "1621万", "ta_housing_funds"),  # not a number
        ("sv_households_served", "low", "223000", "sv_households_served"),  # 22.3万 is rounded, not exact
        ("sv_beneficiaries", "high", "511000", "sv_beneficiaries"),  # 51万多 runs up to 52万
        ("sf_typical_cases", "printed", "50", "sf_typical_cases"),  # not a mention of the quote
        ("sf_typical_cases", "value", "50", "sf_typical_cases"),  # one of 50 is one honour
        ("ta_legal_disputes", "unit", "件", "ta_legal_disputes"),  # 1.09万宗 prints its measure word
        ("sv_livestream_viewers", "note", "", "sv_livestream_viewers"),  # an unprinted unit must be explained
    ],
    ids=[
        "quote",
        "offset",
        "value",
        "bound",
        "duplicate-id",
        "unknown-unit",
        "unknown-bound",
        "not-a-number",
        "rounded-low",
        "duo-high",
        "printed",
        "honour-count",
        "printed-unit",
        "unprinted-unit-note",
    ],
)
def test_a_tampered_row_is_named_with_its_column(tampered, row, column, value, named_row):
    path = tampered(row, column, value)
    expect_error("indicators.csv", named_row, column, lambda: data.load_indicators(path))


def test_a_wrong_value_names_what_the_quote_says(tampered):
    path = tampered("ta_housing_funds", "value", "1621")
    err = expect_error("indicators.csv", "ta_housing_funds", "value", lambda: data.load_indicators(path))
    assert "16210000" in str(err)


def test_missing_column(tmp_path):
    path = tmp_path / "indicators.csv"
    rows = paths.INDICATORS.read_text(encoding="utf-8").replace(",note\n", "\n", 1)
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(DataError, match="header") as info:
        data.load_indicators(path)
    assert info.value.column == "note"


def test_empty_and_non_utf8_data_files(tmp_path):
    empty = tmp_path / "events.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="empty"):
        data.load_events(empty)
    gbk = tmp_path / "units.csv"
    gbk.write_bytes(paths.UNITS.read_text(encoding="utf-8").encode("gbk"))
    with pytest.raises(DataError, match="not UTF-8") as info:
        data.load_units(gbk)
    assert info.value.line == 2


def test_event_date_disagrees_with_caption(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(paths.EVENTS.read_text(encoding="utf-8").replace(",2021-05-08,", ",2021-05-09,"), encoding="utf-8")
    expect_error("events.csv", "ev_0508_clinic", "date", lambda: data.load_events(path))


def test_stale_exclusion(tmp_path):
    path = tmp_path / "exclusions.csv"
    path.write_text(paths.EXCLUSIONS.read_text(encoding="utf-8").replace("1780,100,", "1781,100,"), encoding="utf-8")
    expect_error("exclusions.csv", "1781", "start", lambda: data.load_exclusions(path))


def test_check_mode_lists_every_bad_row_not_just_the_first(tampered):
    from fujian_fpa.errors import collecting

    tampered("ta_housing_funds", "value", "1621")
    path = tampered("sv_beneficiaries", "unit", "人们")
    with collecting() as problems:
        frame = data.load_indicators(path)
    assert [(p.row, p.column) for p in problems] == [("ta_housing_funds", "value"), ("sv_beneficiaries", "unit")]
    assert "ta_housing_funds" not in set(frame["id"]), "a bad row is left out, never loaded with a wrong number"
    with pytest.raises(DataError):  # outside `collecting`, the first problem still raises
        data.load_indicators(path)


def test_a_derived_figure_over_an_unknown_indicator_is_named(tmp_path):
    from fujian_fpa import derived

    path = tmp_path / "derived.csv"
    path.write_text(
        paths.DERIVED.read_text(encoding="utf-8").replace(",ta_accident_premiums,100,", ",ta_premiums,100,")
    )
    expect_error("derived.csv", "ta_payout_ratio", "b", lambda: derived.load_definitions(path))
