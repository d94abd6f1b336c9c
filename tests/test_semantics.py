"""What each figure counts: readings pinned against the article, one test per reading."""

import re

import pytest

from fujian_fpa import data, derived, paths
from fujian_fpa.quantities import extract

NUMERAL = re.compile(r"[0-9０-９〇零一二两三四五六七八九十百千万亿]")


@pytest.fixture(scope="module")
def indicators():
    return data.load_indicators().set_index("id")


@pytest.fixture(scope="module")
def units():
    return data.load_units().set_index("unit")


def test_every_numeral_character_lies_in_exactly_one_mention():
    article = data.load_article()
    covering = [0] * len(article)
    for m in extract(article):
        for i in range(m.start, m.end):
            covering[i] += 1
    numerals = [m.start() for m in NUMERAL.finditer(article)]
    assert len(numerals) > 200, "the article's numerals were found"
    wrong = [(i, article[max(0, i - 3) : i + 4], covering[i]) for i in numerals if covering[i] != 1]
    assert not wrong, wrong


def test_every_word_with_a_numeral_is_accounted_for():
    table = data.accounting()
    words = table[table["kind"] == "word"]
    assert {"之一", "一等奖", "三孩", "进万家", "一年来", "这一年"} <= set(words["text"])
    assert words["accounted_by"].notna().all(), words[words["accounted_by"].isna()]


def test_one_of_fifty_model_cases_is_one_honour(indicators):
    row = indicators.loc["sf_typical_cases"]
    assert (row.value, row.low, row.high, row.role, row.printed) == (1, 1, 1, "honour", "之一")
    assert "50个典型案例之一" in row.quote
    excluded = data.load_exclusions()
    assert ((excluded["text"] == "50个") & (excluded["start"] == row.start + row.quote.index("50个"))).any()


def test_the_first_prize_for_accident_insurance_is_an_honour(indicators):
    row = indicators.loc["ta_accident_insurance_award"]
    assert (row.value, row.role, row.printed, row.theme) == (1, "honour", "一等奖", "targeted_assistance")
    assert row.quote.endswith("全国计生家庭意外伤害保险工作一等奖")
    honoured = indicators[indicators["role"] == "honour"].groupby("theme").size()
    assert honoured.get("targeted_assistance", 0) >= 1


def _english_texts():
    """(where, Chinese, English) for every bilingual text of the data and every notebook."""
    for name, loader, zh, en in [
        ("indicators", data.load_indicators, "metric_zh", "metric_en"),
        ("events", data.load_events, "description_zh", "description_en"),
    ]:
        for row in loader().itertuples():
            yield f"{name}:{row.id}", getattr(row, zh) + " " + row.quote, getattr(row, en)
    for row in data.load_glossary().itertuples():
        yield f"glossary:{row.key}", row.zh, row.en


def test_special_families_are_not_read_as_bereaved_only():
    """计生特殊家庭 are families whose only child died or is disabled; only 失独 means the child died."""
    checked = 0
    for where, zh, en in _english_texts():
        if "计生特殊家庭" in zh and "失独" not in zh:
            checked += 1
            assert "lost their only child" not in en, where
    assert checked >= 2
    opening = (paths.NOTEBOOKS / "01-special-families.py").read_text(encoding="utf-8").split("\n# %%\n")[0]
    assert "died or is disabled" in opening and "lost their only child" not in opening


def test_publicity_coverage_is_person_times(indicators, units):
    row = indicators.loc["fh_publicity_coverage"]
    assert units.loc[row.unit, "dimension"] == "person_times"
    assert "person-times" in row.metric_en and "people" not in row.metric_en


def test_livestream_audience_has_an_unknown_unit_never_people(indicators, units):
    row = indicators.loc["sv_livestream_viewers"]
    assert units.loc[row.unit, "dimension"] == "unknown"
    assert "person-times" in row.note and "never as people" in row.note
    persons = indicators[indicators["unit"].map(units["dimension"]) == "persons"]
    assert "sv_livestream_viewers" not in persons.index


def test_nutrition_quota_and_its_product_are_planned(indicators):
    for rid in ("sv_nutrition_families_per_year", "sv_nutrition_years"):
        assert indicators.loc[rid, "role"] == "plan"
        assert "planned" in indicators.loc[rid, "metric_en"]
    assert "资助名额" in indicators.loc["sv_nutrition_families_per_year", "quote"]
    product = derived.compute().set_index("id").loc["sv_nutrition_family_years"]
    assert "planned" in product.metric_en and "计划" in product.metric_zh


def test_training_attendances_are_capacity_not_reach(indicators):
    for rid in ("fh_instructors_trained", "sv_childcare_instructors"):
        row = indicators.loc[rid]
        assert (row.role, row.unit) == ("capacity", "人次")
        assert "培" in row.quote and "attendances" in row.metric_en


def test_claims_are_never_called_a_payout_per_claiming_household():
    defs = derived.load_definitions().set_index("id")
    assert "ta_claims_per_household" not in defs.index
    row = defs.loc["ta_claims_per_insured_household"]
    assert "all insured households" in row.metric_en and "户均理赔" not in row.metric_zh


ROLE_UNITS = {
    "input": {"money"},
    "outcome": {"money", "percent"},
    "output": {"sessions", "items"},
    "capacity": {"persons", "person_times", "items"},
    "plan": {"items", "duration"},
}


@pytest.mark.parametrize("role", sorted(ROLE_UNITS))
def test_each_role_counts_what_it_says(indicators, units, role):
    dims = set(indicators.loc[indicators["role"] == role, "unit"].map(units["dimension"]))
    assert dims and dims <= ROLE_UNITS[role], (role, dims)


def test_money_is_only_input_or_outcome(indicators):
    assert set(indicators.loc[indicators["unit"] == "元", "role"]) == {"input", "outcome"}


def test_money_that_buys_insurance_is_the_two_premiums():
    indicators = data.load_indicators()
    premiums = set(indicators.loc[data.buys_insurance(indicators), "id"])
    assert premiums == {"sf_care_insurance_spend", "ta_accident_premiums"}
