"""A static HTML site of the notebooks for reviewers: build/report/, readable offline with nothing installed.

Pages: an index (each notebook's question and headline figure), the annotated article (every
numeral marked, each mark opening its note), one page per notebook, a page of all figures, a
page of every data row with its quote, and a page of the data files. Each chart links to the
quotes of the numbers it plots. The CJK font ships with the site and is named first wherever
text is set, in prose, code and output alike, so Chinese renders on a machine with no CJK font.
"""

from html import escape
from pathlib import Path
import re
import shutil
import tempfile

from nbconvert import HTMLExporter
import nbformat
import pandas as pd
from pygments.formatters import HtmlFormatter

from . import annotate, atomic, paths, provenance, webfont
from .catalog import Entry, catalog, source
from .data import load_events, load_exclusions, load_indicators
from .derived import compute
from .figures import LANGUAGES
from .precision import interval_text, shown
from .style import CJK_FONT_FILE

REPORT = paths.ROOT / "build" / "report"
_HEADING = re.compile(r'<h([1-3]) id="([^"]+)">(.*?)<a class="anchor-link"', re.S)
_TAG = re.compile(r"<[^>]+>")
# A table cell pandas fills for a missing value.
_MISSING_CELL = re.compile(r"<(td|th)>(?:NaN|None|NaT|&lt;NA&gt;|nan)</(?:td|th)>|<(td)></td>")
MISSING = "–"
DATA_FILES = (
    "indicators.csv",
    "derived.csv",
    "events.csv",
    "exclusions.csv",
    "glossary.csv",
    "units.csv",
    "themes.csv",
    "datapackage.json",
    "README.md",
)

CSS = """
html, body, input, button, select, textarea, summary {
  font-family: "FAMILY", "Noto Sans", "DejaVu Sans", sans-serif; }
pre, code, kbd, samp, tt { font-family: "FAMILY", "DejaVu Sans Mono", monospace; font-size: 13px; }
body { margin: 0; color: #222; line-height: 1.55; font-size: 16px; }
header { background: #f3f3f3; padding: .6em 1.5em; border-bottom: 1px solid #ddd; }
header a { margin-right: 1.2em; }
main { max-width: 1180px; margin: 0 auto; padding: 1em 1.5em 3em; }
.layout { display: flex; gap: 2em; align-items: flex-start; }
nav.toc { position: sticky; top: 1em; min-width: 13em; max-width: 15em; font-size: .9em; }
nav.toc ul { list-style: none; padding-left: 0; } nav.toc li.h3 { padding-left: 1em; }
.notebook { flex: 1; min-width: 0; }
.input_area, pre { background: #f7f7f7; border: 1px solid #e3e3e3; border-radius: 3px; padding: .4em .6em;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.input_area pre { border: none; padding: 0; margin: 0; }
.output_area img { max-width: 100%; }
/* A wide table scrolls inside its own box instead of running off the page. */
.output_area, .output_subarea, .table-wrap { overflow-x: auto; max-width: 100%; }
td.quote { min-width: 15em; }
.prompt { display: none; }
table { border-collapse: collapse; font-size: 14px; margin: .8em 0; }
th, td { border: 1px solid #ddd; padding: .25em .5em; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(430px, 1fr)); gap: 1.2em; }
.card { border: 1px solid #ddd; border-radius: 4px; padding: .8em; }
.card img, .figure img { max-width: 100%; }
.figure { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; margin-bottom: .5em; }
.quote { white-space: pre-wrap; }  /* a quote keeps the article's line breaks */
.numbers { font-size: 14px; background: #f6f6fa; border-left: 4px solid #99a; padding: .3em .7em;
  margin: .3em 0 1.5em; }
.numbers a { white-space: nowrap; }
tr:target { background: #fff3bf; }
.anchor-link { visibility: hidden; margin-left: .3em; text-decoration: none; }
h1:hover .anchor-link, h2:hover .anchor-link, h3:hover .anchor-link { visibility: visible; }
"""


def stylesheet() -> str:
    css = CSS.replace("FAMILY", webfont.FAMILY)
    return webfont.font_face(CJK_FONT_FILE.name) + css + HtmlFormatter().get_style_defs(".highlight")


NAV = (
    ("index.html", "Index 目录"),
    ("article.html", "The article, annotated 原文标注"),
    ("figures.html", "All figures 全部图表"),
    ("article-figures.html", "Data rows and quotes 数据与原文"),
    ("data.html", "Data files 数据文件"),
)


