"""The HTML report: every page built, every image and link present, no error shown, every chart traced to its quotes."""

from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path
import re
from urllib.parse import unquote, urlparse

import pytest

from fujian_fpa import annotate, catalog, data, derived, findings, precision, provenance, report


class References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("src", "href"):
            if attrs.get(key):
                self.refs.append(attrs[key])
        if "id" in attrs:
            self.ids.add(attrs["id"])


def parsed(page: Path) -> References:
    parser = References()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def resolve(page: Path, ref: str) -> tuple[Path, str]:
    """The file a link points to and its fragment; a link that needs the network fails here."""
    url = urlparse(ref)
    assert not url.scheme and not url.netloc, f"{page.name} needs the network for {ref}"
    target = (page.parent / unquote(url.path)).resolve() if url.path else page
    return target, unquote(url.fragment)


def test_every_page_is_built(site):
    expected = {"index.html", "article.html", "figures.html", "article-figures.html", "data.html"}
    expected |= {f"notebooks/{p.stem}.html" for p in catalog.notebooks()}
    assert {p.relative_to(site).as_posix() for p in pages(site)} == expected


def test_every_image_and_link_resolves_inside_the_site(site):
    ids = {page.resolve(): {unquote(i) for i in parsed(page).ids} for page in pages(site)}
    for page in pages(site):
        for ref in parsed(page).refs:
            if ref.startswith("data:"):
                continue  # an image embedded in the page
            target, fragment = resolve(page, ref)
            assert target.is_file(), f"{page.relative_to(site)} references missing {ref}"
            if fragment and target.suffix == ".html":
                assert fragment in ids[target], f"{page.relative_to(site)}: no anchor for {ref}"


