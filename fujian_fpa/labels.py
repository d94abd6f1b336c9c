"""Chart and table labels in Chinese or English, all taken from the glossary."""

from functools import cached_property

import pandas as pd

from .data import load_glossary
from .quantities import format_value

# How money is shown: 万元 for Chinese readers, millions of yuan for English ones.
MONEY_SCALE = {"zh": 10_000, "en": 1_000_000}


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

    def amount(self, value: float, unit: str) -> str:
        """A figure as a reader expects it: money scaled, other units as counted."""
        if unit == "元":
            return f"{format_value_short(self.money(value))} {self.money_unit()}"
        return f"{format_value_short(value)} {self('unit', unit)}"


def format_value_short(value: float) -> str:
    """Thousands separated, at most two decimals, no trailing zeros."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text if text else format_value(value)
