"""The article with every numeral marked by what it is, each mark opening a note with its data and uses.

One mark per number the extractor reports (a figure of a theme, an event date, an excluded number
with its reason, or a word the extractor reads as such) and one per numeral it does not report
(三孩, 之一: a word that contains a numeral). The same HTML serves the report page and
`show_article()` in a notebook; only where the links point differs. No script, no network: a
note is a <details> element, and the filters are checkboxes styled by CSS.
"""

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from html import escape, unescape
import re

import pandas as pd

from . import catalog, data, provenance
from .quantities import MEASURED, SET_PHRASES, Mention
from .style import THEME_COLOURS, THEME_ORDER

# Kinds of mark, in legend order, with their labels.
KINDS = {
    "figure": ("指标", "figure"),
    "event": ("活动日期", "event date"),
    "excluded": ("排除", "excluded number"),
    "word": ("含数字的词", "word with a numeral"),
    "unaccounted": ("未核对", "not accounted for"),
}
# Arabic digits and the characters of Chinese numerals, multipliers included.
NUMERAL = re.compile(r"[0-9〇零一二两三四五六七八九十百千万亿]+")
# The extractor's set phrases (一年来, 进万家): a numeral inside one is marked with the whole word.
_PHRASE = re.compile("|".join(map(re.escape, SET_PHRASES)))
_WORD_COLOUR = "#666666"
_EXCLUDED_COLOUR = "#B8B8B8"  # lighter than a word's, and dashed where a word is dotted
_LINE = {"figure": "solid", "event": "double", "unaccounted": "solid", "excluded": "dashed"}
_BACKGROUND = {"excluded": "#f7f7f7", "event": "#e4e4e4"}
# The source prints a box before its byline (□本报记者): say so, or it reads as a missing glyph.
SOURCE_BOX = "□"
_SOURCE_BOX_NOTE = "□ is printed in the source itself, not a missing character 原文即为□"
_ARTICLE = "white-space: pre-wrap; line-height: 2"  # inline, so that it holds where <style> is dropped
_EVENT_COLOUR = "#333333"
_UNACCOUNTED_COLOUR = "#D55E00"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    text: str
    kind: str  # a key of KINDS
    theme: str  # the row's theme, or the theme of the passage the mark stands in
    mention: Mention | None = None  # the extractor's reading; None for a numeral it does not report
    rows: tuple[dict, ...] = ()  # the data rows that account for it, each with its "file"
    reason: str = ""  # why an excluded number is not a figure

    @property
    def anchor(self) -> str:
        """The id a link uses to open this mark's note: its first data row's id, else its offset."""
        return self.rows[0]["id"] if self.rows and self.rows[0].get("id") else f"n{self.start}"


@dataclass(frozen=True)
class Links:
    """Where a note's links point: the report's pages, or nowhere but notebooks inside JupyterLab."""

    row: Callable[[dict], str | None]
    chart: Callable[[str], str | None]
    notebook: Callable[[str], str | None]
    # Inside a notebook the note leaves out charts and notebooks: they are other notebooks' outputs,
    # and a stored output must depend only on what the build stamps (the data, the package, the notebook).
    uses: bool = True


def report_links(up: str = "") -> Links:
    def row(r: dict) -> str:
        return f"{up}article-figures.html#{r['id'] if r.get('id') else 'ex' + str(r['start'])}"

    return Links(
        row=row,
        chart=lambda name: f"{up}figures.html#{name}",
        notebook=lambda name: f"{up}notebooks/{name}.html",
    )


NOTEBOOK_LINKS = Links(row=lambda r: None, chart=lambda name: None, notebook=lambda name: None, uses=False)


# ---------------------------------------------------------------- the marks


@dataclass(frozen=True)
class Passage:
    theme: str
    start: int
    end: int


