"""The report renders everywhere: read statically from each page's HTML and the CSS rules that apply to it.

A browser on a machine with no CJK font shows boxes for any Chinese character whose font stack does
not start with the font the site ships; the user agent's own style sheet gives `pre` and `code`
their monospace font, which is how code and output blocks lost the font before. This module works
out each text's font stack as the cascade does (matching rules by specificity and order, inline
styles, the user agent's defaults, inheritance) and fails on any Chinese text set otherwise.
"""

from functools import cache
from pathlib import Path
import re
from urllib.parse import urlparse

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
import soupsieve
import tinycss2

from fujian_fpa import report

CJK = re.compile(r"[\u2e80-\u2fdf\u2ff0-\u30ff\u3100-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                 r"\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef]")  # fmt: skip
# What the user agent's style sheet sets on elements, before any author rule.
UA_FAMILY = {"pre": "monospace", "code": "monospace", "kbd": "monospace", "samp": "monospace", "tt": "monospace",
             "textarea": "monospace", "input": "system-ui", "button": "system-ui", "select": "system-ui"}  # fmt: skip
UA_SIZE = {"h1": "2em", "h2": "1.5em", "h3": "1.17em", "h5": ".83em", "h6": ".67em", "small": ".83em",
           "sub": ".83em", "sup": ".83em"}  # fmt: skip
DYNAMIC = re.compile(r":(?:hover|focus|focus-visible|focus-within|active|target|visited|link)\b")
NOT_TEXT = {"script", "style", "head", "title"}


def _selectors(prelude) -> list[str]:
    return [s.strip() for s in tinycss2.serialize(prelude).split(",") if s.strip()]


def specificity(selector: str) -> tuple[int, int, int]:
    bare = re.sub(r"\[[^\]]*\]", "[]", selector)
    ids = len(re.findall(r"#[\w-]+", bare))
    classes = len(re.findall(r"\.[\w-]+|\[\]|:(?!:)(?!not\b|is\b|has\b|where\b)[\w-]+", bare))
    types = len(re.findall(r"(?:^|[\s>+~(])([a-zA-Z][\w-]*)", bare))
    return ids, classes, types


class Styles:
    """The author style sheets of a page, for the properties that decide how text is set."""

    PROPS = ("font-family", "font-size", "font")

    def __init__(self, sheets: list[str]):
        self.rules = []  # (compiled selector, priority, declarations)
        self.faces = []
        for text in sheets:
            for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
                if rule.type == "at-rule" and rule.lower_at_keyword == "font-face":
                    self.faces.append(self._declarations(rule.content))
                elif rule.type == "qualified-rule":
                    self._add(rule)
        self._cache: dict[tuple[int, str], str | None] = {}

    @staticmethod
    def _declarations(content) -> dict[str, str]:
        found = tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True)
        return {d.lower_name: tinycss2.serialize(d.value).strip() for d in found if d.type == "declaration"}

    def _add(self, rule) -> None:
        declared = {k: v for k, v in self._declarations(rule.content).items() if k in self.PROPS}
        assert "font" not in declared, f"the `font` shorthand is not supported by this check: {declared}"
        if not declared:
            return
        for selector in _selectors(rule.prelude):
            if "::" in selector:
                continue  # generated content, not the page's text
            matching = DYNAMIC.sub("", selector) or "*"  # a state the page may be in counts as matching
            self.rules.append((soupsieve.compile(matching), (specificity(selector), len(self.rules)), declared))

    def declared(self, el: Tag, prop: str) -> str | None:
        inline = self._declarations(el.get("style", "")) if el.get("style") else {}
        if prop in inline:
            return inline[prop]
        best = None
        for selector, priority, declared in self.rules:
            if prop in declared and (best is None or priority > best[0]) and selector.match(el):
                best = (priority, declared[prop])
        return best[1] if best else None

    def family(self, el: Tag) -> str:
        key = (id(el), "font-family")
        if key not in self._cache:
            value = self.declared(el, "font-family") or UA_FAMILY.get(el.name)
            if value is None or value == "inherit":
                parent = el.parent
                value = self.family(parent) if isinstance(parent, Tag) and parent.name != "[document]" else "serif"
            self._cache[key] = value
        return self._cache[key]

    def size(self, el: Tag) -> float:
        """The computed font size in px."""
        key = (id(el), "font-size")
        if key not in self._cache:
            parent = el.parent if isinstance(el.parent, Tag) and el.parent.name != "[document]" else None
            inherited = self.size(parent) if parent else 16.0
            value = self.declared(el, "font-size") or UA_SIZE.get(el.name)
            self._cache[key] = _length(value, inherited) if value else inherited
        return self._cache[key]

    def bundled(self, css_dir: Path) -> tuple[str, list[tuple[int, int]]]:
        """The family name of the shipped CJK font and the code points it serves."""
        for face in self.faces:
            src = re.search(r'url\("?([^")]+)"?\)', face.get("src", ""))
            if src and (css_dir / src[1]).is_file() and src[1].endswith(report.CJK_FONT_FILE.name):
                ranges = [
                    (int(a, 16), int(b or a, 16))
                    for a, b in re.findall(r"U\+([0-9A-Fa-f]+)(?:-([0-9A-Fa-f]+))?", face.get("unicode-range", ""))
                ] or [(0, 0x10FFFF)]
                return face["font-family"].strip("\"'"), ranges
        raise AssertionError("no @font-face serves the bundled CJK font from a file of the site")


