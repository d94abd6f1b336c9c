"""The project's chart idiom: seaborn draws from a tidy frame, these helpers frame the result.

A chart is drawn by a function `draw(labels, fmt)` that returns the figure and the tidy frame it
plots; `figures.bilingual` calls it once per language (and once more at thumbnail size for a
notebook's headline chart) and saves the results. Inside, the pattern is:

    fig, ax = charts.canvas(fmt, height=3)              # a figure of the format's width
    charts.bars(ax, tidy, x="plotted", y="label", texts=tidy["text"])   # seaborn.barplot underneath
    charts.finish(fig, labels, fmt, title=..., subtitle=..., notes=labels.notes(tidy))
    return fig, charts.plotted(tidy, labels)

The rules the helpers keep: bars start at zero on a linear axis and `bars(log=True)` raises; values
spanning orders of magnitude go to `dots(log=True)`, points on a log axis with gridlines labelled in
plain numbers; each value is written at its mark; every chart has a title that states the finding, a
subtitle that says what is counted and in what unit, and a footer with the source and notes.
"""

from collections.abc import Sequence
from dataclasses import dataclass
import re

from matplotlib.dates import date2num
from matplotlib.patches import Patch
import matplotlib.pyplot as plt
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullLocator
import numpy as np
import pandas as pd
import seaborn as sns

from .labels import Labels
from .style import THEME_COLOURS, THEME_ORDER

VALUE_LABEL = "value-label"  # gid of the numbers written at the end of bars
DOT_LABEL = "dot-label"  # gid of the numbers beside dots: these move to the dot's left where the right is full
ROW_VALUE = "row-value"  # gid of the values written beside the dots of `values`, which has no value axis
GREY = "#555555"


@dataclass(frozen=True)
class Format:
    """A chart's canvas: width in inches, saved resolution, type sizes in points, what it carries."""

    name: str
    width: float
    dpi: int
    text: float  # tick labels, value labels, legend
    title: float
    subtitle: float
    footer: float
    nbins: int  # at most this many gridlines on a linear value axis
    compact: bool  # a thumbnail: one short note at most; the unit stays in the subtitle, value labels short
    margin: float = 0.12  # inches of white around the texts


# Full size: 9 in at 150 dpi (1,350 px). Thumbnail: 4 in at 100 dpi (400 px), no text under 11 px.
FULL = Format("full", width=9, dpi=150, text=9.5, title=13.5, subtitle=10, footer=8, nbins=6, compact=False)
THUMB = Format("thumb", width=4, dpi=100, text=8.5, title=10.5, subtitle=8.5, footer=8, nbins=3, compact=True)


def canvas(fmt: Format, height: float, nrows: int = 1, ncols: int = 1, **subplots) -> tuple[plt.Figure, object]:
    """A figure of the format's width with `height` inches for the plot itself (titles and footer are added),
    at the resolution it is saved at, so that texts are measured as they will be drawn."""
    return plt.subplots(nrows, ncols, figsize=(fmt.width, height), dpi=fmt.dpi, layout="constrained", **subplots)


def bars(
    ax: plt.Axes,
    data: pd.DataFrame,
    x: str,
    y: str,
    texts: Sequence[str],
    hue: str = "theme",
    palette: dict | None = None,
    log: bool = False,
) -> plt.Axes:
    """Horizontal bars from zero, one per row of `data` in its order, each with its value written at its end.

    `seaborn.barplot` draws; `log=True` is refused: on a log axis a bar's length means nothing.
    """
    if log:
        raise ValueError("bars on a log axis mislead: use charts.dots(log=True), panels or groups instead")
    sns.barplot(
        data=data,
        x=x,
        y=y,
        hue=hue,
        order=list(data[y]),
        palette=palette or THEME_COLOURS,
        orient="y",
        dodge=False,
        saturation=1,
        width=0.7,
        errorbar=None,
        legend=False,
        ax=ax,
    )
    _no_axis_titles(ax)
    ax.set_xlim(0, data[x].max() * 1.02)
    _value_axis(ax)
    value_labels(ax, data[x], texts)
    return ax