def passages(article: str, mentions: pd.DataFrame, themes: pd.DataFrame) -> list[Passage]:
    """The overview before the first section heading, then one passage per section, in printed order."""
    heads = mentions[mentions["kind"] == "section"].sort_values("start")
    by_section = {int(s): t for t, s in themes.dropna(subset=["section"])[["id", "section"]].itertuples(index=False)}
    starts = [article.rfind("\n", 0, int(s)) + 1 for s in heads["start"]]
    names = [by_section[int(v)] for v in heads["value"]]
    bounds = [0, *starts, len(article)]
    out = [Passage("overview", bounds[0], bounds[1])]
    out += [Passage(t, bounds[i + 1], bounds[i + 2]) for i, t in enumerate(names)]
    return out


def _theme_at(position: int, parts: list[Passage]) -> str:
    return next(p.theme for p in parts if p.start <= position < p.end)


def _none(value):
    """A missing cell as None: pandas may hold it as NaN."""
    return None if isinstance(value, float) and value != value else value


def _records(frame: pd.DataFrame, file: str, key: str) -> dict:
    return {k: {"file": file, **r} for k, r in zip(frame[key], frame.to_dict("records"), strict=True)}


@cache
def marks() -> tuple[Mark, ...]:
    """Every mark of the article, in order of position."""
    article = data.load_article()
    found = data.accounting()
    parts = passages(article, found, data.load_themes())
    rows = {
        "indicators.csv": _records(data.load_indicators(), "indicators.csv", "id"),
        "events.csv": _records(data.load_events(), "events.csv", "id"),
    }
    excluded = data.load_exclusions()
    excluded = {(int(r["start"]), r["text"]): {"file": "exclusions.csv", **r} for r in excluded.to_dict("records")}
    out = []
    for m in found.itertuples(index=False):
        mention = Mention(m.start, m.end, m.text, m.kind, _none(m.value), _none(m.value_max), m.unit, m.bound)
        accounted = m.accounted_by if isinstance(m.accounted_by, str) else ""  # None, or NaN from pandas
        holders = [h.split(":", 1) for h in accounted.split(";") if h]
        held = tuple(rows[f][rid] for f, *rest in holders if f in rows for rid in rest if rid in rows[f])
        exclusion = excluded.get((m.start, m.text))
        # What the data make of a number decides its mark: a word can be a figure (之一, one honour).
        if held and held[0]["file"] == "indicators.csv":
            kind = "figure"
        elif held:
            kind = "event"
        elif m.kind == "word":
            kind = "word"
        elif exclusion:
            kind = "excluded"
        else:
            kind = "unaccounted"
        held += (exclusion,) if exclusion else ()
        theme = held[0].get("theme") if held and held[0].get("theme") else _theme_at(m.start, parts)
        out.append(Mark(m.start, m.end, m.text, kind, theme, mention, held, exclusion["reason"] if exclusion else ""))
    out += _word_marks(article, out, parts)
    return tuple(sorted(out, key=lambda k: k.start))


def _word_marks(article: str, reported: list[Mark], parts: list[Passage]) -> list[Mark]:
    """A mark for each run of numerals that no reported number covers: a numeral inside a word."""
    covered = bytearray(len(article))
    for m in reported:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    phrases = [(p.start(), p.end()) for p in _PHRASE.finditer(article)]
    out = []
    for run in NUMERAL.finditer(article):
        start = run.start()
        while start < run.end():
            if covered[start]:
                start += 1
                continue
            end = covered.find(1, start, run.end())
            end = run.end() if end < 0 else end
            word = next(((a, b) for a, b in phrases if a <= start and end <= b), None)
            if word and covered.find(1, *word) < 0:
                start, end = word
            out.append(Mark(start, end, article[start:end], "word", _theme_at(start, parts)))
            start = end
    return out


# ---------------------------------------------------------------- who uses what