def _page(title: str, body: str, depth: int = 0) -> str:
    up = "../" * depth
    nav = "".join(f'<a href="{up}{href}">{text}</a>' for href, text in NAV)
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hans">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
        f'<link rel="stylesheet" href="{up}assets/style.css">\n</head>\n<body>\n'
        f"<header>{nav}</header>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _toc(html: str) -> str:
    items = [
        f'<li class="h{level}"><a href="#{anchor}">{escape(_TAG.sub("", text).strip())}</a></li>'
        for level, anchor, text in _HEADING.findall(html)
    ]
    return '<nav class="toc"><strong>Contents 目录</strong><ul>' + "".join(items) + "</ul></nav>"


# ---------------------------------------------------------------- chart → numbers → quotes


def numbers(name: str, up: str = "") -> str:
    """The numbers a chart plots, each linked to its quote in the annotated article.

    A derived figure links to its row (formula and value) and to the quotes of both its operands.
    """
    ids = provenance.chart_ids(name)
    if not ids:
        return (
            f'<p class="numbers" data-chart="{name}">Numbers plotted 所绘数字: its CSV names no data rows '
            f"(no <code>ids</code> or <code>id</code> column); see "
            f'<a href="{up}figures/en/{name}.csv">the CSV</a>.</p>'
        )
    items = []
    for rid in ids:
        operands = provenance.operands().get(rid)
        if operands:
            a, b = (f'<a href="{up}article.html#{o}">{escape(o)}</a>' for o in operands)
            items.append(f'<a href="{up}article-figures.html#{rid}">{escape(rid)}</a> (from {a}, {b})')
        else:
            items.append(f'<a href="{up}article.html#{rid}">{escape(rid)}</a>')
    head = f'<p class="numbers" data-chart="{name}">Numbers plotted, to their quotes 所绘数字及原文: '
    return head + " · ".join(items) + "</p>"


# ---------------------------------------------------------------- notebook pages


FINDINGS_SHOWN_BELOW = (
    '<p class="findings-note">The sentences this cell computes are stated just below '
    "(tests/test_findings.py checks that the two agree).</p>"
)


