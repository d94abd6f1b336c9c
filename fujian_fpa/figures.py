"""Save a chart as deterministic PNG and SVG, with the CSV of exactly what it plots beside them."""

from collections.abc import Callable
import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from . import atomic, paths
from .labels import Labels

LANGUAGES = ("zh", "en")


def save(fig: plt.Figure, name: str, data: pd.DataFrame, lang: str, folder: Path = paths.FIGURES) -> list[Path]:
    """Write figures/<lang>/<name>.png, .svg and .csv; return the paths written.

    The PNG carries no software stamp and the SVG no date and a fixed hash salt, so that the same
    notebook run gives the same bytes.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    out = Path(folder) / lang
    out.mkdir(parents=True, exist_ok=True)
    png, svg, csv = (out / f"{name}.{ext}" for ext in ("png", "svg", "csv"))
    # Each file is written whole or not at all (a temporary file, then a rename).
    atomic.write_with(png, lambda tmp: fig.savefig(tmp, format="png", metadata={"Software": None}))
    with plt.rc_context({"svg.hashsalt": f"fujian-fpa-{name}"}):
        atomic.write_with(svg, lambda tmp: fig.savefig(tmp, format="svg", metadata={"Date": None}))
    atomic.write_with(csv, lambda tmp: data.to_csv(tmp, index=False, lineterminator="\n", encoding="utf-8"))
    written = [png, svg, csv]
    reference = os.environ.get("FUJIAN_FPA_REFERENCE_FIGURES")
    if reference:
        check_against(written, Path(reference) / lang)
    return written


class StaleFigureError(AssertionError):
    """A figure the notebook now makes differs from the committed one."""


def check_against(written: list[Path], reference: Path) -> None:
    """Under test, each figure must equal its committed copy byte for byte: a stale figure cannot land."""
    for path in written:
        committed = reference / path.name
        if not committed.is_file():
            raise StaleFigureError(f"{paths.relative(committed)} is missing; run `make figures` and commit it")
        if committed.read_bytes() != path.read_bytes():
            raise StaleFigureError(
                f"{paths.relative(committed)} differs from what the notebook makes now; run `make figures`"
            )


def bilingual(name: str, draw: Callable[[Labels], tuple[plt.Figure, pd.DataFrame]]) -> None:
    """Draw a chart once per language with that language's labels, save each, and show them.

    `draw(labels)` returns the figure and the exact data it plots; the data go beside the images.
    """
    from IPython.display import Image, display

    for lang in LANGUAGES:
        fig, data = draw(Labels(lang))
        png = save(fig, name, data, lang)[0]
        plt.close(fig)
        display(Image(filename=png))