def notebook_passage_of(code: str) -> dict | None:
    """The keyword arguments of a `show_article(...)` call in this code, or None where there is none."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        name = getattr(node.func, "attr", getattr(node.func, "id", "")) if isinstance(node, ast.Call) else ""
        if name == "show_article":
            return {k.arg: ast.literal_eval(k.value) for k in node.keywords}
    return None


def notebook_passage(path) -> dict:
    """Which passage a notebook opens with, as arguments of `show_article`; `shown=False` where it shows none."""
    for cell in catalog.cells(path, "code"):
        passage = notebook_passage_of(catalog.source(cell))
        if passage is not None:
            return passage
    return {"shown": False}


@dataclass(frozen=True)
class Uses:
    charts: dict[str, list[str]] = field(default_factory=dict)  # row id -> charts
    chart_notebook: dict[str, str] = field(default_factory=dict)  # chart -> notebook that draws it
    notebook_passages: dict[str, dict] = field(default_factory=dict)  # notebook -> show_article arguments


@cache
def uses() -> Uses:
    entries = catalog.catalog()
    return Uses(
        charts=provenance.charts_by_id(),
        chart_notebook={name: e.name for e in entries for name in e.writes},
        notebook_passages={e.name: notebook_passage(e.path) for e in entries},
    )


def _selected(mark: Mark, theme: str | None = None, kind: str | None = None, shown: bool = True) -> bool:
    return shown and (theme is None or mark.theme == theme) and (kind is None or mark.kind == kind)


def mark_uses(mark: Mark, u: Uses) -> tuple[list[str], list[str]]:
    """The charts that plot a mark's rows, and the notebooks that draw those charts or show its passage."""
    charts = list(dict.fromkeys(c for r in mark.rows if r.get("id") for c in u.charts.get(r["id"], [])))
    notebooks = {u.chart_notebook[c] for c in charts if c in u.chart_notebook}
    notebooks |= {nb for nb, args in u.notebook_passages.items() if _selected(mark, **args)}
    return charts, sorted(notebooks)


# ---------------------------------------------------------------- HTML


