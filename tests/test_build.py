"""The build command: parallel, incremental, and a broken notebook fails by name leaving other outputs alone.

Small notebooks of the test's own stand in for the real ones, which nbval runs anyway.
"""

import os
from pathlib import Path
import shutil
import signal
import subprocess
import sys
import time

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
    dies = notebook(folder / "12-dies.ipynb", "print('alive')", "import os\nos._exit(1)")
    figures = tmp_path / "figures"
    (figures / "en").mkdir(parents=True)
    (figures / "en" / "broken.csv").write_bytes(b"old figure")
    env = os.environ | {"FUJIAN_FPA_FIGURES": str(figures), "FUJIAN_FPA_BUILD": str(tmp_path / "build")}

    def build(*args, wait=True):
        command = [sys.executable, "-m", "fujian_fpa", "build", *args]
        if not wait:
            return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        return subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)

    return good, broken, dies, figures, build


def no_traceback(out) -> None:
    assert "Traceback" not in out.stdout + out.stderr, out.stderr


def test_a_build_in_three_runs(project):
    """Kernels are slow to start, so one scenario covers the command's promises in three runs."""
    good, broken, dies, figures, build = project

    # 1. In parallel: the broken notebook fails by name and cell (numbered as nbval numbers them),
    # a dying kernel fails its own notebook only, and their outputs stay as they were.
    before = broken.read_bytes(), dies.read_bytes()
    out = build("--jobs", "2", str(good), str(broken), str(dies))
    assert out.returncode == 1
    no_traceback(out)
    assert f"{broken}: FAILED at Cell 1: RuntimeError: broken on purpose" in out.stdout
    assert f"{dies}: FAILED at Cell 1: the kernel died" in out.stdout
    assert f"{good}: ok (" in out.stdout
    assert out.stderr.splitlines() == ["error: 2 notebook(s) failed; the outputs of those were left as they were"]
    assert (broken.read_bytes(), dies.read_bytes()) == before, "a failed notebook was rewritten"
    assert (figures / "en" / "broken.csv").read_bytes() == b"old figure", "a failed notebook replaced a figure"
    assert (figures / "en" / "good.csv").read_text() == "x\n1\n"
    assert "wrote good" in good.read_text(encoding="utf-8"), "the good notebook was executed in place"

    # 2. Nothing changed: the good notebook is skipped, and the build says so.
    assert f"{good}: unchanged, skipped" in build(str(good)).stdout

    # 3. --force runs it all the same; here a figure folder that cannot be written to fails the
    # notebook in one line, the notebook and its figures are left as they were, and no temporary
    # file stays behind.
    shutil.rmtree(figures / "en")
    (figures / "en").write_bytes(b"not a folder")
    before = good.read_bytes()
    out = build("--force", str(good))
    no_traceback(out)
    assert out.returncode == 1 and f"{good}: FAILED writing its outputs: " in out.stdout
    assert good.read_bytes() == before and (figures / "en").read_bytes() == b"not a folder"
    assert not [p for p in good.parent.parent.rglob(".*") if p.is_file()]


def test_ctrl_c_stops_with_one_line_and_exit_130(project, tmp_path):
    folder = project[0].parent
    started = tmp_path / "started"
    slow = notebook(folder / "13-slow.ipynb", f"open({str(started)!r}, 'w').close()\nimport time\ntime.sleep(120)")
    before = slow.read_bytes()
    process = project[-1](str(slow), wait=False)
    deadline = time.monotonic() + 120
    while not started.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert "Traceback" not in out + err, err
    assert process.returncode == 130
    assert err.strip().splitlines() == ["interrupted: files not yet complete were left as they were"]
    assert slow.read_bytes() == before


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


def test_a_sync_writes_the_twins_exactly_as_committed(tmp_path):
    """jupytext reads its settings from pyproject.toml, as JupyterLab's save does: a sync changes nothing."""
    shutil.copy(paths.ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "notebooks").mkdir()
    copies = [shutil.copy(nb, tmp_path / "notebooks") for nb in sorted(paths.NOTEBOOKS.glob("*.ipynb"))]
    from jupytext.cli import jupytext as jupytext_command  # in process: a kernel-free test should be quick

    jupytext_command(["--sync", "--quiet", *map(str, copies)])
    for copy in map(Path, copies):
        assert copy.read_bytes() == (paths.NOTEBOOKS / copy.name).read_bytes(), f"a sync rewrote {copy.name}"
        twin = copy.with_suffix(".py")
        assert twin.read_bytes() == (paths.NOTEBOOKS / twin.name).read_bytes(), f"a sync rewrote {twin.name}"
