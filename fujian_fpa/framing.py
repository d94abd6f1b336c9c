"""The article read as a report: what it compares its figures with, how much text each section takes,
and where its wording claims more than its figures show.

Everything here measures the text: sentences are cut at 。！？ and line ends, sections at the
headings themes.csv names, and a comparison is a word of `COMPARISON_WORDS` in the same sentence
as a figure. Nothing is judged by reading: the notebook states what these counts say.
"""

from dataclasses import dataclass
import re

import pandas as pd

# Words that set a figure against something else: an earlier year, a change, a target or quota.
COMPARISON_WORDS = {
    "year_on_year": ("同比", "环比", "比上年", "较上年", "比去年", "较去年", "上年", "去年"),
    "baseline": ("基数", "基线", "往年", "以前", "此前", "近年"),
    "change": ("增长", "增加", "下降", "减少", "提高", "翻番"),
    "target": ("目标", "计划", "名额", "指标", "完成率"),
}
# 计划 inside 计划生育 (family planning) names the association, not a plan.
NOT_A_COMPARISON = re.compile(r"计划生育")
CAPTION = "▲"  # photo captions start with this mark; they are not body text
_SENTENCE_END = re.compile(r"[。！？!?]")
# Lines that are sentences of their own: byline, dash line, photo caption, numbered section heading.
_STANDALONE = re.compile(r"[□▲]|——|\d+\s*[^\s，,。]{2,12}$")
COMPARATIVE = re.compile(r"更(\w\w)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentences(text: str) -> list[Span]:
    """The sentences of `text` as offsets. A sentence ends after 。！？; a line that stands alone (the
    headline, the byline, a section heading, a photo caption) is a sentence of its own. Other line
    breaks are the page's layout (抵抗 / 风险) and do not end a sentence."""
    spans: list[Span] = []
    open_at = None
    first = True
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if not line.strip():
            continue
        if first or _STANDALONE.match(line.strip()):
            if open_at is not None:
                spans.append(Span(open_at, m.start()))
                open_at = None
            spans.append(Span(m.start(), m.end()))
            first = False
            continue
        start = m.start() if open_at is None else open_at
        for end in _SENTENCE_END.finditer(line):
            spans.append(Span(start, m.start() + end.end()))
            start = m.start() + end.end()
        open_at = start if line[start - m.start() :].strip() else None
    if open_at is not None:
        spans.append(Span(open_at, len(text)))
    return spans


def sentence_of(spans: list[Span], offset: int) -> int:
    """The index of the sentence that holds `offset`."""
    for i, span in enumerate(spans):
        if span.start <= offset < span.end:
            return i
    raise ValueError(f"offset {offset} lies in no sentence")


def comparison_words(text: str) -> pd.DataFrame:
    """Every comparison word in the text: word, kind, offset and sentence; 计划 of 计划生育 left out."""
    spans = sentences(text)
    masked = NOT_A_COMPARISON.sub(lambda m: "□" * len(m.group()), text)
    kinds = {word: kind for kind, words in COMPARISON_WORDS.items() for word in words}
    # One pattern, longest words first, so that 比上年 is one hit, not also 上年.
    pattern = re.compile("|".join(sorted(map(re.escape, kinds), key=len, reverse=True)))
    rows = [
        {"word": m.group(), "kind": kinds[m.group()], "start": m.start(), "sentence": sentence_of(spans, m.start())}
        for m in pattern.finditer(masked)
    ]
    return pd.DataFrame(rows, columns=["word", "kind", "start", "sentence"])


def figure_offsets(indicators: pd.DataFrame) -> pd.Series:
    """Where each figure is printed: its quote's offset plus the position of the printed figure in it."""
    return pd.Series(
        [int(r.start) + max(r.quote.find(r.printed), 0) for r in indicators.itertuples()],
        index=indicators["id"],
        name="offset",
    )


def compared_figures(text: str, indicators: pd.DataFrame) -> pd.DataFrame:
    """For each figure, the comparison words of its sentence by kind (empty where there are none)."""
    spans = sentences(text)
    words = comparison_words(text)
    offsets = figure_offsets(indicators)
    rows = []
    for rid, offset in offsets.items():
        i = sentence_of(spans, offset)
        here = words[words["sentence"] == i]
        row = {"id": rid, "sentence": i}
        for kind in COMPARISON_WORDS:
            row[kind] = "、".join(here.loc[here["kind"] == kind, "word"])
        rows.append(row)
    return pd.DataFrame(rows)


def sections(text: str, themes: pd.DataFrame) -> pd.DataFrame:
    """Each numbered section's span, found at its heading ("1 特殊保障更稳固" on a line of its own), and the
    opening before the first heading (theme `overview`), in the order the file prints them."""
    heads = []
    for row in themes.dropna(subset=["section"]).itertuples():
        pattern = re.compile(rf"^{int(row.section)}\s*{re.escape(row.title_zh)}\s*$", re.M)
        found = list(pattern.finditer(text))
        if len(found) != 1:
            raise ValueError(f"section heading {int(row.section)} {row.title_zh} found {len(found)} times")
        heads.append((found[0].start(), found[0].end(), row.id))
    heads.sort()
    opening = next(t.id for t in themes.itertuples() if pd.isna(t.section))
    rows = [{"theme": opening, "heading": heads[0][0], "start": _after_byline(text), "end": heads[0][0]}]
    for (start, end, theme), following in zip(heads, [*heads[1:], (len(text),)], strict=True):
        rows.append({"theme": theme, "heading": start, "start": end, "end": following[0]})
    return pd.DataFrame(rows)


def _after_byline(text: str) -> int:
    """Where the body starts: after the byline (the line starting □), else at the top."""
    m = re.search(r"^□.*$", text, re.M)
    return m.end() if m else 0


def body_characters(text: str) -> int:
    """Characters of body text: no whitespace, no photo captions."""
    lines = [line for line in text.splitlines() if not line.strip().startswith(CAPTION)]
    return sum(len(re.sub(r"\s", "", line)) for line in lines)


def section_lengths(text: str, themes: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """Per section: characters of body text (captions and whitespace left out), captions, and the figures
    printed in its span."""
    offsets = figure_offsets(indicators)
    rows = []
    for s in sections(text, themes).itertuples():
        chunk = text[s.start : s.end]
        captions = [line for line in chunk.splitlines() if line.strip().startswith(CAPTION)]
        inside = offsets[(offsets >= s.start) & (offsets < s.end)]
        rows.append(
            {
                "theme": s.theme,
                "characters": body_characters(chunk),
                "captions": len(captions),
                "figures": len(inside),
                "ids": ";".join(inside.index),
            }
        )
    table = pd.DataFrame(rows)
    return table.assign(share=table["characters"] / table["characters"].sum())


def comparatives(line: str) -> list[str]:
    """The comparatives of a line: 更 and the two characters after it (更稳固, 更有力, 更暖心)."""
    return [m.group() for m in COMPARATIVE.finditer(line)]


def sentences_with(text: str, word: str, indicators: pd.DataFrame) -> pd.DataFrame:
    """Every body sentence that holds `word`, with the number of figures printed in it."""
    spans = sentences(text)
    held = figure_offsets(indicators).map(lambda o: sentence_of(spans, o)).value_counts()
    rows = [
        {"sentence": i, "text": _joined(text[s.start : s.end]), "figures": int(held.get(i, 0))}
        for i, s in enumerate(spans)
        if word in text[s.start : s.end] and i > 0  # sentence 0 is the headline itself
    ]
    return pd.DataFrame(rows, columns=["sentence", "text", "figures"])


def _joined(sentence: str) -> str:
    """A sentence on one line: the page layout's line breaks (抵抗 / 风险) taken out."""
    return re.sub(r"\s*\n\s*", "", sentence.strip())


def sentences_without_figures(text: str, indicators: pd.DataFrame, themes: pd.DataFrame) -> pd.DataFrame:
    """The body sentences (after the byline; headings and captions left out), each with its characters
    and whether a figure is printed in it."""
    spans = sentences(text)
    held = set(figure_offsets(indicators).map(lambda o: sentence_of(spans, o)))
    headings = set(sections(text, themes)["heading"])
    body = _after_byline(text)
    rows = []
    for i, s in enumerate(spans):
        sentence = text[s.start : s.end].strip()
        start = s.start + len(text[s.start : s.end]) - len(text[s.start : s.end].lstrip())
        if s.start < body or start in headings or sentence.startswith(CAPTION):
            continue
        rows.append({"sentence": i, "characters": len(re.sub(r"\s", "", sentence)), "has_figure": i in held})
    return pd.DataFrame(rows)
