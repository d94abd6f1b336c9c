"""Chart pieces that more than one notebook draws: bars in theme colours with their values written on."""

from collections.abc import Sequence

from matplotlib.dates import date2num
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


def timeline_layout(ax: plt.Axes, xs: Sequence, texts: Sequence[str], fontsize: float = 9) -> list[tuple[int, str]]:
    """Height (positive above the line) and horizontal alignment of each label on a timeline, so that no
    label covers another label or another event's stem. Widths are measured with the figure's renderer.

    A depth-first search over heights and alignments, shallowest layout first; timelines are short.
    """
    renderer = ax.figure.canvas.get_renderer()
    stems = ax.transData.transform([(date2num(x), 0) for x in xs])[:, 0]
    probes = [ax.text(0, 0, t, fontsize=fontsize) for t in texts]
    widths = [p.get_window_extent(renderer).width + 12 for p in probes]  # a little air on each side
    for probe in probes:
        probe.remove()
    spans = {"center": (-0.5, 0.5), "right": (-1.0, 0.0), "left": (0.0, 1.0)}
    frame = ax.get_window_extent(renderer)

    def search(i: int, placed: list, depth: int) -> list | None:
        """`placed` holds ((level, left, right, stem), align) for the labels before label i."""
        if i == len(stems):
            return placed
        for level in [k * side for k in range(1, depth + 1) for side in (1, -1)]:
            for align, (a, b) in spans.items():
                mine = (level, stems[i] + a * widths[i], stems[i] + b * widths[i], stems[i])
                inside = frame.x0 <= mine[1] and mine[2] <= frame.x1
                if inside and all(_clear(*mine, *other) for other, _ in placed):
                    found = search(i + 1, [*placed, (mine, align)], depth)
                    if found:
                        return found
        return None

    for depth in range(1, len(stems) + 1):
        layout = search(0, [], depth)
        if layout:
            return [(geometry[0], align) for geometry, align in layout]
    raise ValueError("no timeline layout without overlaps")


def _clear(
    level: int, left: float, right: float, stem: float, o_level: int, o_left: float, o_right: float, o_stem: float
) -> bool:
    if (level > 0) != (o_level > 0):
        return True  # the other side of the line
    if abs(level) == abs(o_level):
        return right <= o_left or o_right <= left
    if abs(level) > abs(o_level):
        return not o_left <= stem <= o_right  # this stem would run through the other's label
    return not left <= o_stem <= right  # the other's stem would run through this label