def _number(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    text = format(Decimal(str(value)), ",f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@cache
def _labels() -> dict:
    glossary = data.load_glossary()
    return {(k, key): (zh, en) for k, key, zh, en in glossary[["kind", "key", "zh", "en"]].itertuples(index=False)}


def _both(kind: str, key: str) -> str:
    zh, en = _labels().get((kind, key), (key, key))
    return escape(zh if zh == en else f"{zh} / {en}")


def _link(href: str | None, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>' if href else f"<code>{escape(text)}</code>"


def _value_lines(mark: Mark) -> list[str]:
    m = mark.mention
    if m is None or m.kind not in MEASURED:
        return []
    unit = _both("unit", m.unit) if m.unit else "–"
    value = _number(m.value) + (f" – {_number(m.value_max)}" if m.value_max is not None else "")
    lines = [f"<dt>value 数值</dt><dd>{value} {escape(m.unit)}</dd>", f"<dt>unit 单位</dt><dd>{unit}</dd>"]
    lines.append(f"<dt>bound 界</dt><dd>{_both('bound', m.bound)}</dd>")
    for row in mark.rows:
        if row.get("low") is not None or row.get("high") is not None:  # an interval, where the data give one
            low, high = row.get("low"), row.get("high")
            lines.append(f"<dt>interval 区间</dt><dd>[{_number(low)}, {_number(high)}] {escape(m.unit)}</dd>")
    return lines


def _row_lines(mark: Mark, links: Links) -> list[str]:
    lines = []
    for row in mark.rows:
        if row["file"] == "indicators.csv":
            lines.append(f"<dt>metric 指标</dt><dd>{escape(row['metric_zh'])} / {escape(row['metric_en'])}</dd>")
        elif row["file"] == "events.csv":
            date = pd.Timestamp(row["date"]).strftime("%Y-%m-%d")
            place = row["place"] if isinstance(row["place"], str) and row["place"] else "–"
            lines.append(f"<dt>event 活动</dt><dd>{date}, {escape(place)}: {escape(row['description_en'])}</dd>")
        elif row["file"] == "exclusions.csv":
            lines.append(f"<dt>why not a figure 排除原因</dt><dd>{escape(row['reason'])}</dd>")
        name = row.get("id") or f"offset {row['start']}"
        lines.append(f"<dt>data row 数据行</dt><dd>{_link(links.row(row), name)} in <code>{row['file']}</code></dd>")
    return lines


def note(mark: Mark, links: Links, u: Uses) -> str:
    """The note a mark opens: what it is, its value and bound, its rows, and every chart and notebook using it."""
    zh, en = KINDS[mark.kind]
    theme = _both("theme", mark.theme)
    head = f"<strong>{zh} · {en}</strong> · {theme}"
    lines = []
    if mark.kind == "word" and mark.mention is None:
        lines.append(
            "<dt>what 说明</dt><dd>A numeral inside a word; the extractor reports no number here "
            "and it counts nothing. 词中的数字,不是统计数。</dd>"
        )
    elif mark.mention is not None:
        lines.append(f"<dt>read as 识别为</dt><dd><code>{escape(mark.mention.kind)}</code></dd>")
    lines += _value_lines(mark) + _row_lines(mark, links)
    charts, notebooks = mark_uses(mark, u) if links.uses else ([], [])
    if charts:
        lines.append("<dt>charts 图表</dt><dd>" + ", ".join(_link(links.chart(c), c) for c in charts) + "</dd>")
    if notebooks:
        nbs = ", ".join(_link(links.notebook(n), n) for n in notebooks)
        lines.append(f"<dt>notebooks 笔记本</dt><dd>{nbs}</dd>")
    return f'<div class="note" id="{escape(mark.anchor)}">{head}<dl>{"".join(lines)}</dl></div>'


def colour(mark: Mark) -> str:
    if mark.kind == "figure":
        return THEME_COLOURS[mark.theme]
    return {"event": _EVENT_COLOUR, "unaccounted": _UNACCOUNTED_COLOUR, "excluded": _EXCLUDED_COLOUR}.get(
        mark.kind, _WORD_COLOUR
    )


def _mark_html(mark: Mark, links: Links, u: Uses) -> str:
    css = f"k-{mark.kind} t-{mark.theme}"
    if links.uses:  # the report: a <details> whose note opens on click, styled by the page's CSS
        style = f"--c:{colour(mark)}"
        summary = escape(mark.text)
        return (
            f'<details class="mark {css}" style="{style}"><summary>{summary}</summary>{note(mark, links, u)}</details>'
        )
    # A notebook: a notebook viewer drops <style> from outputs it does not trust, so the mark carries
    # its own style, and its note is the tooltip.
    title = escape(note_text(mark, links, u))
    return f'<span class="mark {css}" style="{_inline_style(mark)}" title="{title}">{escape(mark.text)}</span>'


def _tint(hex_colour: str, share: float = 0.22) -> str:
    """A colour mixed with white, for a mark's background."""
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in rgb)


def _background(mark: Mark) -> str:
    return _tint(colour(mark)) if mark.kind in ("figure", "unaccounted") else _BACKGROUND.get(mark.kind, "#eeeeee")


def _line(mark: Mark) -> str:
    """The mark's underline: its style tells the kinds apart where the colours are alike."""
    return f"3px {_LINE.get(mark.kind, 'dotted')} {colour(mark)}"


def _inline_style(mark: Mark) -> str:
    weight = "600" if mark.kind in ("figure", "unaccounted") else "normal"
    return f"background-color: {_background(mark)}; border-bottom: {_line(mark)}; font-weight: {weight}; cursor: help"


def _plain(text: str) -> str:
    """Article text between marks, escaped, with the source's own □ explained in a tooltip."""
    box = f'<span class="source-box" title="{escape(_SOURCE_BOX_NOTE)}" style="cursor: help">{SOURCE_BOX}</span>'
    return escape(text).replace(SOURCE_BOX, box)


_DT_END, _DD_END = re.compile(r"</dt>"), re.compile(r"</dd>|<dl>")


def note_text(mark: Mark, links: Links, u: Uses) -> str:
    """The note as plain text, one line per entry, for a tooltip."""
    html = _DD_END.sub("\n", _DT_END.sub(": ", note(mark, links, u)))
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()


def render_text(article: str, start: int, end: int, shown: list[Mark], links: Links, u: Uses) -> str:
    """The text between two offsets, verbatim, with each mark inside it as a <details> element."""
    out, at = [], start
    for m in shown:
        if m.start < start or m.end > end:
            continue
        out.append(_plain(article[at : m.start]))
        out.append(_mark_html(m, links, u))
        at = m.end
    out.append(_plain(article[at:end]))
    return "".join(out)


def count_line(shown: list[Mark]) -> str:
    """A sentence of counts, computed from the marks."""
    n = {k: sum(m.kind == k for m in shown) for k in KINDS}
    parts = [
        f"{_many(n['figure'], 'figure')} 指标",
        f"{_many(n['event'], 'event date')} 活动日期",
        f"{_many(n['excluded'], 'excluded number')} 排除",
        f"{_many(n['word'], 'word', 'words')} with a numeral 含数字的词",
    ]
    verdict = (
        "every number the extractor reports is marked and accounted for 全部核对"
        if n["unaccounted"] == 0
        else f"{n['unaccounted']} NOT accounted for 未核对"
    )
    return ", ".join(parts) + "; " + verdict + "."


def _many(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 figure", "2 figures"."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def source_box_note(article: str, spans: list[tuple[int, int]]) -> str:
    """A line under the text where the passage shows the source's □."""
    shows_box = any(SOURCE_BOX in article[a:b] for a, b in spans)
    return f'<p class="source-note">{_SOURCE_BOX_NOTE}.</p>' if shows_box else ""


def legend(shown: list[Mark], filters: bool) -> str:
    """Swatches for themes and kinds; with `filters`, each is a toggle that lets its marks fade.

    The checkboxes must be siblings before the article for CSS alone to act on it, so they are not
    wrapped; each is hidden, and its label shows its state.
    """
    items = []
    themes = [t for t in THEME_ORDER if any(m.theme == t for m in shown)]
    kinds = [k for k in KINDS if any(m.kind == k for m in shown)]
    for group, title, keys in (("t", "Themes 主题:", themes), ("k", "Kinds 类别:", kinds)):
        items.append(f'<span class="legend-title">{title}</span>')
        for key in keys:
            text = _both("theme", key) if group == "t" else " / ".join(KINDS[key])
            if group == "t":
                look = f"background:{THEME_COLOURS[key]}"
            else:  # a kind's swatch looks like its marks: background and underline
                sample = next(m for m in shown if m.kind == key)
                look = f"background:{_background(sample)}; border-bottom:{_line(sample)}; box-sizing: border-box"
            box = f'<span class="swatch" style="{look}"></span>'
            if filters:
                items.append(f'<input type="checkbox" id="f-{group}-{key}" checked>')
                items.append(f'<label for="f-{group}-{key}">{box}{text}</label>')
            else:
                items.append(f'<span class="legend-item">{box}{text}</span>&ensp;')  # spaced without the CSS too
        items.append('<br class="legend-end">')
    return "".join(items)


def filter_css(shown: list[Mark]) -> str:
    """Unticking a checkbox turns its marks into plain text (still a mark, with its note)."""
    rules = [
        f"#f-{g}-{key}:not(:checked) ~ .article .{g}-{key} > summary"
        for g, keys in (("t", {m.theme for m in shown}), ("k", {m.kind for m in shown}))
        for key in sorted(keys)
    ]
    return ",\n".join(rules) + " { background: none; border-bottom-color: transparent; font-weight: normal; }"


MARK_CSS = """
.annotated .article { font-size: 1.05em; position: relative; }
.annotated details.mark { display: inline; }
/* Chromium gives a closed <details> a block for its content, which would break the line. */
.annotated details.mark::details-content { display: inline; }
.annotated details.mark:not([open])::details-content { display: none; }
.annotated details.mark > summary { display: inline; cursor: pointer; list-style: none; padding: 0 .1em;
  border-bottom: 3px solid var(--c); background: color-mix(in srgb, var(--c) 22%, white); font-weight: 600; }
.annotated details.mark > summary::-webkit-details-marker { display: none; }
.annotated .k-word > summary { border-bottom-style: dotted; background: #eeeeee; font-weight: normal; }
.annotated .k-excluded > summary { border-bottom-style: dashed; background: #f7f7f7; font-weight: normal; }
.annotated .source-box { border-bottom: 1px dotted #888; }
.annotated .source-note { font-size: .85em; color: #555; }
.annotated .k-event > summary { border-bottom-style: double; background: #e4e4e4; }
.annotated details.mark[open] > summary { outline: 2px solid #222; }
.annotated details.mark:has(.note:target) > summary { outline: 3px solid #d00; }
.annotated .note { position: absolute; left: 0; margin-top: 1.9em; z-index: 10; width: min(34em, 90%);
  white-space: normal; line-height: 1.45; font-size: .88rem; font-weight: normal; background: #fff;
  border: 1px solid #999; border-left: 5px solid var(--c); padding: .5em .7em; box-shadow: 0 2px 8px #0003; }
.annotated .note dl { margin: .3em 0 0; display: grid; grid-template-columns: max-content 1fr; gap: .1em .6em; }
.annotated .note dt { color: #555; } .annotated .note dd { margin: 0; }
.annotated > input { position: absolute; opacity: 0; }
.annotated > label, .annotated .legend-item { display: inline-block; margin: .15em 1.1em .15em 0; cursor: pointer; }
.annotated > input:not(:checked) + label { opacity: .45; text-decoration: line-through; }
.annotated > input:focus-visible + label { outline: 2px solid #555; }
.annotated .legend-title { font-weight: 600; margin-right: .6em; }
.annotated .swatch { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -.1em; }
.annotated .count { font-weight: 600; }
.annotated hr { border: none; border-top: 1px dashed #bbb; }
"""


def annotated(
    theme: str | None = None, kind: str | None = None, links: Links = NOTEBOOK_LINKS, filters: bool = False
) -> str:
    """The annotated article as an HTML fragment: all of it, one theme's passage, or the lines holding one kind."""
    article = data.load_article()
    every = list(marks())
    if theme is not None and theme not in THEME_COLOURS:
        raise ValueError(f"theme must be one of {sorted(THEME_COLOURS)}, not {theme!r}")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {sorted(KINDS)}, not {kind!r}")
    spans = _spans(article, every, theme, kind)
    shown = [m for m in every if any(a <= m.start and m.end <= b for a, b in spans)]
    u = uses() if links.uses else Uses()
    text = '<hr class="gap">'.join(render_text(article, a, b, shown, links, u) for a, b in spans)
    count = f'<p class="count">{count_line(shown)}</p>'
    note = source_box_note(article, spans)  # above the text, before a reader meets the □
    body = f'{legend(shown, filters)}{count}{note}<div class="article" style="{_ARTICLE}">{text}</div>'
    style = MARK_CSS + (filter_css(shown) if filters else "")
    return f'<style>{style}</style><div class="annotated">{body}</div>'


def _spans(article: str, every: list[Mark], theme: str | None, kind: str | None) -> list[tuple[int, int]]:
    """The stretches of text to show, stripped of blank lines at either end."""
    if theme is not None:
        parts = passages(article, data.accounting(), data.load_themes())
        spans = [(p.start, p.end) for p in parts if p.theme == theme]
    else:
        spans = [(0, len(article))]
    if kind is not None:  # only the lines that hold a mark of that kind
        lines = []
        for m in every:
            if m.kind == kind and any(a <= m.start < b for a, b in spans):
                lines.append((article.rfind("\n", 0, m.start) + 1, _line_end(article, m.end)))
        spans = _merge(lines)
    return [_strip(article, a, b) for a, b in spans]


def _line_end(article: str, at: int) -> int:
    end = article.find("\n", at)
    return len(article) if end < 0 else end


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _strip(article: str, a: int, b: int) -> tuple[int, int]:
    chunk = article[a:b]
    return a + len(chunk) - len(chunk.lstrip()), b - (len(chunk) - len(chunk.rstrip()))


def show_article(theme: str | None = None, kind: str | None = None):
    """Display the annotated article, or one theme's passage, in a notebook; click a number for its note."""
    from IPython.display import HTML

    return HTML(annotated(theme=theme, kind=kind, links=NOTEBOOK_LINKS))
