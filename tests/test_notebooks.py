"""What nbval does not check: every notebook is fully executed, clean, and says what it writes."""

import json
import re

import jupytext
import pytest

from fujian_fpa import catalog, data, findings, paths
from fujian_fpa.quantities import extract

ENTRIES = catalog.catalog()
NOTEBOOKS = [e.path for e in ENTRIES]
# Python warnings (UserWarning, FutureWarning, …) and matplotlib's missing-glyph message.
WARNING = re.compile(r"\b\w*Warning\b|Glyph \d+ .*missing from")


def code_cells(path):
    return catalog.cells(path, "code")


def test_there_is_a_notebook_per_theme():
    names = [p.stem for p in NOTEBOOKS]
    assert names == sorted(names) and len(names) >= 7
    themes = set(data.load_themes()["id"]) - {"overview"}
    covered = {t for t in themes if any(t.replace("_", "-") in n for n in names)}
    assert covered == themes


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_code_cell_was_executed_in_order(path):
    code = [c for c in code_cells(path) if catalog.source(c).strip()]
    counts = [c["execution_count"] for c in code]
    assert None not in counts, f"{path.name}: unexecuted code cells (nbval passes those silently)"
    assert counts == list(range(1, len(code) + 1)), f"{path.name}: not run top to bottom in one kernel"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_error_stderr_or_warning_output(path):
    for index, cell in enumerate(code_cells(path)):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"{path.name} cell {index}: error output"
            assert out.get("name") != "stderr", (
                f"{path.name} cell {index}: stderr: {''.join(out.get('text', ''))[:200]}"
            )
            text = json.dumps(out.get("data", {}).get("text/plain", "")) + "".join(out.get("text", ""))
            assert not WARNING.search(text), f"{path.name} cell {index}: warning in output"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_header_states_question_and_lists_every_file_written(entry):
    assert entry.question, f"{entry.name}: no **Question.** in the opening cell"
    assert entry.saves, f"{entry.name} makes no figure"
    assert sorted(entry.writes) == sorted(entry.saves), (
        f"{entry.name}: header lists {entry.writes}, code saves {entry.saves}"
    )
    for name in entry.saves:
        for lang in ("zh", "en"):
            for ext in ("png", "svg", "csv"):
                assert (paths.COMMITTED_FIGURES / lang / f"{name}.{ext}").is_file()


def test_figures_folder_holds_exactly_what_the_notebooks_write():
    declared = {
        f"{lang}/{name}.{ext}"
        for e in ENTRIES
        for name in e.writes
        for lang in ("zh", "en")
        for ext in ("png", "svg", "csv")
    }
    declared |= {f"{lang}/thumbs/{e.writes[0]}.png" for e in ENTRIES for lang in ("zh", "en")}  # headline figures
    present = {
        p.relative_to(paths.COMMITTED_FIGURES).as_posix() for p in paths.COMMITTED_FIGURES.rglob("*") if p.is_file()
    }
    assert present == declared, f"stale: {sorted(present - declared)}, missing: {sorted(declared - present)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_text_twin_is_in_sync(path):
    """Each notebook is paired with a py:percent file for readable diffs; the two must hold the same cells."""
    twin = path.with_suffix(".py")
    assert twin.is_file(), f"{path.name} has no py:percent twin"
    text = jupytext.read(twin)
    stored = jupytext.read(path)
    as_pairs = [(c.cell_type, c.source) for c in text.cells]
    assert as_pairs == [(c.cell_type, c.source) for c in stored.cells], (
        f"{twin.name} and {path.name} differ: run `jupytext --sync {path}`"
    )
    assert stored.metadata["jupytext"]["formats"] == "ipynb,py:percent"


def prose(path) -> str:
    if path.suffix == ".ipynb":
        return "\n\n".join(catalog.source(c) for c in catalog.cells(path, "markdown"))
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
    # Measured forms the article prints that are no figure of the association (the 50 of 50个典型案例之一).
    known |= {(float(m.value), m.unit) for text in data.load_exclusions()["text"] for m in extract(text) if m.measured}
    # The findings' own numbers are recomputed and compared word for word by tests/test_findings.py.
    known |= {(float(m.value), m.unit) for s in findings.table()["finding"] for m in extract(s) if m.measured}
    quoted = [m for m in extract(prose(path)) if m.measured]
    for m in quoted:
        assert (float(m.value), m.unit) in known, f"{path.name}: {m.text!r} is not a figure of the data"


def test_readme_gallery_and_output_table_match_the_notebooks():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    for entry in ENTRIES:
        assert f"](notebooks/{entry.path.name})" in readme, f"no gallery entry for {entry.path.name}"
        for name in entry.writes:
            row = f"| `figures/{{zh,en}}/{name}.{{png,svg,csv}}` | `notebooks/{entry.path.name}` |"
            assert row in readme, f"README's output table lacks {name}"
    for image in re.findall(r'<img src="([^"]+)"', readme):
        assert (paths.ROOT / image).is_file(), image
