"""The bundled CJK font as a web font, for the report and for JupyterLab on a machine with no CJK font.

The font serves only the CJK blocks of Unicode (its `unicode-range`), so it can be named first in
every font stack: Chinese is set in it, Latin letters in the stack's next font, and code stays
monospaced. The punctuation Chinese text shares with Latin (· — ‘ ’ “ ” …), the source's □ and
the ▲ of its photo captions are served too, so that a Chinese sentence keeps one font
(tests/test_report_render.py checks that the font holds each of these code points).

    python -m fujian_fpa.webfont build/jupyter   # what `make lab` runs: custom/custom.css and the font
"""

from pathlib import Path
import shutil
import sys

from .style import CJK_FONT_FILE

FAMILY = "Fujian FPA CJK"
RANGES = (
    "U+00B7, U+2014, U+2018-2019, U+201C-201D, U+2026, U+25A1, U+25B2, "
    "U+1100-11FF, U+2E80-2FDF, U+2FF0-30FF, U+3100-31FF, U+3200-33FF, U+3400-4DBF, U+4E00-9FFF, "
    "U+A960-A97F, U+AC00-D7AF, U+F900-FAFF, U+FE10-FE1F, U+FE30-FE4F, U+FF00-FFEF, U+20000-2FA1F"
)
# JupyterLab's own stacks (its theme's defaults), with the bundled font put first.
_LAB_STACKS = {
    "--jp-ui-font-family": "system-ui, -apple-system, 'Segoe UI', helvetica, arial, sans-serif",
    "--jp-content-font-family": "system-ui, -apple-system, 'Segoe UI', helvetica, arial, sans-serif",
    "--jp-code-font-family": "menlo, consolas, 'DejaVu Sans Mono', monospace",
    "--jp-code-font-family-default": "menlo, consolas, 'DejaVu Sans Mono', monospace",
}


def font_face(url: str) -> str:
    return f'@font-face {{ font-family: "{FAMILY}"; src: url("{url}") format("opentype"); unicode-range: {RANGES}; }}'


def lab_css() -> str:
    """JupyterLab's font variables, set on `body` so that they win over the theme's `:root` values."""
    variables = "\n".join(f'  {name}: "{FAMILY}", {stack};' for name, stack in _LAB_STACKS.items())
    return f"{font_face(CJK_FONT_FILE.name)}\nbody {{\n{variables}\n}}\n"


def write_lab_config(folder: Path) -> Path:
    """A Jupyter config folder whose custom/custom.css gives JupyterLab the bundled font; returns custom.css."""
    custom = Path(folder) / "custom"
    custom.mkdir(parents=True, exist_ok=True)
    font = custom / CJK_FONT_FILE.name
    if not font.is_file() or font.stat().st_size != CJK_FONT_FILE.stat().st_size:
        shutil.copyfile(CJK_FONT_FILE, font)
    css = custom / "custom.css"
    css.write_text(lab_css(), encoding="utf-8")
    return css


if __name__ == "__main__":
    print(write_lab_config(Path(sys.argv[1])))
