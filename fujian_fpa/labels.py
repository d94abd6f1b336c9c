"""Chart and table labels in Chinese or English, all taken from the glossary."""

from functools import cached_property

import pandas as pd

from .data import load_glossary

# How money is shown: 万元 for Chinese readers, millions of yuan for English ones.
MONEY_SCALE = {"zh": 10_000, "en": 1_000_000}
BOUND_SIGNS = {"at_least": "≥ ", "at_most": "≤ ", "approx": "≈ "}


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
            return self._table[(kind, key)]
        except KeyError:
            raise KeyError(f"the glossary has no {kind} {key!r}; add it to data/glossary.csv") from None

    def chart(self, key: str, **values) -> str:
        """A title or axis label; `values` fill its {placeholders}."""
        return self("chart", key).format(**values)

    def money(self, yuan: float) -> float:
        return yuan / MONEY_SCALE[self.lang]

    def money_unit(self) -> str:
        return self.chart("money_unit")

    def amount(self, value: float, unit: str, bound: str = "exact") -> str:
        """A figure as a reader expects it: money scaled, ≥ before a lower bound, ≤ before an upper one."""
        sign = BOUND_SIGNS.get(bound, "")
        if unit == "元":
            return f"{sign}{format_value_short(self.money(value))} {self.money_unit()}"
        return f"{sign}{format_value_short(value)} {self('unit', unit)}"

    def amounts(self, frame: pd.DataFrame) -> list[str]:
        """`amount` for every row of a frame of figures."""
        return [self.amount(v, u, b) for v, u, b in frame[["value", "unit", "bound"]].itertuples(index=False)]

    def metrics(self, figures: pd.DataFrame) -> list[str]:
        """Chart labels for rows of indicators: the metric, with its programme where two would read alike."""
        names = [self.sentence(self("metric", i)) for i in figures["id"]]
        repeated = {n for n in names if names.count(n) > 1}
        return [
            f"{self('program', p)} · {n}" if n in repeated else n
            for n, p in zip(names, figures["program"], strict=True)
        ]

    def sentence(self, label: str) -> str:
        """English labels start with a capital when they stand alone on a chart."""
        return label[:1].upper() + label[1:] if self.lang == "en" else label


def format_value_short(value: float) -> str:
    """Thousands separated, at most two decimals, no trailing zeros."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")
