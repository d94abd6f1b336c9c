"""The build command: a broken notebook fails loudly, by name and cell, and leaves every other output alone."""

import json
import os
from pathlib import Path
import shutil
import subprocess
import sys

from fujian_fpa import catalog


def test_a_broken_notebook_fails_by_name_and_leaves_outputs_untouched(tmp_path):
    good = catalog.notebooks()[1]
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(good, folder / good.name)
    nb = json.loads(good.read_text(encoding="utf-8"))
    index = [i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"][1]
    nb["cells"][index]["source"] = ["raise RuntimeError('broken on purpose')\n"]
    broken = folder / "99-broken.ipynb"
    broken.write_text(json.dumps(nb), encoding="utf-8")
    figures = tmp_path / "figures"
    (figures / "en").mkdir(parents=True)
    sentinel = figures / "en" / "01_sites_and_honours.png"
    sentinel.write_bytes(b"old figure")
    before = broken.read_bytes()

    env = os.environ | {"FUJIAN_FPA_FIGURES": str(figures)}
    out = subprocess.run(
        [sys.executable, "-m", "fujian_fpa", "build", str(broken)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert out.returncode != 0
    assert (
        f"99-broken.ipynb: FAILED at cell {index + 1} of {len(nb['cells'])}: RuntimeError: broken on purpose"
        in out.stdout
    )
    assert broken.read_bytes() == before, "the failed notebook was rewritten"
    assert sentinel.read_bytes() == b"old figure", "a failed notebook replaced a figure"
    assert [p.name for p in figures.rglob("*") if p.is_file()] == [sentinel.name]


def test_build_names_every_notebook_with_its_time(tmp_path):
    notebook = Path(shutil.copy(catalog.notebooks()[5], tmp_path / catalog.notebooks()[5].name))
    env = os.environ | {"FUJIAN_FPA_FIGURES": str(tmp_path / "figures")}
    out = subprocess.run(
        [sys.executable, "-m", "fujian_fpa", "build", str(notebook)], capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stderr
    assert f"{notebook}: ok (" in out.stdout
    assert (tmp_path / "figures" / "zh" / "05_timeline.png").is_file()