def dots(
    ax: plt.Axes,
    data: pd.DataFrame,
    x: str,
    y: str,
    texts: Sequence[str],
    hue: str = "theme",
    palette: dict | None = None,
    log: bool = False,
) -> plt.Axes:
    """A dot per row of `data`, in its order, each labelled with its value: for values that span orders of
    magnitude (`log=True`: a log axis with gridlines in plain numbers) or rows in different units.

    `seaborn.stripplot` draws.
    """
    sns.stripplot(
        data=data,
        x=x,
        y=y,
        hue=hue,
        order=list(data[y]),
        palette=palette or THEME_COLOURS,
        orient="y",
        jitter=False,
        size=9,
        legend=False,
        ax=ax,
    )
    _no_axis_titles(ax)
    ax.grid(axis="y", visible=True, linestyle=":", color="#BBBBBB")
    if log:
        log_axis(ax, data[x])
    else:
        ax.set_xlim(0, data[x].max() * 1.02)
        _value_axis(ax)
    value_labels(ax, data[x], texts, offset=8, movable=True)
    return ax


def values(
    ax: plt.Axes,
    data: pd.DataFrame,
    y: str,
    texts: Sequence[str],
    hue: str = "theme",
    palette: dict | None = None,
) -> plt.Axes:
    """A dot per row of `data`, in its order, with its value and unit written beside it and no value
    axis at all: for rows that each count something different, where an axis would invite a comparison
    the units forbid. The dots stand in one column; `seaborn.stripplot` draws them.
    """
    sns.stripplot(
        data=data.assign(_at=0.0),
        x="_at",
        y=y,
        hue=hue,
        order=list(data[y]),
        palette=palette or THEME_COLOURS,
        orient="y",
        jitter=False,
        size=9,
        legend=False,
        ax=ax,
    )
    ax.set_xlim(-0.04, 1)
    _no_axis_titles(ax)
    ax.xaxis.set_visible(False)
    ax.grid(False)
    ax.tick_params(axis="y", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    for row, text in enumerate(texts):
        ax.annotate(text, (0, row), xytext=(10, 0), textcoords="offset points", va="center", ha="left", gid=ROW_VALUE)
    return ax


def _no_axis_titles(ax: plt.Axes) -> None:
    """seaborn titles the axes with column names; rows are named by their labels and the unit is in the subtitle."""
    ax.set(xlabel="", ylabel="")


def log_axis(ax: plt.Axes, values: Sequence[float], axis: str = "x") -> None:
    """A log axis (x, or y with `axis="y"`) from the power of ten below the smallest value to the one
    above the largest, its gridlines at powers of ten and labelled in plain numbers (1,000 not 10³)."""
    low, high = np.floor(np.log10(min(values))), np.ceil(np.log10(max(values)))
    scale, limits, which = (
        (ax.set_xscale, ax.set_xlim, ax.xaxis) if axis == "x" else (ax.set_yscale, ax.set_ylim, ax.yaxis)
    )
    scale("log")
    limits(10**low, 10**high)
    which.set_minor_locator(NullLocator())
    every_decade(which)


def every_decade(axis, label_every: int = 1) -> None:
    """Gridlines at every power of ten, so that "each gridline is ten times the last" holds at any size;
    with `label_every=2` only every other one (from the axis' lower limit) is numbered, where the
    numbers would otherwise run into each other."""
    axis.set_major_locator(LogLocator(base=10, numticks=99))  # numticks above the decades shown: no stride
    low = np.log10(min(axis.get_view_interval()))
    axis.set_major_formatter(
        FuncFormatter(lambda v, _: _plain(v) if round(np.log10(v) - low) % label_every == 0 else "")
    )


def _plain(value: float) -> str:
    """1,000 not 10³."""
    return f"{value:,.0f}" if value >= 1 else f"{value:g}"


def _value_axis(ax: plt.Axes) -> None:
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.10g}"))


