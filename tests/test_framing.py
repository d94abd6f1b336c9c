"""The text measures of the framing notebook, on sentences written for these tests and on the article."""

import pandas as pd
import pytest

from fujian_fpa import data, framing

THEMES = pd.DataFrame(
    {"id": ["first", "second", "overview"], "section": [1, 2, None], "title_zh": ["工作更扎实", "服务更贴心", "概况"]}
)
TEXT = (
    "工作更扎实 服务更贴心\n\n□本报记者 某某\n\n"
    "今年协会继续努力,推动\n\n工作落实。\n\n"
    "1 工作更扎实\n\n全年投入资金120万元,比上年增长5%。计划生育协会举办活动30场。\n\n"
    "▲2021年3月1日,协会举办活动\n\n"
    "2 服务更贴心\n\n服务更贴心,群众满意。目标为每年服务1000户。\n"
)


def figures(*printed: str) -> pd.DataFrame:
    """Indicator rows for figures printed in TEXT: the quote is the printed figure itself."""
    return pd.DataFrame({"id": [f"f{i}" for i in range(len(printed))], "printed": printed, "quote": printed}).assign(
        start=[TEXT.index(p) for p in printed]
    )


def test_a_layout_break_does_not_end_a_sentence_but_a_heading_does():
    spans = [TEXT[s.start : s.end].strip() for s in framing.sentences(TEXT)]
    assert "今年协会继续努力,推动\n\n工作落实。" in spans
    assert "1 工作更扎实" in spans and "2 服务更贴心" in spans
    assert spans[0] == "工作更扎实 服务更贴心" and spans[1] == "□本报记者 某某"


def test_comparison_words_count_the_longest_word_once_and_skip_family_planning():
    words = framing.comparison_words(TEXT)
    assert list(words["word"]) == ["比上年", "增长", "目标"]
    assert list(words["kind"]) == ["year_on_year", "change", "target"]
    assert "计划" not in set(words["word"])  # 计划生育 names the association
    assert list(framing.comparison_words("今年的计划是培训100人。")["word"]) == ["计划"]


def test_each_figure_gets_the_comparison_words_of_its_own_sentence():
    compared = framing.compared_figures(TEXT, figures("120万元", "30场", "1000户")).set_index("id")
    assert compared.loc["f0", "year_on_year"] == "比上年" and compared.loc["f0", "change"] == "增长"
    assert (compared.loc["f1", list(framing.COMPARISON_WORDS)] == "").all()
    assert compared.loc["f2", "target"] == "目标"


def test_sections_start_at_their_headings_and_the_opening_is_the_overview():
    found = framing.sections(TEXT, THEMES)
    assert list(found["theme"]) == ["overview", "first", "second"]
    assert TEXT[found.loc[0, "start"] : found.loc[0, "end"]].strip() == "今年协会继续努力,推动\n\n工作落实。"


def test_a_missing_heading_fails_loudly():
    with pytest.raises(ValueError, match="section heading 2 服务更贴心 found 0 times"):
        framing.sections(TEXT.replace("2 服务更贴心", "服务"), THEMES)


def test_section_lengths_leave_out_whitespace_and_captions():
    lengths = framing.section_lengths(TEXT, THEMES, figures("120万元", "30场", "1000户")).set_index("theme")
    assert lengths.loc["overview", "characters"] == len("今年协会继续努力,推动工作落实。")
    assert lengths.loc["first", "captions"] == 1
    assert lengths.loc["first", "figures"] == 2 and lengths.loc["second", "figures"] == 1
    assert lengths["share"].sum() == pytest.approx(1)


def test_comparatives_and_the_sentences_that_repeat_them():
    assert framing.comparatives("工作更扎实 服务更贴心") == ["更扎实", "更贴心"]
    echoes = framing.sentences_with(TEXT, "更贴心", figures("1000户"))
    assert list(echoes["text"]) == ["2 服务更贴心", "服务更贴心,群众满意。"]
    assert list(framing.sentences_with(TEXT, "推动", figures("1000户"))["text"]) == ["今年协会继续努力,推动工作落实。"]
    assert list(echoes["figures"]) == [0, 0]


def test_body_sentences_without_figures_leave_out_headings_and_captions():
    bare = framing.sentences_without_figures(TEXT, figures("120万元", "30场", "1000户"), THEMES)
    assert list(bare["has_figure"]) == [False, True, True, False, True]


def test_the_article_compares_no_figure_with_an_earlier_year():
    """What the framing notebook states, pinned on the article itself."""
    compared = framing.compared_figures(data.load_article(), data.load_indicators())
    assert (compared[["year_on_year", "baseline"]] == "").all().all()
    assert set(compared.loc[compared["target"] != "", "id"].str.split("_").str[1]) == {"nutrition"}
