"""Save a chart as deterministic PNG and SVG, with the CSV of exactly what it plots beside them.

Nothing is written until the chart passes `layout.check`: texts inside the canvas, none over another,
none too small to read at the saved resolution, and no bar on a log axis.

Where files go: figures/<lang>/<name>.png, .svg, .csv for every chart, and for a notebook's headline
chart also figures/<lang>/thumbs/<name>.png, the same finding drawn for about 400 px wide (the README
gallery and the report's index show those).
"""

from collections.abc import Callable
import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from . import atomic, layout, paths
from .charts import FULL, THUMB, Format
from .labels import Labels

LANGUAGES = ("zh", "en")
THUMBS = "thumbs"


def save(
    fig: plt.Figure,
    name: str,
    data: pd.DataFrame,
    lang: str,
    folder: Path = paths.FIGURES,
    fmt: Format = FULL,
) -> list[Path]:
    """Check the chart's layout, then write figures/<lang>/<name>.png, .svg and .csv; return the paths written.

    A thumbnail (`fmt=THUMB`) is one PNG in figures/<lang>/thumbs/. The PNG carries no software stamp
    and the SVG no date and a fixed hash salt, so that the same notebook run gives the same bytes.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    if "ids" not in data:
        raise ValueError(f"{name}: the chart's data need an `ids` column (the data rows behind each plotted row)")
    layout.check(fig, fmt.dpi)
    out = Path(folder) / lang
    # Each file is written whole or not at all (a temporary file, then a rename).
    if fmt is THUMB:
        (out / THUMBS).mkdir(parents=True, exist_ok=True)
        png = out / THUMBS / f"{name}.png"
        atomic.write_with(png, lambda tmp: fig.savefig(tmp, format="png", dpi=fmt.dpi, metadata={"Software": None}))
        written = [png]
    else:
        out.mkdir(parents=True, exist_ok=True)
        png, svg, csv = (out / f"{name}.{ext}" for ext in ("png", "svg", "csv"))
        atomic.write_with(png, lambda tmp: fig.savefig(tmp, format="png", dpi=fmt.dpi, metadata={"Software": None}))
        with plt.rc_context({"svg.hashsalt": f"fujian-fpa-{name}"}):
            atomic.write_with(svg, lambda tmp: fig.savefig(tmp, format="svg", metadata={"Date": None}))
        atomic.write_with(csv, lambda tmp: data.to_csv(tmp, index=False, lineterminator="\n", encoding="utf-8"))
        written = [png, svg, csv]
    reference = os.environ.get("FUJIAN_FPA_REFERENCE_FIGURES")
    if reference:
        check_against(written, Path(reference) / lang, Path(folder) / lang)
    return written


class StaleFigureError(AssertionError):
    """A figure the notebook now makes differs from the committed one."""


def check_against(written: list[Path], reference: Path, root: Path | None = None) -> None:
    """Under test, each figure must equal its committed copy byte for byte: a stale figure cannot land.

    `root` is the folder `written` lie under (their paths below it are kept); by default, their own folders.
    """
    for path in written:
        committed = reference / (path.relative_to(root) if root else Path(path.name))
        if not committed.is_file():
            raise StaleFigureError(f"{paths.relative(committed)} is missing; run `make figures` and commit it")
        if committed.read_bytes() != path.read_bytes():
            raise StaleFigureError(
                f"{paths.relative(committed)} differs from what the notebook makes now; run `make figures`"
            )


def bilingual(
    name: str, draw: Callable[[Labels, Format], tuple[plt.Figure, pd.DataFrame]], thumbnail: bool = False
) -> None:
    """Draw a chart once per language with that language's labels, save each, and show them.

    `draw(labels, fmt)` returns the figure and the exact data it plots; the data go beside the images.
    With `thumbnail=True` (a notebook's headline chart) it is drawn once more per language at `THUMB` size.
    """
    for lang in LANGUAGES:
        for fmt in (FULL, THUMB) if thumbnail else (FULL,):
            fig, data = draw(Labels(lang), fmt)
            written = save(fig, name, data, lang, fmt=fmt)
            plt.close(fig)
            if fmt is FULL:
                _show(written)


def _show(written: list[Path]) -> None:
    """Show the PNG just written in the notebook."""
    from IPython.display import Image, display

    display(Image(filename=written[0]))