def value_labels(
    ax: plt.Axes, values: Sequence[float], texts: Sequence[str], offset: float = 5, movable: bool = False
) -> None:
    """Write each text on white just right of its value, on the row of the same position (row 0 at the
    top); `movable` (a dot plot) lets it move to the dot's left where the right is full."""
    for row, (value, text) in enumerate(zip(values, texts, strict=True)):
        ax.annotate(
            text,
            (value, row),
            xytext=(offset, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            gid=DOT_LABEL if movable else VALUE_LABEL,
            annotation_clip=False,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
        )


def theme_handles(themes: Sequence[str], labels: Labels) -> list[Patch]:
    """Legend entries for the themes present, in the article's order, with their short names."""
    present = [t for t in THEME_ORDER if t in set(themes)]
    return [Patch(color=THEME_COLOURS[t], label=labels.theme(t)) for t in present]


def finish(
    fig: plt.Figure,
    labels: Labels,
    fmt: Format,
    title: str,
    subtitle: str,
    notes: Sequence[str] = (),
    legend: Sequence[Patch] = (),
) -> plt.Figure:
    """Frame a drawn chart: a title stating the finding, a subtitle saying what is counted and in what
    unit, an optional colour key, and a footer with the source and the notes.

    The figure grows to hold them around the plot; type sizes follow `fmt`; value labels get room.
    """
    _type_sizes(fig, fmt)
    renderer = fig.canvas.get_renderer()
    room = (fmt.width - 2 * fmt.margin) * fig.dpi
    if fmt.compact:
        _row_labels_above_dots(fig, fmt)
    _wrap_row_labels(fig, fmt, renderer)
    head = [
        _block(fig, title, fmt.title, room, renderer, color="#111111"),
        _block(fig, subtitle, fmt.subtitle, room, renderer, color=GREY),
    ]
    # A thumbnail keeps the source line and, where the chart needs one, one short note (≥, person-times).
    lines = [*labels.short_notes(notes)[:1], labels.source()] if fmt.compact else [*notes, labels.source()]
    foot = [_block(fig, line, fmt.footer, room, renderer, color=GREY) for line in lines]
    key = _legend(fig, legend, fmt, room, renderer) if legend else None
    _arrange(fig, fmt, head, key, foot, renderer)
    fit_value_labels(fig)
    return fig


def _arrange(fig: plt.Figure, fmt: Format, head: list[Text], key, foot: list[Text], renderer, gap=0.08) -> None:
    """Grow the figure by the height of the header (title, subtitle, key) and footer, keep the plot's own
    height for the layout engine in between, and stack the texts from the top and the bottom edges."""
    heights = [_height(t, renderer) for t in head]
    key_height = _height(key, renderer) + gap if key else 0.0
    foot_heights = [_height(t, renderer) for t in foot]
    top = fmt.margin + sum(heights) + gap * (len(heights) - 1) + key_height
    bottom = fmt.margin + sum(foot_heights) + gap * len(foot_heights)
    plot = fig.get_figheight()
    total = top + gap + plot + bottom
    fig.set_size_inches(fmt.width, total)
    fig.get_layout_engine().set(rect=(0, bottom / total, 1, plot / total))
    y = total - fmt.margin
    for text, height in zip(head, heights, strict=True):
        text.set_position((fmt.margin, y))
        y -= height + gap
    if key:
        key.set_bbox_to_anchor((fmt.margin - _legend_pad(key), y), transform=fig.dpi_scale_trans)
    y = fmt.margin
    for text, height in zip(reversed(foot), reversed(foot_heights), strict=True):
        text.set_position((fmt.margin, y + height))
        y += height + gap


def _type_sizes(fig: plt.Figure, fmt: Format) -> None:
    for ax in fig.axes:
        ax.tick_params(labelsize=fmt.text)
        for label in (ax.xaxis.label, ax.yaxis.label, ax.title):
            label.set_fontsize(fmt.text)
        for text in ax.texts:
            text.set_fontsize(fmt.text)
        locator = ax.xaxis.get_major_locator()
        if isinstance(locator, MaxNLocator):
            locator.set_params(nbins=fmt.nbins)
        if isinstance(locator, LogLocator):
            low, high = np.log10(ax.get_xlim())
            every_decade(ax.xaxis, label_every=2 if round(high - low) > fmt.nbins else 1)


def _row_labels_above_dots(fig: plt.Figure, fmt: Format) -> None:
    """In a thumbnail, a dot plot's row labels sit above their rows, so that the dots get the full width."""
    for ax in fig.axes:
        if not any(t.get_gid() == DOT_LABEL for t in ax.texts):
            continue
        for row, label in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True):
            ax.annotate(
                label.get_text(),
                (0, row),
                xycoords=("axes fraction", "data"),
                xytext=(0, 6),
                textcoords="offset points",
                va="bottom",
                ha="left",
                fontsize=fmt.text,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
            )
        ax.set_yticks(ax.get_yticks(), [""] * len(ax.get_yticks()))
        ax.tick_params(axis="y", length=0)


def _wrap_row_labels(fig: plt.Figure, fmt: Format, renderer) -> None:
    """Row labels longer than a third of the width (two fifths in a thumbnail, half beside `values`,
    which needs little room for itself) go onto more lines."""
    for ax in fig.axes:
        if ax.get_yscale() == "log":
            continue  # numbers, not row labels; resetting the ticks would widen the axis to hold them all
        share = 0.5 if any(t.get_gid() == ROW_VALUE for t in ax.texts) else 0.4 if fmt.compact else 1 / 3
        room = fmt.width * fig.dpi * share
        names = [t.get_text() for t in ax.get_yticklabels()]
        if names and any(names):
            ax.set_yticks(ax.get_yticks(), [wrap(n, room, fmt.text, renderer) for n in names])


