"""Chart pieces that more than one notebook draws: bars in theme colours with their values written on."""

from collections.abc import Sequence

from matplotlib.patches import Patch
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, MaxNLocator
import pandas as pd

from .labels import Labels
from .style import THEME_COLOURS, THEME_ORDER


def hbars(
    ax: plt.Axes,
    names: Sequence[str],
    values: Sequence[float],
    themes: Sequence[str],
    texts: Sequence[str],
    log: bool = False,
) -> None:
    """Horizontal bars, top to bottom in the given order, coloured by theme, each with its value at its end."""
    ys = list(range(len(names)))[::-1]
    ax.barh(ys, list(values), color=[THEME_COLOURS[t] for t in themes], height=0.7)
    ax.set_yticks(ys, list(names))
    ax.grid(axis="y", visible=False)
    for y, value, text in zip(ys, values, texts, strict=True):
        ax.annotate(text, (value, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    if log:
        ax.set_xscale("log")
        # Bars on a log axis start at its left edge: put that edge well below the smallest bar,
        # and leave room on the right for the value written at the end of the largest.
        ax.set_xlim(min(values) / 4, max(values) * 12)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:,.10g}"))
    else:
        ax.set_xlim(0, max(values) * 1.25)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:,.10g}"))


def indicator_panel(
    ax: plt.Axes, figures: pd.DataFrame, labels: Labels, title: str, xlabel: str, log: bool = False
) -> list[str]:
    """Rows of indicators as bars on `ax`, labelled by metric, each with its amount and bound."""
    names = labels.metrics(figures)
    hbars(ax, names, figures["value"], figures["theme"], labels.amounts(figures), log=log)
    ax.set_title(labels.chart(title))
    ax.set_xlabel(labels.chart(xlabel))
    return names


def indicator_bars(
    figures: pd.DataFrame, labels: Labels, title: str, xlabel: str, log: bool = False, size=(8, 3.4)
) -> tuple[plt.Figure, pd.DataFrame]:
    """A chart of one panel of indicators, and the data it plots."""
    fig, ax = plt.subplots(figsize=size)
    names = indicator_panel(ax, figures, labels, title, xlabel, log)
    return fig, plotted(figures[["id", "program", "value", "unit", "bound"]], labels, label=names)


def theme_legend(fig: plt.Figure, themes: Sequence[str], labels: Labels) -> None:
    """A legend of the themes present, in the article's order, below the chart."""
    present = [t for t in THEME_ORDER if t in set(themes)]
    handles = [Patch(color=THEME_COLOURS[t], label=labels("theme", t)) for t in present]
    fig.legend(handles=handles, frameon=False, loc="outside lower center", ncols=min(len(handles), 4), fontsize=9)


def plotted(frame: pd.DataFrame, labels: Labels, **columns: Sequence) -> pd.DataFrame:
    """The data of a chart with its language's labels, for the CSV beside it."""
    return frame.assign(lang=labels.lang, **columns).reset_index(drop=True)
