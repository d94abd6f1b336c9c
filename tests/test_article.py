"""The annotated article: every numeral under a mark, every number the extractor reports marked for what it is."""

from dataclasses import replace
from html.parser import HTMLParser

import pandas as pd
import pytest

from fujian_fpa import annotate, data, style
from fujian_fpa.quantities import Mention


@pytest.fixture(autouse=True)
def fresh_marks():
    annotate.marks.cache_clear()
    yield
    annotate.marks.cache_clear()


def test_every_number_the_extractor_reports_is_one_mark():
    spans = {(m.start, m.end): m for m in annotate.marks()}
    for mention in data.mentions().itertuples():
        assert (mention.start, mention.end) in spans, f"{mention.text!r} at {mention.start} has no mark"
        assert spans[(mention.start, mention.end)].mention is not None


def test_every_numeral_of_the_article_is_under_a_mark():
    article = data.load_article()
    covered = bytearray(len(article))
    for m in annotate.marks():
        assert article[m.start : m.end] == m.text
        assert not any(covered[m.start : m.end]), f"marks overlap at {m.start}"
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    for run in annotate.NUMERAL.finditer(article):
        assert all(covered[run.start() : run.end()]), f"{run[0]!r} at {run.start()} is not marked"


def test_marks_say_what_each_number_is():
    marks = annotate.marks()
    figures = {r["id"] for m in marks if m.kind == "figure" for r in m.rows}
    events = {r["id"] for m in marks if m.kind == "event" for r in m.rows}
    assert figures == set(data.load_indicators()["id"])
    assert events == set(data.load_events()["id"])
    exclusions = data.load_exclusions()
    assert sum(m.kind == "excluded" for m in marks) == (exclusions["kind"] != "word").sum()
    assert sum(m.kind == "word" and bool(m.reason) for m in marks) == (exclusions["kind"] == "word").sum()
    assert all(m.reason for m in marks if m.kind == "excluded")
    assert not [m for m in marks if m.kind == "unaccounted"]
    # numerals inside words: 一年来 and 三孩 count nothing; 之一 and 一等奖 are each an honour
    article = data.load_article()
    for word, kind in (("一年来", "word"), ("三孩", "word"), ("一等奖", "figure"), ("之一", "figure")):
        at = article.index(word)
        assert any(m.kind == kind and m.start <= at < m.end for m in marks), word


def test_a_figure_is_marked_in_its_themes_colour():
    for m in annotate.marks():
        if m.kind == "figure":
            assert annotate.colour(m) == style.THEME_COLOURS[m.rows[0]["theme"]]


def test_the_count_line_is_computed():
    marks = list(annotate.marks())
    line = annotate.count_line(marks)
    assert f"{len(data.load_indicators())} figures" in line and f"{len(data.load_events())} event dates" in line
    exclusions = data.load_exclusions()
    assert f"{(exclusions['kind'] != 'word').sum()} excluded" in line and "accounted for" in line
    assert f"{sum(m.kind == 'word' for m in marks)} words" in line


def test_an_unaccounted_number_is_shown_and_counted(monkeypatch):
    table = data.accounting()
    table.loc[table["kind"] == "section", "accounted_by"] = None
    monkeypatch.setattr(annotate.data, "accounting", lambda: table)
    excluded = data.load_exclusions()
    not_sections = excluded[excluded["kind"] != "section"]
    monkeypatch.setattr(annotate.data, "load_exclusions", lambda: not_sections)
    marks = list(annotate.marks())
    lost = [m for m in marks if m.kind == "unaccounted"]
    assert len(lost) == (table["kind"] == "section").sum()
    assert f"{len(lost)} NOT accounted for" in annotate.count_line(marks)


def test_a_word_the_extractor_reports_is_marked_as_a_word(monkeypatch):
    """When the extractor reports numerals inside words (kind `word`), those spans become word marks."""
    table = data.accounting()
    article = data.load_article()
    at = article.index("三孩")
    row = table.iloc[0].copy()
    row[["start", "end", "text", "kind", "value", "value_max", "unit", "bound", "accounted_by"]] = [
        at, at + 2, "三孩", "word", None, None, "", "exact", None,
    ]  # fmt: skip
    table = pd.concat([table, row.to_frame().T], ignore_index=True).sort_values("start", ignore_index=True)
    monkeypatch.setattr(annotate.data, "accounting", lambda: table)
    mark = next(m for m in annotate.marks() if m.start == at)
    assert (mark.kind, mark.text) == ("word", "三孩")


def test_a_note_shows_value_unit_bound_metric_and_interval():
    mark = next(m for m in annotate.marks() if m.rows and m.rows[0].get("id") == "sf_care_insurance_members")
    html = annotate.note(mark, annotate.report_links(), annotate.uses())
    for text in ("10,000", "名", "at_least".replace("at_least", "下限"), "参保失独家庭成员", "insured members"):
        assert text in html, text
    assert 'href="article-figures.html#sf_care_insurance_members"' in html
    assert "notebooks/01-special-families.html" in html
    with_interval = replace(mark, rows=({**mark.rows[0], "low": 10000.0, "high": 19999.0},))
    assert "[10,000, 19,999]" in annotate.note(with_interval, annotate.report_links(), annotate.uses())
    ranged = next(m for m in annotate.marks() if m.mention and m.mention.value_max is not None)
    assert " – " in annotate.note(ranged, annotate.report_links(), annotate.uses())