def _block(fig: plt.Figure, text: str, size: float, room: float, renderer, **style) -> Text:
    """A text placed in inches from the figure's corner, wrapped to `room` pixels."""
    wrapped = wrap(text, room, size, renderer)
    return fig.text(0, 0, wrapped, fontsize=size, va="top", ha="left", transform=fig.dpi_scale_trans, **style)


def _height(artist, renderer) -> float:
    return artist.get_window_extent(renderer).height / artist.figure.dpi


def _legend(fig: plt.Figure, handles: Sequence[Patch], fmt: Format, room: float, renderer):
    """A frameless colour key in as few rows as fit the width; in a thumbnail, at most two columns, so that
    the key of the wider language does not decide a layout the other lacks."""
    for ncols in range(min(len(handles), 2) if fmt.compact else len(handles), 0, -1):
        key = fig.legend(
            handles=handles,
            loc="upper left",
            ncols=ncols,
            frameon=False,
            fontsize=fmt.text,
            handlelength=1.2,
            columnspacing=1.2,
            borderaxespad=0,
            bbox_transform=fig.dpi_scale_trans,
            bbox_to_anchor=(0, 0),
        )
        if key.get_window_extent(renderer).width <= room or ncols == 1:
            return key
        key.remove()
    return None


def _legend_pad(key) -> float:
    """Inches between a legend's box and its first handle, so that the key lines up with the title."""
    return key.borderpad * key.prop.get_size_in_points() / 72


_WORDS = re.compile(r"[(（“《‘]*(?:[A-Za-z0-9,.%≥≤×'’/+-]+|[^\s])[,.;:)）”’，。、：；》]*|\s+")
# A Chinese phrase: everything up to and including the punctuation or space that ends it.
_PHRASES = re.compile(r"[^，；：、。\s]+[，；：、。）》”]*\s*|[，；：、。\s]+")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def wrap(text: str, room: float, size: float, renderer) -> str:
    """Break `text` into lines no wider than `room` pixels: between words in English; in Chinese after
    punctuation (，；：、) or a space, so that no word is split, and between characters only within a
    phrase too long for a line by itself (numbers and Latin words kept whole)."""
    from matplotlib.font_manager import FontProperties

    props = FontProperties(size=size)

    def width(chunk: str) -> float:
        return renderer.get_text_width_height_descent(chunk.strip(), props, ismath=False)[0]

    if _CJK.search(text):
        tokens = []
        for phrase in _PHRASES.findall(text):
            tokens += _WORDS.findall(phrase) if width(phrase) > room else [phrase]
    else:
        tokens = _WORDS.findall(text)
    lines, line = [], ""
    for token in tokens:
        candidate = line + token
        if line.strip() and width(candidate) > room:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line = candidate
    lines.append(line.rstrip())
    return "\n".join(lines)


def fit_value_labels(fig: plt.Figure, pad: float = 6.0) -> None:
    """Keep the numbers written beside marks inside their axes: a dot's number that runs past the right
    edge moves to the dot's left where it fits there; then each value axis is widened just enough for
    the numbers still on the right."""
    for attempt in range(5):
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        changed = False
        for ax in fig.axes:
            frame = ax.get_window_extent(renderer)
            if attempt == 0:
                _move_dot_labels_left(ax, frame, renderer, pad)
            marks = [t for t in ax.texts if t.get_gid() in (VALUE_LABEL, DOT_LABEL) and t.get_ha() == "left"]
            if marks:
                changed |= _widen(ax, frame, marks, renderer, pad)
        if not changed:
            return


def _move_dot_labels_left(ax: plt.Axes, frame, renderer, pad: float) -> None:
    for mark in ax.texts:
        box = mark.get_window_extent(renderer)
        if mark.get_gid() != DOT_LABEL or box.x1 <= frame.x1 - pad:
            continue
        offset = mark.xyann[0] * ax.figure.dpi / 72
        if box.x0 - 2 * offset - box.width >= frame.x0 + pad:  # room between the axes' left edge and the dot
            mark.xyann = (-mark.xyann[0], mark.xyann[1])
            mark.set_horizontalalignment("right")


