"""The HTML report: every page built, every image and link it references present, no error shown."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from fujian_fpa import catalog, report


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


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return report.build(tmp_path_factory.mktemp("site") / "report", progress=lambda _: None)


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_is_built(site):
    expected = {"index.html", "figures.html", "article-figures.html"}
    expected |= {f"notebooks/{p.stem}.html" for p in catalog.notebooks()}
    assert {p.relative_to(site).as_posix() for p in pages(site)} == expected


def test_every_image_and_link_resolves_inside_the_site(site):
    for page in pages(site):
        parser = References()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.refs:
            url = urlparse(ref)
            if url.scheme == "data":
                continue
            assert not url.scheme and not url.netloc, f"{page.name} needs the network for {ref}"
            if url.path:
                target = (page.parent / unquote(url.path)).resolve()
                assert target.is_file(), f"{page.relative_to(site)} references missing {ref}"
            elif url.fragment:
                assert unquote(url.fragment) in {unquote(i) for i in parser.ids}, f"{page.name}: no anchor {ref}"


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


def test_the_article_figures_page_lists_every_quote(site):
    from fujian_fpa import data

    html = (site / "article-figures.html").read_text(encoding="utf-8")
    for row in data.load_indicators().itertuples():
        assert row.id in html
