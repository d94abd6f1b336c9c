"""The build command: parallel, incremental, and a broken notebook fails by name leaving other outputs alone.

Small notebooks of the test's own stand in for the real ones, which nbval runs anyway.
"""

import os
from pathlib import Path
import subprocess
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_notebook
import pytest

from fujian_fpa import paths
from fujian_fpa.build import Stamps, shared_inputs

WRITE_FIGURE = """import os, pathlib
out = pathlib.Path(os.environ["FUJIAN_FPA_FIGURES"]) / "en"
out.mkdir(parents=True, exist_ok=True)
(out / "{name}.csv").write_text("x\\n1\\n")
print("wrote {name}")"""


def notebook(path: Path, *sources: str) -> Path:
    nbformat.write(new_notebook(cells=[new_code_cell(s) for s in sources]), path)
    return path


@pytest.fixture
def project(tmp_path):
    """Two notebooks and an existing figure, with the build pointed at the test's own folders."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    good = notebook(folder / "10-good.ipynb", WRITE_FIGURE.format(name="good"))
    broken = notebook(
        folder / "11-broken.ipynb", WRITE_FIGURE.format(name="broken"), "raise RuntimeError('broken on purpose')"
    )
    figures = tmp_path / "figures"
    (figures / "en").mkdir(parents=True)
    (figures / "en" / "broken.csv").write_bytes(b"old figure")
    env = os.environ | {"FUJIAN_FPA_FIGURES": str(figures), "FUJIAN_FPA_BUILD": str(tmp_path / "build")}

    def build(*args):
        command = [sys.executable, "-m", "fujian_fpa", "build", *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)

    return good, broken, figures, build


def test_a_build_in_three_runs(project):
    """Kernels are slow to start, so one scenario covers the command's promises in three runs."""
    good, broken, figures, build = project

    # 1. In parallel: the broken notebook fails by name and cell; its outputs stay as they were.
    before = broken.read_bytes()
    out = build("--jobs", "2", str(good), str(broken))
    assert out.returncode != 0
    assert f"{broken}: FAILED at cell 2 of 2: RuntimeError: broken on purpose" in out.stdout
    assert f"{good}: ok (" in out.stdout
    assert broken.read_bytes() == before, "the failed notebook was rewritten"
    assert (figures / "en" / "broken.csv").read_bytes() == b"old figure", "a failed notebook replaced a figure"
    assert (figures / "en" / "good.csv").read_text() == "x\n1\n"
    assert "wrote good" in good.read_text(encoding="utf-8"), "the good notebook was executed in place"

    # 2. Nothing changed: the good notebook is skipped, and the build says so.
    assert f"{good}: unchanged, skipped" in build(str(good)).stdout

    # 3. --force runs it all the same.
    assert f"{good}: ok (" in build("--force", str(good)).stdout


def test_a_changed_cell_or_a_missing_output_makes_a_notebook_stale(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    nb = notebook(tmp_path / "10-good.ipynb", "print(1)")
    figure = tmp_path / "figure.csv"
    figure.write_text("x\n", encoding="utf-8")
    stamps = Stamps()
    stamps.record(nb, [nb, figure])
    stamps.save()
    assert Stamps().fresh(nb)
    figure.write_text("y\n", encoding="utf-8")
    assert not Stamps().fresh(nb), "a changed output must trigger a rebuild"
    figure.write_text("x\n", encoding="utf-8")
    assert Stamps().fresh(nb)
    notebook(nb, "print(2)")
    assert not Stamps().fresh(nb), "a changed cell must trigger a rebuild"


def test_shared_inputs_cover_data_package_and_requirements():
    inputs = {p.relative_to(paths.ROOT).as_posix() for p in shared_inputs()}
    assert {"data/indicators.csv", "data/raw/000_b5693f90e40b923b.txt", "fujian_fpa/quantities.py"} <= inputs
    assert "requirements.txt" in inputs and "data/fujian_fpa_2021.xlsx" not in inputs