def _length(value: str, inherited: float) -> float:
    number = re.match(r"([\d.]+)(px|em|rem|%)?$", value.strip())
    if not number:
        return inherited  # keywords such as `smaller` are not used by the site
    amount, unit = float(number[1]), number[2] or "px"
    return {"px": amount, "em": amount * inherited, "rem": amount * 16, "%": amount * inherited / 100}[unit]


def first_family(stack: str) -> str:
    return stack.split(",")[0].strip().strip("\"'")


@cache
def page_styles(page: Path, soup: BeautifulSoup) -> tuple[Styles, Path]:
    sheets, css_dir = [], page.parent
    for link in soup.find_all("link", rel="stylesheet"):
        css = (page.parent / link["href"]).resolve()
        sheets.append(css.read_text(encoding="utf-8"))
        css_dir = css.parent
    sheets += [s.get_text() for s in soup.find_all("style")]
    return Styles(sheets), css_dir


def texts(soup: BeautifulSoup):
    """Every piece of text the page shows, with its element."""
    for node in soup.find_all(string=True):
        if isinstance(node, Comment) or not isinstance(node, NavigableString):
            continue
        if node.parent is None or any(p.name in NOT_TEXT for p in [node.parent, *node.parents] if p.name):
            continue
        if node.strip():
            yield node, node.parent


def cjk_problems(page: Path, checked: list | None = None) -> list[str]:
    soup = soup_of(page)
    styles, css_dir = page_styles(page, soup)
    family, ranges = styles.bundled(css_dir)
    problems = []
    for text, el in texts(soup):
        chars = CJK.findall(text)
        if not chars:
            continue
        stack = styles.family(el)
        if checked is not None:
            checked.append(text)
        if first_family(stack) != family:
            problems.append(f"{page.name}: <{el.name} class={el.get('class')}> {text.strip()[:30]!r} is set in {stack}")
        for c in set(chars):
            if not any(a <= ord(c) <= b for a, b in ranges):
                problems.append(f"{page.name}: {c!r} (U+{ord(c):04X}) is outside the bundled font's unicode-range")
    return problems


def site_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@cache
def soup_of(page: Path) -> BeautifulSoup:
    """A page parsed once for all the checks (the pages do not change during a run)."""
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def test_every_chinese_character_is_set_in_the_bundled_font_first(site):
    checked: list[str] = []
    problems = [p for page in site_pages(site) for p in cjk_problems(page, checked)]
    assert not problems, "\n".join(problems[:20])
    assert len(checked) > 1000  # the pages' Chinese was found and checked: prose, marks, notes, code and output


def test_the_check_catches_code_that_falls_back_to_monospace(tmp_path):
    """The bug this module guards against: the font on `body` only, so `pre` takes the UA's monospace."""
    (tmp_path / "font.otf").write_bytes(b"")
    (tmp_path / report.CJK_FONT_FILE.name).write_bytes(b"x")
    (tmp_path / "s.css").write_text(
        f'@font-face {{ font-family: "B"; src: url("{report.CJK_FONT_FILE.name}"); }} body {{ font-family: "B"; }}',
        encoding="utf-8",
    )
    page = tmp_path / "p.html"
    page.write_text('<link rel="stylesheet" href="s.css"><body><p>中文</p><pre>输出 ok</pre></body>', encoding="utf-8")
    problems = cjk_problems(page)
    assert len(problems) == 1 and "<pre" in problems[0] and "monospace" in problems[0]
    fixed = tmp_path / "fixed.html"
    fixed.write_text('<link rel="stylesheet" href="s.css"><pre style="font-family: B, monospace">输出</pre>')
    assert cjk_problems(fixed) == []