def test_no_page_shows_an_error_or_stderr(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        assert "output_error" not in html and "output_stderr" not in html, page.name
        assert "Traceback" not in html, page.name


def test_chinese_is_served_with_its_font(site):
    css = (site / "assets" / "style.css").read_text(encoding="utf-8")
    assert "@font-face" in css and (site / "assets" / report.CJK_FONT_FILE.name).is_file()
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in index and "福建省计生协会" in index


def test_each_notebook_page_has_a_table_of_contents(site):
    for path in catalog.notebooks():
        html = (site / "notebooks" / f"{path.stem}.html").read_text(encoding="utf-8")
        assert '<nav class="toc">' in html and html.count('<li class="h') >= 3


def test_every_data_row_has_an_anchor_and_its_quote(site):
    html = (site / "article-figures.html").read_text(encoding="utf-8")
    ids = parsed(site / "article-figures.html").ids
    for row in data.load_indicators().itertuples():
        assert row.id in ids and row.quote in html, row.id
    for row in data.load_events().itertuples():
        assert row.id in ids, row.id
    for start in data.load_exclusions()["start"]:
        assert f"ex{start}" in ids


def test_events_are_listed_by_date(site):
    html = (site / "article-figures.html").read_text(encoding="utf-8")
    section = html.split("events.csv")[1].split("exclusions.csv")[0]
    dates = re.findall(r"<td>(\d{4}-\d{2}-\d{2})</td>", section)
    assert len(dates) == len(data.load_events()) and dates == sorted(dates)


def test_thumbnails_link_to_their_notebook(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    for e in catalog.catalog():
        if e.writes:
            assert f'<a href="notebooks/{e.name}.html"><img src="figures/en/thumbs/{e.writes[0]}.png"' in html


def test_the_data_page_links_every_file_and_the_article(site):
    refs = set(parsed(site / "data.html").refs)
    wanted = {f"data/{name}" for name in report.DATA_FILES} | {"data/fujian_fpa_2021.xlsx", "article.html"}
    assert wanted <= refs and "data/datapackage.json" in refs
    assert any(r.endswith(".csv") and r.startswith("data/") for r in refs)


def _chart_blocks(html: str) -> dict[str, str]:
    """Each chart's block of number links on a page, by chart name."""
    return dict(re.findall(r'<p class="numbers" data-chart="([\w-]+)">(.*?)</p>', html, re.S))


CHART_PAGES = {"figures.html": [n for e in catalog.catalog() for n in e.writes]}
CHART_PAGES |= {f"notebooks/{e.name}.html": list(e.saves) for e in catalog.catalog()}


@pytest.mark.parametrize("page", CHART_PAGES)
def test_two_clicks_from_any_chart_to_the_quotes_it_plots(site, page):
    """Chart → its numbers (beside it) → each quote: every id the chart's CSV names, derived ones by operands."""
    html = (site / page).read_text(encoding="utf-8")
    notes = parsed(site / "article.html").ids
    blocks = _chart_blocks(html)
    assert sorted(blocks) == sorted(CHART_PAGES[page]), f"{page}: a chart without its numbers"
    up = "../" if "/" in page else ""
    for name, block in blocks.items():
        for rid in provenance.chart_ids(name):
            for source in provenance.sources(rid):
                assert f'href="{up}article.html#{source}"' in block, f"{page}: {name} has no link to {source}"
                assert source in notes, f"article.html has no note for {source}"


def test_chart_ids_prefer_the_ids_column(tmp_path):
    for lang in ("zh", "en"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "a.csv").write_text("id,ids,value\nx,p;q,1\ny,r,2\n", encoding="utf-8")
        (tmp_path / lang / "b.csv").write_text("id,value\nx,1\n", encoding="utf-8")
    assert provenance.chart_ids("a", tmp_path) == ("p", "q", "r")
    assert provenance.chart_ids("b", tmp_path) == ("x",)
    assert provenance.sources("ta_payout_ratio") == ("ta_accident_claims", "ta_accident_premiums")


def test_every_note_on_a_notebook_page_links_into_the_report(site):
    """The opening passage of a notebook page is re-rendered with links into the site, not to .ipynb files."""
    for path in catalog.notebooks():
        page = site / "notebooks" / f"{path.stem}.html"
        assert 'class="annotated"' in page.read_text(encoding="utf-8"), path.stem
        assert not [r for r in parsed(page).refs if r.endswith(".ipynb")]
    assert annotate.uses().notebook_passages  # every notebook's passage was read


def _text(html: str) -> str:
    """A page's text as a reader sees it: tags gone, entities read, spaces squashed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_derived_figures_show_their_precision_and_interval_not_the_raw_quotient(site):
    html = (site / "article-figures.html").read_text(encoding="utf-8")
    section = html.split("(derived.csv)")[1].split("(events.csv)")[0]
    rows = {m[1]: m[2] for m in re.finditer(r'<tr id="([\w-]+)">(.*?)</tr>', section)}
    for row in derived.compute().itertuples():
        cells = _text(rows[row.id])
        assert precision.shown(row.value, row.low, row.high) in cells, row.id
        assert precision.interval_text(row.low, row.high) in cells, row.id
        raw = format(row.value, ",.10g")
        assert raw not in cells or raw == precision.shown(row.value, row.low, row.high), f"{row.id}: {raw}"
    assert ">bound<" not in section  # a bound word read off the inputs contradicts the interval


def test_low_comes_before_high(site):
    html = (site / "article-figures.html").read_text(encoding="utf-8")
    head = re.search(r"<thead><tr>(.*?)</tr></thead>", html)[1]
    assert head.index("<th>low</th>") < head.index("<th>high</th>")


@pytest.mark.parametrize("entry", catalog.catalog(), ids=lambda e: e.name)
def test_each_finding_is_shown_once_on_its_page(site, entry):
    text = _text((site / "notebooks" / f"{entry.name}.html").read_text(encoding="utf-8"))
    for sentence in findings.of(entry.name):
        assert text.count(" ".join(sentence.split())) == 1, sentence


def test_tables_of_events_on_notebook_pages_are_in_date_order(site):
    checked = 0
    for page in sorted((site / "notebooks").glob("*.html")):
        for table in re.findall(r"<table.*?</table>", page.read_text(encoding="utf-8"), re.S):
            heads = [_text(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", table.split("</thead>")[0], re.S)]
            if "date" not in heads:
                continue
            dates = re.findall(r"<td>(\d{4}-\d{2}-\d{2})", table)
            assert dates == sorted(dates), page.name
            checked += 1
    assert checked, "no table of events was found"


def test_wide_tables_scroll_inside_their_box(site):
    css = (site / "assets" / "style.css").read_text(encoding="utf-8")
    rule = re.search(r"([^{}]*)\{[^}]*overflow-x:\s*auto", css)
    assert rule and ".output_area" in rule[1] and ".table-wrap" in rule[1]
    assert '<div class="table-wrap"><table>' in (site / "article-figures.html").read_text(encoding="utf-8")


def test_each_chart_image_is_described_by_its_title(site):
    html = (site / "figures.html").read_text(encoding="utf-8")
    names = [n for e in catalog.catalog() for n in e.writes]
    for name in names:
        for lang in ("en", "zh"):
            title = provenance.chart_title(name, lang)
            assert title, f"{name} ({lang}): no title read from its SVG"
            assert f'<img src="figures/{lang}/{name}.png" alt="{escape(title)}">' in html


def test_chinese_labels_use_chinese_punctuation(site):
    half_width = re.compile(r"[(),:;]")
    labels = [*data.load_indicators()["metric_zh"], *derived.compute()["metric_zh"]]
    glossary = data.load_glossary()
    labels += list(glossary.loc[~glossary["kind"].isin(["chart", "counted"]), "zh"])
    assert not [label for label in labels if half_width.search(label)]
    assert "工作综述：每个数字都经核对" in (site / "index.html").read_text(encoding="utf-8")
