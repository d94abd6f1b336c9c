"""A static HTML site of the notebooks for reviewers: build/report/, readable offline with nothing installed.

Pages: an index (each notebook's question and headline figure), one page per notebook with a table
of contents, a page of all figures, and a page of every figure of the article with its quote. The
CJK font ships with the site, so Chinese renders on any machine.
"""

from html import escape
from pathlib import Path
import re
import shutil
import tempfile

from nbconvert import HTMLExporter
import pandas as pd
from pygments.formatters import HtmlFormatter

from . import atomic, paths
from .catalog import Entry, catalog
from .data import load_events, load_indicators
from .figures import LANGUAGES
from .style import CJK_FONT_FILE

REPORT = paths.ROOT / "build" / "report"
_HEADING = re.compile(r'<h([1-3]) id="([^"]+)">(.*?)<a class="anchor-link"', re.S)
_TAG = re.compile(r"<[^>]+>")

CSS = """
@font-face { font-family: "Noto Sans CJK SC"; src: url("FONT") format("opentype"); }
body { font-family: "Noto Sans CJK SC", sans-serif; margin: 0; color: #222; line-height: 1.55; }
header { background: #f3f3f3; padding: .6em 1.5em; border-bottom: 1px solid #ddd; }
header a { margin-right: 1.2em; }
main { max-width: 1100px; margin: 0 auto; padding: 1em 1.5em 3em; }
.layout { display: flex; gap: 2em; align-items: flex-start; }
nav.toc { position: sticky; top: 1em; min-width: 14em; max-width: 16em; font-size: .9em; }
nav.toc ul { list-style: none; padding-left: 0; } nav.toc li.h3 { padding-left: 1em; }
.notebook { flex: 1; min-width: 0; }
.input_area, pre { background: #f7f7f7; border: 1px solid #e3e3e3; border-radius: 3px; padding: .4em .6em;
  overflow-x: auto; font-size: .85em; }
.output_area img { max-width: 100%; }
.prompt { display: none; }
table { border-collapse: collapse; font-size: .85em; margin: .8em 0; }
th, td { border: 1px solid #ddd; padding: .25em .5em; vertical-align: top; text-align: left; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 1.2em; }
.card { border: 1px solid #ddd; border-radius: 4px; padding: .8em; }
.card img, .figure img { max-width: 100%; }
.figure { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; margin-bottom: 2em; }
.quote-table td { white-space: pre-wrap; }  /* a quote keeps the article's line breaks */
.anchor-link { visibility: hidden; margin-left: .3em; text-decoration: none; }
h1:hover .anchor-link, h2:hover .anchor-link, h3:hover .anchor-link { visibility: visible; }
"""


def _page(title: str, body: str, depth: int = 0) -> str:
    up = "../" * depth
    nav = (
        f'<a href="{up}index.html">Index 目录</a><a href="{up}figures.html">All figures 全部图表</a>'
        f'<a href="{up}article-figures.html">Every figure of the article 文中数字</a>'
    )
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


def notebook_page(entry: Entry, exporter: HTMLExporter) -> str:
    body, _ = exporter.from_filename(str(entry.path))
    layout = f'<div class="layout">{_toc(body)}<div class="notebook">{body}</div></div>'
    return _page(entry.title, layout, depth=1)


def index_page(entries: list[Entry]) -> str:
    cards = []
    for e in entries:
        image = f'<img src="figures/en/{e.writes[0]}.png" alt="{escape(e.writes[0])}">' if e.writes else ""
        cards.append(
            f'<div class="card"><h2><a href="notebooks/{e.name}.html">{escape(e.title)}</a></h2>'
            f"<p>{escape(e.question)}</p>{image}</div>"
        )
    intro = (
        "<h1>福建省计生协会 2021 年工作综述:每个数字都经核对</h1>"
        "<p>The Fujian Family Planning Association's 2021 work summary: every figure of the article as checked "
        "data, analysed theme by theme. Each notebook below states its question; the image is its headline figure.</p>"
    )
    return _page("Fujian FPA 2021", intro + '<div class="cards">' + "".join(cards) + "</div>")


def figures_page(entries: list[Entry]) -> str:
    parts = ["<h1>All figures 全部图表</h1>"]
    for e in entries:
        for name in e.writes:
            links = " · ".join(
                f'<a href="figures/{lang}/{name}.{ext}">{lang} {ext.upper()}</a>'
                for lang in LANGUAGES
                for ext in ("svg", "csv")
            )
            images = "".join(f'<img src="figures/{lang}/{name}.png" alt="{name} ({lang})">' for lang in LANGUAGES)
            parts.append(
                f'<h2 id="{name}">{name}</h2><p>From <a href="notebooks/{e.name}.html">{escape(e.title)}</a>. '
                f'{links}</p><div class="figure">{images}</div>'
            )
    return _page("All figures", "\n".join(parts))


def article_figures_page() -> str:
    indicators = load_indicators()
    table = pd.DataFrame(
        {
            "id": indicators["id"],
            "theme": indicators["theme"],
            "metric 指标": indicators["metric_zh"] + " / " + indicators["metric_en"],
            "value 数值": indicators["value"].map(_number),
            "value_max": indicators["value_max"].map(_number),
            "unit 单位": indicators["unit"],
            "bound": indicators["bound"],
            "quote 原文": indicators["quote"],
        }
    )
    events = load_events()[["id", "date", "place", "city", "description_en", "quote"]]
    events = events.assign(date=events["date"].dt.strftime("%Y-%m-%d"))
    body = (
        "<h1>Every figure of the article 文中每个数字</h1><p>Values in base units (元, not 万元). "
        "Each quote stands verbatim in the article; line breaks inside a quote are the article's own.</p>"
        + table.to_html(index=False, classes="quote-table", escape=True)
        + "<h2>Dated events in the photo captions 图片说明中的活动</h2>"
        + events.to_html(index=False, escape=True)
    )
    return _page("Every figure of the article", body)


def _number(value: float) -> str:
    return "" if pd.isna(value) else format(value, ",.10g")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build(out: Path = REPORT, progress=print) -> Path:
    """Build the site into a temporary folder, then swap it in whole."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".report-", dir=out.parent))
    try:
        entries = catalog()
        exporter = HTMLExporter(template_name="basic", exclude_input_prompt=True, exclude_output_prompt=True)
        for e in entries:
            _write(staging / "notebooks" / f"{e.name}.html", notebook_page(e, exporter))
            progress(f"build/report/notebooks/{e.name}.html")
        _write(staging / "index.html", index_page(entries))
        _write(staging / "figures.html", figures_page(entries))
        _write(staging / "article-figures.html", article_figures_page())
        assets = staging / "assets"
        assets.mkdir()
        shutil.copyfile(CJK_FONT_FILE, assets / CJK_FONT_FILE.name)
        css = CSS.replace("FONT", CJK_FONT_FILE.name) + HtmlFormatter().get_style_defs(".highlight")
        _write(assets / "style.css", css)
        shutil.copytree(paths.COMMITTED_FIGURES, staging / "figures")
        atomic.replace_folder(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out