def _with_chart_links(nb, up: str):
    """The notebook with each chart's numbers after the cell that draws it, and the article in report links.

    The findings cell's output is the same text as the Findings section under it (the tests hold them
    equal), so the page shows the section alone."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        code = source(cell)
        if "findings.of(" in code:
            cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": FINDINGS_SHOWN_BELOW})]
        passage = annotate.notebook_passage_of(code)
        if passage is not None:  # the opening passage, its links pointing into the report
            html = annotate.annotated(**passage, links=annotate.report_links(up))
            cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
        for name in re.findall(r'figures\.bilingual\(\s*"([\w-]+)"', code):
            cell.outputs.append(nbformat.v4.new_output("display_data", data={"text/html": numbers(name, up)}))
    return nb


def notebook_page(entry: Entry, exporter: HTMLExporter) -> str:
    nb = _with_chart_links(nbformat.read(entry.path, as_version=4), up="../")
    body, _ = exporter.from_notebook_node(nb)
    body = _MISSING_CELL.sub(lambda m: f"<{m[1] or m[2]}>{MISSING}</{m[1] or m[2]}>", body)
    layout = f'<div class="layout">{_toc(body)}<div class="notebook">{body}</div></div>'
    return _page(entry.title, layout, depth=1)


# ---------------------------------------------------------------- site pages


def index_page(entries: list[Entry]) -> str:
    cards = []
    for e in entries:
        link = f"notebooks/{e.name}.html"
        # The headline figure's thumbnail, drawn to read at card size (figures/<lang>/thumbs/).
        image = (
            f'<a href="{link}"><img src="figures/en/thumbs/{e.writes[0]}.png" alt="{escape(e.writes[0])}"></a>'
            if e.writes
            else ""
        )
        cards.append(
            f'<div class="card"><h2><a href="{link}">{escape(e.title)}</a></h2><p>{escape(e.question)}</p>{image}</div>'
        )
    intro = (
        "<h1>福建省计生协会 2021 年工作综述：每个数字都经核对</h1>"
        "<p>The Fujian Family Planning Association's 2021 work summary: every figure of the article as checked "
        "data, analysed theme by theme. Each notebook below states its question; the image is its headline figure. "
        'Start with <a href="article.html">the article, annotated</a>: every numeral marked by what it is.</p>'
    )
    return _page("Fujian FPA 2021", intro + '<div class="cards">' + "".join(cards) + "</div>")


def figures_page(entries: list[Entry]) -> str:
    parts = ["<h1>All figures 全部图表</h1><p>Under each chart, the numbers it plots link to their quotes.</p>"]
    for e in entries:
        for name in e.writes:
            links = " · ".join(
                f'<a href="figures/{lang}/{name}.{ext}">{lang} {ext.upper()}</a>'
                for lang in LANGUAGES
                for ext in ("svg", "csv")
            )
            images = "".join(
                f'<a href="figures/{lang}/{name}.png"><img src="figures/{lang}/{name}.png" '
                f'alt="{escape(provenance.chart_title(name, lang) or f"{name} ({lang}), {e.title}")}"></a>'
                for lang in LANGUAGES
            )
            parts.append(
                f'<h2 id="{name}">{name}</h2><p>From <a href="notebooks/{e.name}.html">{escape(e.title)}</a>. '
                f'{links}</p><div class="figure">{images}</div>{numbers(name)}'
            )
    return _page("All figures", "\n".join(parts))


def article_page() -> str:
    intro = (
        "<h1>The article, annotated 原文标注</h1>"
        "<p>The full text as the source prints it. Every numeral is marked by what it is: a figure of a "
        "theme (in the theme's colour), an event date, an excluded number, or a word that contains a numeral. "
        "Click a mark for its note: value in base units, unit, bound, metric, its data row, and every chart "
        "and notebook that uses it. Untick a box to let its marks fade.</p>"
    )
    return _page("The article, annotated", intro + annotate.annotated(links=annotate.report_links(), filters=True))


def html_table(frame: pd.DataFrame, ids: list[str] | None = None, quote: str | None = None) -> str:
    """A table with nothing cut: every cell in full, missing cells as "–", rows anchored by `ids`."""
    head = "".join(f"<th>{escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for i, values in enumerate(frame.itertuples(index=False)):
        cells = []
        for column, value in zip(frame.columns, values, strict=True):
            missing = value is None or value == "" or (not isinstance(value, str) and pd.isna(value))
            text = MISSING if missing else str(value)
            css = ' class="quote"' if column == quote else ""
            cells.append(f"<td{css}>{escape(text) if text != MISSING else text}</td>")
        anchor = f' id="{escape(ids[i])}"' if ids else ""
        rows.append(f"<tr{anchor}>{''.join(cells)}</tr>")
    return f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _quote_link(rid: str, text: str = "in the article 原文") -> str:
    return f'<a href="article.html#{escape(rid)}">{text}</a>'


def article_figures_page() -> str:
    indicators = load_indicators()
    table = pd.DataFrame(
        {
            "id": indicators["id"],
            "theme": indicators["theme"],
            "metric 指标": indicators["metric_zh"] + " / " + indicators["metric_en"],
            "value 数值": indicators["value"].map(_number),
            "unit 单位": indicators["unit"],
            "bound": indicators["bound"],
            "quote 原文": indicators["quote"],
        }
    )
    # The interval, where the data give one (a range's upper end, value_max, is its `high`).
    for at, column in enumerate(("low", "high"), 4):
        if column in indicators:
            table.insert(at, column, indicators[column].map(_number))
    derived = compute(indicators)
    # A derived figure to the precision its interval supports, and the interval itself; never the
    # raw quotient, whose digits the article's rounding does not give.
    derived_table = pd.DataFrame(
        {
            "id": derived["id"],
            "metric 指标": derived["metric_zh"] + " / " + derived["metric_en"],
            "formula": derived["formula"],
            "numbers": derived["numbers"],
            "value 数值": [shown(r.value, r.low, r.high) for r in derived.itertuples()],
            "interval 区间": [interval_text(r.low, r.high) for r in derived.itertuples()],
            "unit 单位": derived["unit_en"],
        }
    )
    events = load_events().sort_values(["date", "start"])
    events = events[["id", "date", "place", "city", "description_en", "quote"]]
    events = events.assign(date=events["date"].dt.strftime("%Y-%m-%d"))
    excluded = load_exclusions().sort_values("start")
    operand_links = "".join(
        f"<li>{escape(rid)}: {_quote_link(a, a)} {escape(op)} {_quote_link(b, b)}</li>"
        for rid, op in zip(derived["id"], derived["formula"].str.split().str[1], strict=True)
        for a, b in [provenance.operands()[rid]]
    )
    body = (
        "<h1>Data rows and their quotes 数据与原文</h1><p>Values in base units (元, not 万元). "
        "Each quote stands verbatim in the article; line breaks inside a quote are the article's own. "
        'Each number is marked in <a href="article.html">the annotated article</a>.</p>'
        "<h2>Figures of the article 文中指标 (indicators.csv)</h2>"
        + html_table(table, list(indicators["id"]), quote="quote 原文")
        + "<h2>Derived figures 派生指标 (derived.csv)</h2><p>Each computed from two figures of the article; "
        "their quotes:</p><ul>"
        + operand_links
        + "</ul>"
        + html_table(derived_table, list(derived["id"]))
        + "<h2>Dated events in the photo captions 图片说明中的活动 (events.csv), by date</h2>"
        + html_table(events, list(events["id"]), quote="quote")
        + "<h2>Numbers that are not figures 排除的数字 (exclusions.csv)</h2>"
        + html_table(excluded, [f"ex{s}" for s in excluded["start"]])
    )
    return _page("Data rows and quotes", body)


def data_page(entries: list[Entry]) -> str:
    described = {
        "indicators.csv": "every figure of the article, value in base units, with quote and offset",
        "derived.csv": "figures computed from figures: formula and operands",
        "events.csv": "dated events of the photo captions",
        "exclusions.csv": "numbers of the article that are not figures, with the reason",
        "glossary.csv": "Chinese and English labels",
        "units.csv": "units and what they count",
        "themes.csv": "the article's sections",
        "datapackage.json": "the schema of every file (Frictionless data package)",
        "README.md": "source, checksum and terms of use",
    }
    items = "".join(f'<li><a href="data/{f}">{f}</a>: {described[f]}</li>' for f in DATA_FILES)
    charts = "".join(
        f'<li>{name}: <a href="figures/zh/{name}.csv">zh</a> · <a href="figures/en/{name}.csv">en</a></li>'
        for e in entries
        for name in e.writes
    )
    body = (
        "<h1>Data files 数据文件</h1>"
        '<p>The article, annotated: <a href="article.html">article.html</a>; as printed: '
        f'<a href="data/raw/{paths.ARTICLE.name}">{paths.ARTICLE.name}</a> (UTF-8).</p>'
        f'<p>The workbook: <a href="data/{paths.WORKBOOK.name}">{paths.WORKBOOK.name}</a> '
        "(figures, events and glossary, Chinese and English headers).</p>"
        f"<h2>Data (UTF-8 CSV)</h2><ul>{items}</ul>"
        "<h2>What each chart plots</h2><p>Each CSV names, in its <code>ids</code> (or <code>id</code>) column, "
        f"the data rows behind each plotted row.</p><ul>{charts}</ul>"
    )
    return _page("Data files", body)


def _number(value: float) -> str:
    return MISSING if pd.isna(value) else format(value, ",.10g")


# ---------------------------------------------------------------- writing the site


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy_files(staging: Path) -> None:
    """The font, the style sheet, the figures and the data files the pages link to."""
    assets = staging / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CJK_FONT_FILE, assets / CJK_FONT_FILE.name)
    _write(assets / "style.css", stylesheet())
    shutil.copytree(paths.COMMITTED_FIGURES, staging / "figures")
    for name in (*DATA_FILES, paths.WORKBOOK.name):
        _write_bytes(staging / "data" / name, (paths.DATA / name).read_bytes())
    _write_bytes(staging / "data" / "raw" / paths.ARTICLE.name, paths.ARTICLE.read_bytes())


def _write_bytes(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def pages(entries: list[Entry], progress=print):
    """Every page of the site: (path inside the site, HTML)."""
    exporter = HTMLExporter(template_name="basic", exclude_input_prompt=True, exclude_output_prompt=True)
    for e in entries:
        progress(f"build/report/notebooks/{e.name}.html")
        yield f"notebooks/{e.name}.html", notebook_page(e, exporter)
    yield "index.html", index_page(entries)
    yield "article.html", article_page()
    yield "figures.html", figures_page(entries)
    yield "article-figures.html", article_figures_page()
    yield "data.html", data_page(entries)


def build(out: Path = REPORT, progress=print) -> Path:
    """Build the site into a temporary folder, then swap it in whole."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".report-", dir=out.parent))
    try:
        entries = catalog()
        for name, html in pages(entries, progress):
            _write(staging / name, html)
        _copy_files(staging)
        atomic.replace_folder(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out