def _widen(ax: plt.Axes, frame, marks: list[Text], renderer, pad: float) -> bool:
    """Move the axis' right limit out until every mark ends `pad` pixels inside the axes; True if it moved."""
    scale = ax.xaxis.get_transform()
    s0, s1 = scale.transform(np.array(ax.get_xlim()))
    needed = s1
    for mark in marks:
        box = mark.get_window_extent(renderer)
        anchor = scale.transform(np.array([mark.xy[0]]))[0]
        offset = box.x0 - frame.x0 - (anchor - s0) / (s1 - s0) * frame.width  # from the mark's value to its text
        free = frame.width - pad - box.width - offset
        if free <= 0:
            raise ValueError(f"no room for the value label {mark.get_text()!r}: shorten it or widen the chart")
        needed = max(needed, s0 + (anchor - s0) * frame.width / free)
    if needed - s1 <= 1e-9 * abs(s1 - s0):
        return False
    ax.set_xlim(ax.get_xlim()[0], scale.inverted().transform(np.array([needed]))[0])
    return True


def plotted(frame: pd.DataFrame, labels: Labels, **columns: Sequence) -> pd.DataFrame:
    """The data of a chart with its language's labels, for the CSV beside it.

    Every chart CSV has `ids`: the semicolon-separated ids of the data rows behind each plotted row
    (indicators.csv, derived.csv, events.csv). Pass `ids=` for aggregates; a frame with an `id`
    column gets it from there.
    """
    out = frame.assign(lang=labels.lang, **columns).reset_index(drop=True)
    if "ids" not in out:
        if "id" not in out:
            raise ValueError("a chart's data need `ids`: the ids of the data rows behind each plotted row")
        out = out.assign(ids=out["id"])
    return out


def timeline_layout(
    ax: plt.Axes, xs: Sequence, texts: Sequence[str | Sequence[str]], fontsize: float = 9
) -> list[tuple[int, str]]:
    """Height (positive above the line) and horizontal alignment of each label on a timeline, so that no
    label covers another label or another event's stem. Widths are measured with the figure's renderer.

    A text may be given in several versions (say Chinese and English): the widest one counts, so that
    every language gets the same layout. A depth-first search over heights and alignments, shallowest
    layout first; timelines are short.
    """
    renderer = ax.figure.canvas.get_renderer()
    stems = ax.transData.transform([(date2num(x), 0) for x in xs])[:, 0]
    versions = [[t] if isinstance(t, str) else list(t) for t in texts]
    widths = []
    for options in versions:
        probes = [ax.text(0, 0, t, fontsize=fontsize) for t in options]
        widths.append(max(p.get_window_extent(renderer).width for p in probes) + 12)  # a little air each side
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


def dot_lanes(ax: plt.Axes, xs: Sequence, size: float) -> list[int]:
    """Lane of each dot on a timeline (0 on the line, 1 just above it, …) so that dots closer than
    their own width do not cover one another: each dot takes the lowest lane whose last dot is clear.
    `size` is the dot's diameter in points."""
    ax.figure.canvas.draw()
    centres = ax.transData.transform([(date2num(x), 0) for x in xs])[:, 0]
    room = size * ax.figure.dpi / 72 + 2  # a diameter and a little air
    ends: list[float] = []  # the rightmost dot of each lane so far
    lanes = []
    for centre in centres:  # in date order
        lane = next((k for k, end in enumerate(ends) if centre - end >= room), len(ends))
        if lane == len(ends):
            ends.append(centre)
        else:
            ends[lane] = centre
        lanes.append(lane)
    return lanes


def month_names(
    ax: plt.Axes,
    months: Sequence[pd.Timestamp],
    names: Sequence[str],
    below: Sequence,
    above: Sequence,
    fontsize: float,
) -> None:
    """Month names on a timeline's line, each at the middle of its month: below the line unless an event's
    stem runs down through it there, then above (`below` and `above`: the dates of stems on each side)."""
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    stems = {
        side: ax.transData.transform([(date2num(d), 0) for d in dates])[:, 0]
        for side, dates in (("below", list(below)), ("above", list(above)))
        if len(dates)
    }
    for month, name in zip(months, names, strict=True):
        middle = month + (month + pd.offsets.MonthBegin(1) - month) / 2
        text = ax.annotate(
            name,
            (middle, 0),
            xytext=(0, -4),
            textcoords="offset points",
            ha="center",
            va="top",
            color=GREY,
            fontsize=fontsize,
            annotation_clip=False,
        )
        box = text.get_window_extent(renderer)
        crossed = any(box.x0 - 3 <= s <= box.x1 + 3 for s in stems.get("below", []))
        free_above = not any(box.x0 - 3 <= s <= box.x1 + 3 for s in stems.get("above", []))
        if crossed and free_above:
            text.xyann = (0, 4)
            text.set_verticalalignment("bottom")
