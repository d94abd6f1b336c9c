"""Chart and table labels in Chinese or English, all taken from the glossary (and the article's own byline)."""

from functools import cached_property
import math
import re

import pandas as pd

from . import precision
from .data import load_article, load_glossary

# How money is shown: 万元 for Chinese readers, millions of yuan for English ones.
MONEY_SCALE = {"zh": 10_000, "en": 1_000_000}
BOUND_SIGNS = {"at_least": "≥ ", "at_most": "≤ ", "approx": "≈ "}
# Per-beneficiary amounts are ratios of rounded figures: shown to this many significant figures.
SIGNIFICANT = 3


class Labels:
    """`Labels("en")("program", "幸福工程")` → "Happiness Project"."""

    def __init__(self, lang: str):
        if lang not in MONEY_SCALE:
            raise ValueError(f"lang must be one of {sorted(MONEY_SCALE)}, not {lang!r}")
        self.lang = lang

    @cached_property
    def _table(self) -> pd.Series:
        glossary = load_glossary()
        return glossary.set_index(["kind", "key"])[self.lang]

    def __call__(self, kind: str, key: str) -> str:
        try:
            label = self._table[(kind, key)]
        except KeyError:
            raise KeyError(f"the glossary has no {kind} {key!r}; add it to data/glossary.csv") from None
        return full_width(label) if self.lang == "zh" else label

    def chart(self, key: str, **values) -> str:
        """A title or axis label; `values` fill its {placeholders}."""
        return self("chart", key).format(**values)

    def money(self, yuan: float) -> float:
        return yuan / MONEY_SCALE[self.lang]

    def money_unit(self) -> str:
        return self.chart("money_unit")

    def amount(self, value: float, unit: str, bound: str = "exact", figure: str | None = None) -> str:
        """A figure as a reader expects it: money scaled, ≥ before a lower bound, ≤ before an upper one.

        Given the indicator's id, the counted noun comes from the glossary's `counted` row for it where
        there is one: 个 is sites in one sentence and rooms in the next ("18 sites", not "18 items").
        """
        sign = BOUND_SIGNS.get(bound, "")
        sign = sign if self.lang == "en" else sign.strip()  # ≥ 5,000 sessions; ≥5,000场
        if unit == "元":
            return self.join(f"{sign}{format_value_short(self.money(value))}", self.money_unit())
        return self.join(f"{sign}{format_value_short(value)}", self.counted(figure, unit))

    def counted(self, figure: str | None, unit: str) -> str:
        """What a figure counts: its own `counted` glossary row, else its unit's label."""
        if figure is not None and ("counted", figure) in self._table.index:
            return self("counted", figure)
        return self("unit", unit)

    def amounts(self, frame: pd.DataFrame) -> list[str]:
        """`amount` for every row of a frame of figures (with its counted noun where the frame has `id`)."""
        ids = frame["id"] if "id" in frame else [None] * len(frame)
        rows = frame[["value", "unit", "bound"]].itertuples(index=False)
        return [self.amount(v, u, b, i) for (v, u, b), i in zip(rows, ids, strict=True)]

    def rounded(self, value: float, unit: str, low: float | None = None, high: float | None = None) -> str:
        """A computed amount to the precision its inputs carry: "about 37,400 yuan per household".

        The one place that decides how a ratio of rounded figures is printed: to the precision its
        interval [low, high] supports where that is known, else to three significant figures.
        """
        if low is None or high is None:
            number = format_value_short(round_significant(value, SIGNIFICANT))
        else:
            number = precision.rounded_text(value, low, high)
        return self.chart("about", number=number, unit=unit)

    def join(self, number: str, unit: str) -> str:
        """A number and its unit: "37,400 yuan" with a space, "37,400元" and "65.91%" without."""
        return f"{number} {unit}" if self.lang == "en" and unit != "%" else f"{number}{unit}"

    def metrics(self, figures: pd.DataFrame) -> list[str]:
        """Chart labels for rows of indicators: the metric, with its programme where two would read alike."""
        names = [self("metric", i) for i in figures["id"]]
        repeated = {n for n in names if names.count(n) > 1}
        return [
            self.sentence(f"{self('program', p)} · {n}" if n in repeated else n)
            for n, p in zip(names, figures["program"], strict=True)
        ]

    def sentence(self, label: str) -> str:
        """English labels start with a capital when they stand alone on a chart."""
        return label[:1].upper() + label[1:] if self.lang == "en" else label

    def date(self, day: pd.Timestamp) -> str:
        """ "24 Feb" in English, "2月24日" in Chinese."""
        return f"{day.day} {day:%b}" if self.lang == "en" else f"{day.month}月{day.day}日"

    def month(self, day: pd.Timestamp, short: bool = False) -> str:
        """ "May" (or "Feb" when `short`) in English, "5月" in Chinese."""
        if self.lang == "zh":
            return f"{day.month}月"
        return f"{day:%b}" if short else f"{day:%B}"

    def theme(self, theme: str) -> str:
        """A theme's short name, for legends: "Family health", 家庭健康."""
        return self.chart(f"theme_{theme}")

    def source(self) -> str:
        """The source line: the article's headline and byline as printed, and this project's analysis."""
        lines = [line.strip() for line in load_article().splitlines() if line.strip()]
        byline = next(line for line in lines if line.startswith("□")).lstrip("□").strip()
        role, _, name = byline.partition(" ")
        if name and role == Labels("zh").chart("byline_staff"):  # 本报记者 陈才源 → by staff reporter 陈才源
            byline = f"{self.chart('byline_staff')} {name.strip()}"
        return self.chart("source", title=lines[0], byline=byline)

    def notes(self, plotted: pd.DataFrame) -> list[str]:
        """The notes a chart of these rows needs: what ≥ means, that person-times are not people."""
        notes = []
        if "bound" in plotted and plotted["bound"].isin(["at_least", "at_most"]).any():
            notes.append(self.chart("note_bound"))
        if "unit" in plotted and plotted["unit"].eq("人次").any():
            notes.append(self.chart("note_person_times"))
        return notes

    def short_notes(self, notes: list[str]) -> list[str]:
        """The short forms, for a thumbnail, of the notes it cannot do without (≥, person-times, premiums,
        what dark bars mean)."""
        keys = ("note_bound", "note_person_times", "note_premium_grey", "note_premiums_hatched", "note_roles_dark")
        short = {self.chart(k): self.chart(f"{k}_short") for k in keys}
        return [short[n] for n in notes if n in short]


_HALF_WIDTH = re.compile(r"(?<=[\u3000-\u9fff”“])([(),:;])|([(),:;])(?=[\u3000-\u9fff“”])")
_FULL = {"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"}


def full_width(label: str) -> str:
    """Chinese punctuation in a Chinese label: 志愿者(团队) → 志愿者（团队）; 1,000 and (1) stay as they are."""
    return _HALF_WIDTH.sub(lambda m: _FULL[m.group(1) or m.group(2)], label)


def round_significant(value: float, digits: int) -> float:
    """`value` to `digits` significant figures: 37,436.49 → 37,400."""
    if value == 0:
        return 0.0
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def format_value_short(value: float) -> str:
    """Thousands separated, at most two decimals, no trailing zeros."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")