def test_code_is_at_least_12px(site):
    for page in site_pages(site):
        soup = soup_of(page)
        styles, _ = page_styles(page, soup)
        for el in soup.find_all(["pre", "code"]):
            assert styles.size(el) >= 12, f"{page.name}: <{el.name}> is {styles.size(el):.1f} px"


def _outside_code(el: Tag) -> bool:
    """Source code may hold a backslash escape; text shown as prose, data or output may not."""
    return not any("highlight" in (p.get("class") or []) for p in [el, *el.parents] if isinstance(p, Tag))


def test_no_literal_backslash_n_in_text(site):
    for page in site_pages(site):
        for text, el in texts(soup_of(page)):
            assert "\\n" not in text or not _outside_code(el), f"{page.name}: literal \\n in {text.strip()[:60]!r}"


def test_no_table_cell_is_cut_or_shows_a_missing_value_as_a_word(site):
    for page in site_pages(site):
        for cell in soup_of(page).find_all(["td", "th"]):
            text = cell.get_text().strip()
            assert not text.endswith(("...", "…")), f"{page.name}: a cut cell {text[-40:]!r}"
            assert text not in {"NaN", "nan", "None", "<NA>", "NaT"}, f"{page.name}: {text} for a missing value"
            assert text or cell.name == "th", f"{page.name}: an empty cell for a missing value"


def _remote(url: str) -> bool:
    return bool(urlparse(url).scheme and not url.startswith("data:")) or url.startswith("//")


def remote_refs(page: Path) -> list[str]:
    """Every URL of a page, or of a style sheet it loads, that a browser would fetch from the network."""
    soup = soup_of(page)
    css = [s.get_text() for s in soup.find_all("style")]
    css += [(page.parent / link["href"]).read_text(encoding="utf-8") for link in soup.find_all("link", href=True)
            if not _remote(link["href"])]  # fmt: skip
    found = [u for text in css for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) if _remote(u)]
    found += [f"@import in a style sheet of {page.name}" for text in css if "@import" in text]
    for el in soup.find_all(True):
        for key in ("href", "src", "srcset", "action", "data", "poster"):
            if el.get(key) and _remote(el[key]):
                found.append(el[key])
    return found


def test_nothing_needs_the_network(site):
    for page in site_pages(site):
        assert not remote_refs(page), f"{page.name}: {remote_refs(page)}"


def test_the_network_check_finds_remote_urls(tmp_path):
    (tmp_path / "s.css").write_text('@font-face { src: url("https://fonts.example.org/f.woff"); }', encoding="utf-8")
    page = tmp_path / "p.html"
    page.write_text(
        '<link rel="stylesheet" href="s.css"><img src="//cdn.example.org/x.png"><a href="http://example.org">x</a>'
        '<img src="data:image/png;base64,AAAA"><a href="other.html#x">local</a>',
        encoding="utf-8",
    )
    assert sorted(remote_refs(page)) == [
        "//cdn.example.org/x.png",
        "http://example.org",
        "https://fonts.example.org/f.woff",
    ]


def _ranges(text: str) -> list[tuple[int, int]]:
    return [(int(a, 16), int(b or a, 16)) for a, b in re.findall(r"U\+([0-9A-Fa-f]+)(?:-([0-9A-Fa-f]+))?", text)]


def test_the_bundled_font_serves_the_punctuation_of_the_articles_chinese():
    """“”, —, ·, … and the source's □ are set in the bundled font, not in whatever font comes next."""
    from fontTools.ttLib import TTFont

    from fujian_fpa import data, webfont

    ranges = _ranges(webfont.RANGES)
    article = data.load_article()
    outside = sorted({c for c in article if ord(c) > 0x7F and not any(a <= ord(c) <= b for a, b in ranges)})
    assert not outside, f"characters of the article outside the font's unicode-range: {outside}"
    cmap = TTFont(report.CJK_FONT_FILE, fontNumber=0).getBestCmap()
    named = [(a, b) for a, b in ranges if b < 0x2E80 and b - a < 16]  # code points named one by one, no CJK block
    assert len(named) >= 5, "the range names the shared punctuation"
    missing = [f"U+{c:04X}" for a, b in named for c in range(a, b + 1) if c not in cmap]
    assert not missing, f"the unicode-range names code points the font lacks: {missing}"
