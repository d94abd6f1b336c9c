"""One call to make every chart of the project look alike and draw Chinese text."""

from importlib.resources import files

import matplotlib as mpl
from matplotlib import font_manager
import pandas as pd
import seaborn as sns

# The mplfonts wheel ships this font; registering the file avoids `mplfonts init`, which rewrites
# matplotlib's own folders.
CJK_FONT_FILE = files("mplfonts") / "fonts" / "NotoSansCJKsc-Regular.otf"

# One colour per theme, the same in every notebook (colour-blind-safe Okabe–Ito hues).
THEME_COLOURS = {
    "special_families": "#0072B2",
    "targeted_assistance": "#E69F00",
    "family_health": "#009E73",
    "services": "#CC79A7",
    "overview": "#999999",
}
# For marks that stand for no theme (counts of the project's own files): a grey darker than the overview's.
NEUTRAL = "#4D4D4D"
THEME_ORDER = ["special_families", "targeted_assistance", "family_health", "services", "overview"]


def cjk_font_name() -> str:
    """Register the bundled CJK font with matplotlib and return its family name."""
    font_manager.fontManager.addfont(str(CJK_FONT_FILE))
    return font_manager.FontProperties(fname=str(CJK_FONT_FILE)).get_name()


def display_number(value: float) -> str:
    """How tables show a number: whole numbers with separators, others to four decimals."""
    if value != value:  # NaN
        return "NaN"
    if value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.4f}".rstrip("0")


def set_style() -> None:
    """Charts and tables alike for every notebook.

    The seaborn theme carries the CJK font inside its rc, so that a later set_theme cannot drop it;
    tables show 144,960,000 rather than 1.449600e+08.
    """
    pd.set_option("display.float_format", display_number)
    pd.set_option("display.max_colwidth", None)  # a quote or a description in full, never cut with "..."
    family = cjk_font_name()
    rc = {
        "font.family": "sans-serif",
        "font.sans-serif": [family, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "svg.hashsalt": "fujian-fpa",
        "svg.fonttype": "path",
        "figure.constrained_layout.use": True,
    }
    sns.set_theme(context="notebook", style="whitegrid", font="sans-serif", rc=rc)
    mpl.rcParams.update(rc)
