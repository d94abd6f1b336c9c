"""The checks a chart must pass before it is saved: every text readable, inside the canvas, clear of
every other text, no dot hidden under another, and no bar on a log axis.

`figures.save` runs `check` on every figure it writes, so under `make figures` and under nbval a
broken chart fails the cell that draws it instead of landing in figures/.
"""

from itertools import combinations

from matplotlib.axis import Axis
from matplotlib.collections import PathCollection
from matplotlib.patches import Rectangle
import matplotlib.pyplot as plt
from matplotlib.text import Text
from matplotlib.transforms import Bbox
import numpy as np

# No text may be drawn smaller than this many pixels (its font size) at the resolution it is saved at.
MIN_TEXT_PX = 11.0
# Boxes may touch by this many pixels before they count as overlapping (antialiasing, rounding).
TOLERANCE_PX = 0.5


class LayoutError(ValueError):
    """A chart whose texts collide, leave the canvas or are too small to read, or that has bars on a log axis."""


def check(fig: plt.Figure, dpi: float) -> None:
    """Raise LayoutError naming every problem of `fig` as it would be saved at `dpi`."""
    problems = bars_on_log_axes(fig)
    # Text does not scale exactly with resolution (glyphs are hinted to the pixel grid): measure at the
    # resolution the figure is saved at, or a line that fits at 100 dpi may run off the canvas at 150.
    fig.set_dpi(dpi)
    fig.canvas.draw()  # runs the layout engine: positions are final
    renderer = fig.canvas.get_renderer()
    texts = drawn_texts(fig)
    boxes = [t.get_window_extent(renderer) for t in texts]
    canvas = Bbox.from_bounds(0, 0, *fig.canvas.get_width_height())
    scale = dpi / fig.dpi
    for text, box in zip(texts, boxes, strict=True):
        if (
            box.x0 < canvas.x0 - TOLERANCE_PX
            or box.y0 < canvas.y0 - TOLERANCE_PX
            or box.x1 > canvas.x1 + TOLERANCE_PX
            or box.y1 > canvas.y1 + TOLERANCE_PX
        ):
            problems.append(f"{_name(text)} extends beyond the canvas")
        pixels = text.get_fontsize() * dpi / 72
        if pixels < MIN_TEXT_PX:
            problems.append(f"{_name(text)} is {pixels:.1f} px high, below {MIN_TEXT_PX:g} px")
    for (a, box_a), (b, box_b) in combinations(zip(texts, boxes, strict=True), 2):
        width = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
        height = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
        if min(width, height) * scale > TOLERANCE_PX:
            problems.append(f"{_name(a)} overlaps {_name(b)}")
    problems += overlapping_markers(fig)
    if problems:
        raise LayoutError("the chart is not fit to save:\n  " + "\n  ".join(problems))


def overlapping_markers(fig: plt.Figure) -> list[str]:
    """Dots (scatter and strip markers) of one axes that cover one another: a hidden dot is a lost event.
    Call after the figure is drawn; sizes are marker areas in points², as matplotlib keeps them."""
    problems = []
    for ax in fig.axes:
        dots = []
        for collection in ax.collections:
            if not isinstance(collection, PathCollection) or not collection.get_visible():
                continue
            centres = collection.get_offset_transform().transform(collection.get_offsets())
            sizes = np.broadcast_to(collection.get_sizes(), (len(centres),)) if len(collection.get_sizes()) else []
            for centre, size in zip(centres, sizes, strict=True):
                if np.isfinite(centre).all():
                    dots.append((centre, np.sqrt(size) / 2 * fig.dpi / 72))
        for (a, ra), (b, rb) in combinations(dots, 2):
            if np.hypot(*(a - b)) < ra + rb - TOLERANCE_PX:
                problems.append(f"two dots overlap at ({a[0]:.0f}, {a[1]:.0f}) and ({b[0]:.0f}, {b[1]:.0f}) px")
    return problems


def bars_on_log_axes(fig: plt.Figure) -> list[str]:
    """Bars on a log axis have no meaningful length: name every axes that has them."""
    problems = []
    for ax in fig.axes:
        scales = {ax.get_xscale(), ax.get_yscale()}
        if scales == {"linear"}:
            continue
        bars = {id(p) for p in ax.patches if isinstance(p, Rectangle)}
        bars |= {id(b) for c in ax.containers for b in getattr(c, "patches", [])}  # BarContainer
        if bars:
            title = ax.get_title() or ax.get_xlabel() or "an axes"
            problems.append(f"{len(bars)} bars on a log-scaled axis ({title!r})")
    return problems


def drawn_texts(fig: plt.Figure) -> list[Text]:
    """Every text the figure draws: titles, labels, annotations, legend entries and the tick labels in view."""
    ticks = set()
    in_view = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            ticks |= {id(t) for tick in (*axis.majorTicks, *axis.minorTicks) for t in (tick.label1, tick.label2)}
            if ax.get_visible() and ax.axison:
                in_view += tick_labels(axis)
    others = [t for t in fig.findobj(Text) if id(t) not in ticks and _shown(t)]
    return list(dict.fromkeys(others + in_view))


def tick_labels(axis: Axis) -> list[Text]:
    """The tick labels an axis draws: visible, non-empty and inside its view."""
    if not axis.get_visible():
        return []
    low, high = sorted(axis.get_view_interval())
    slack = (high - low) * 1e-9
    labels = []
    # Only as many ticks as there are locations are drawn; any further ones hold stale positions.
    major = axis.get_major_ticks(len(axis.get_majorticklocs()))
    minor = axis.get_minor_ticks(len(axis.get_minorticklocs()))
    for tick in (*major, *minor):
        if tick.get_visible() and low - slack <= tick.get_loc() <= high + slack:
            labels += [label for label in (tick.label1, tick.label2) if _shown(label)]
    return labels


def _shown(text: Text) -> bool:
    hidden_axes = text.axes is not None and not text.axes.get_visible()
    return text.get_visible() and bool(text.get_text().strip()) and not hidden_axes


def _name(text: Text) -> str:
    content = " ".join(text.get_text().split())
    return repr(content if len(content) <= 48 else content[:45] + "…")
