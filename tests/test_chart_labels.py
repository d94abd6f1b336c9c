"""Chart texts in both languages: dates, rounding, bounds, punctuation, the source line and the notes."""

import pandas as pd
import pytest

from fujian_fpa.labels import Labels, full_width, round_significant


@pytest.fixture(scope="module")
def en():
    return Labels("en")


@pytest.fixture(scope="module")
def zh():
    return Labels("zh")


def test_dates_read_as_a_reader_expects(en, zh):
    day = pd.Timestamp("2021-02-24")
    assert en.date(day) == "24 Feb" and zh.date(day) == "2月24日"
    assert en.month(day) == "February" and en.month(day, short=True) == "Feb" and zh.month(day) == "2月"


def test_a_ratio_of_rounded_figures_keeps_three_significant_figures(en, zh):
    assert round_significant(37_436.49, 3) == 37_400 and round_significant(99.94, 3) == 99.9
    assert en.rounded(37_436.49, "yuan per household") == "about 37,400 yuan per household"
    assert zh.rounded(37_436.49, "元/户") == "约37,400元/户"
    assert "37,436" not in en.rounded(37_436.49, "yuan")


def test_a_lower_bound_carries_its_sign(en, zh):
    assert en.amount(510_000, "人", "at_least") == "≥ 510,000 persons"
    assert zh.amount(510_000, "人", "at_least") == "≥510,000人"
    assert en.amount(144_960_000, "元") == "144.96 million yuan" and zh.amount(144_960_000, "元") == "14,496万元"


def test_chinese_labels_use_full_width_punctuation(zh):
    assert full_width("“暖心之星”志愿者(团队)") == "“暖心之星”志愿者（团队）"
    assert full_width("金额(万元,对数刻度)") == "金额（万元，对数刻度）"
    assert full_width("1,000 (1)") == "1,000 (1)"  # numbers and Latin text keep their own
    assert zh("metric", "sf_star_volunteers").endswith("（团队）")


def test_the_source_line_is_read_from_the_article(en, zh):
    for labels in (en, zh):
        line = labels.source()
        assert "保障更稳固 帮扶更有力 服务更暖心" in line and "陈才源" in line and "fujian-fpa" in line
    assert zh.source().startswith("来源：《") and "本报记者 陈才源" in zh.source()
    # In English the reporter's title is translated and the headline is not wrapped in Chinese quote marks.
    assert "by staff reporter 陈才源" in en.source() and "本报记者" not in en.source()
    assert en.source().startswith("Source: 保障更稳固") and "“" not in en.source()


def test_notes_follow_the_data(en):
    exact = pd.DataFrame({"unit": ["户"], "bound": ["exact"]})
    assert en.notes(exact) == []
    notes = en.notes(pd.DataFrame({"unit": ["人次", "人"], "bound": ["exact", "at_least"]}))
    assert len(notes) == 2 and notes[0].startswith("≥") and "not people" in notes[1]


def test_every_theme_has_a_short_name(en, zh):
    from fujian_fpa.style import THEME_ORDER

    for theme in THEME_ORDER:
        assert en.theme(theme) and zh.theme(theme)
