"""What nbval does not check: every notebook is fully executed, clean, and says what it writes."""

import json
import re

import pytest

from fujian_fpa import build, data, paths
from fujian_fpa.quantities import extract

NOTEBOOKS = build.notebooks()
# Python warnings (UserWarning, FutureWarning, …) and matplotlib's missing-glyph message.
WARNING = re.compile(r"\b\w*Warning\b|Glyph \d+ .*missing from")


def cells(path, kind):
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [c for c in nb["cells"] if c["cell_type"] == kind]


def source(cell) -> str:
    return "".join(cell["source"])


def test_there_is_a_notebook_per_theme():
    names = [p.stem for p in NOTEBOOKS]
    assert names == sorted(names) and len(names) >= 7
    themes = set(data.load_themes()["id"]) - {"overview"}
    covered = {t for t in themes if any(t.replace("_", "-") in n for n in names)}
    assert covered == themes


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_code_cell_was_executed_in_order(path):
    code = [c for c in cells(path, "code") if source(c).strip()]
    counts = [c["execution_count"] for c in code]
    assert None not in counts, f"{path.name}: unexecuted code cells (nbval passes those silently)"
    assert counts == list(range(1, len(code) + 1)), f"{path.name}: not run top to bottom in one kernel"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_error_stderr_or_warning_output(path):
    for index, cell in enumerate(cells(path, "code")):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"{path.name} cell {index}: error output"
            assert out.get("name") != "stderr", (
                f"{path.name} cell {index}: stderr: {''.join(out.get('text', ''))[:200]}"
            )
            text = json.dumps(out.get("data", {}).get("text/plain", "")) + "".join(out.get("text", ""))
            assert not WARNING.search(text), f"{path.name} cell {index}: warning in output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_header_states_question_and_lists_every_file_written(path):
    header = source(cells(path, "markdown")[0])
    assert "**Question.**" in header and "**Writes**" in header
    listed = set(re.findall(r"figures/\{zh,en\}/([\w-]+)\.\{png,svg,csv\}", header))
    saved = set(re.findall(r'figures\.bilingual\("([\w-]+)"', "".join(source(c) for c in cells(path, "code"))))
    assert saved, f"{path.name} makes no figure"
    assert listed == saved, f"{path.name}: header lists {sorted(listed)}, code saves {sorted(saved)}"
    for name in saved:
        for lang in ("zh", "en"):
            for ext in ("png", "svg", "csv"):
                assert (paths.COMMITTED_FIGURES / lang / f"{name}.{ext}").is_file()


def prose(path) -> str:
    if path.suffix == ".ipynb":
        return "\n\n".join(source(c) for c in cells(path, "markdown"))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "path",
    [*NOTEBOOKS, paths.ROOT / "README.md", paths.DATA / "README.md"],
    ids=lambda p: p.relative_to(paths.ROOT).as_posix(),
)
def test_figures_quoted_in_prose_match_the_data(path):
    indicators = data.load_indicators()
    known = {(row.value, row.unit) for row in indicators.itertuples()}
    known |= {(row.value_max, row.unit) for row in indicators.dropna(subset=["value_max"]).itertuples()}
    quoted = [m for m in extract(prose(path)) if m.measured]
    for m in quoted:
        assert (float(m.value), m.unit) in known, f"{path.name}: {m.text!r} is not a figure of the data"


def test_readme_gallery_and_output_table_match_the_notebooks():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert f"](notebooks/{path.name})" in readme, f"no gallery entry for {path.name}"
        header = source(cells(path, "markdown")[0])
        for name in re.findall(r"figures/\{zh,en\}/([\w-]+)\.\{png,svg,csv\}", header):
            row = f"| `figures/{{zh,en}}/{name}.{{png,svg,csv}}` | `notebooks/{path.name}` |"
            assert row in readme, f"README's output table lacks {name}"
    for image in re.findall(r'<img src="([^"]+)"', readme):
        assert (paths.ROOT / image).is_file(), image