def test_each_mark_lists_the_charts_that_plot_it():
    mark = next(m for m in annotate.marks() if m.rows and m.rows[0].get("id") == "ta_housing_funds")
    charts, notebooks = annotate.mark_uses(mark, annotate.uses())
    assert "02_per_beneficiary" in charts  # through the derived ta_housing_per_household
    assert "02-targeted-assistance" in notebooks


class Notes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.marks = 0
        self.notes = 0
        self.inputs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.marks += tag == "details" and "mark" in attrs.get("class", "")
        self.notes += tag == "div" and attrs.get("class") == "note"
        if tag == "input":
            self.inputs.append(attrs["id"])


def test_the_article_page_has_every_mark_a_note_and_the_filters(site):
    html = (site / "article.html").read_text(encoding="utf-8")
    parser = Notes()
    parser.feed(html)
    assert parser.marks == parser.notes == len(annotate.marks())
    assert "<script" not in html and "http" not in html.split("<main>")[1]
    themes = {f"f-t-{t}" for t in {m.theme for m in annotate.marks()}}
    kinds = {f"f-k-{k}" for k in {m.kind for m in annotate.marks()}}
    assert set(parser.inputs) == themes | kinds
    for key in themes | kinds:
        assert f"#{key}:not(:checked) ~ .article" in html
    assert annotate.count_line(list(annotate.marks())) in html


def test_show_article_renders_a_themes_passage():
    html = annotate.show_article(theme="services").data
    article = data.load_article()
    assert "为民服务更暖心" in html and "线上培训儿童保健家庭指导员" in html
    assert "精准帮扶更有力" not in html.split('<div class="article"')[1]
    assert article[article.index("3 为民服务更暖心") - 50 :].count("▲") == html.count("▲")
    events_only = annotate.show_article(kind="event").data
    assert events_only.count('class="mark k-event') == len(data.load_events())
    with pytest.raises(ValueError, match="theme"):
        annotate.show_article(theme="nonsense")


def test_show_article_is_reachable_from_the_package():
    import fujian_fpa

    assert fujian_fpa.show_article is annotate.show_article
    assert len(fujian_fpa.data.load_indicators()) > 0


def test_each_notebook_opens_with_its_passage():
    from fujian_fpa import catalog

    themes = set(data.load_themes()["id"])
    shown = {}
    for path in catalog.notebooks():
        first_code = catalog.source(catalog.cells(path, "code")[0])
        assert "show_article(" in first_code, f"{path.stem}: the first code cell does not show the article"
        shown[path.stem] = annotate.notebook_passage(path)
    assert {a["theme"] for a in shown.values() if "theme" in a} == themes


def test_a_mention_built_from_the_table_equals_the_extractors():
    """The marks rebuild each Mention from data.accounting(); it must be the extractor's own."""
    from fujian_fpa.quantities import extract

    found = {(m.start, m.end): m for m in extract(data.load_article())}
    for mark in annotate.marks():
        if mark.mention is not None:
            assert isinstance(mark.mention, Mention)
            assert mark.mention == found[(mark.start, mark.end)]


def test_the_readmes_python_example_runs_as_written():
    """The README's `import fujian_fpa` block, run in a fresh interpreter as a reader would paste it."""
    import re
    import subprocess
    import sys

    from fujian_fpa import paths

    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "import fujian_fpa" in b]
    assert blocks, "the README shows no `import fujian_fpa` example"
    for block in blocks:
        done = subprocess.run([sys.executable, "-c", block], cwd=paths.ROOT.parent, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]


def test_the_count_line_says_one_figure_not_one_figures():
    one = [replace(m, kind=k) for m, k in zip(annotate.marks(), ("figure", "event", "excluded", "word"), strict=False)]
    line = annotate.count_line(one)
    assert "1 figure 指标" in line and "1 event date " in line and "1 excluded number " in line
    assert "1 word with a numeral" in line
    assert "2 figures" in annotate.count_line(one[:1] * 2)


def test_each_kind_of_mark_looks_different_in_the_legend():
    """Excluded numbers and words with a numeral were both the same grey swatch."""
    shown = list(annotate.marks())
    legend = annotate.legend(shown, filters=False)
    swatches = {
        key: legend.split(f"{' / '.join(annotate.KINDS[key])}")[0].rsplit('<span class="swatch" style="', 1)[1]
        for key in annotate.KINDS
        if any(m.kind == key for m in shown)
    }
    assert {"excluded", "word"} <= set(swatches)
    assert len(set(swatches.values())) == len(swatches), swatches
    assert annotate.colour(next(m for m in shown if m.kind == "excluded")) != annotate.colour(
        next(m for m in shown if m.kind == "word")
    )


def test_the_sources_box_is_explained_where_it_shows():
    """The source prints □本报记者; the page says the □ is the source's, not a missing glyph."""
    article = data.load_article()
    assert annotate.SOURCE_BOX in article
    html = annotate.annotated()
    assert html.count('class="source-box"') == article.count(annotate.SOURCE_BOX)
    assert 'class="source-note"' in html
    box = article.index(annotate.SOURCE_BOX)
    assert annotate.source_box_note(article, [(box, box + 1)]) and not annotate.source_box_note(
        article, [(box + 1, box + 200)]
    )
