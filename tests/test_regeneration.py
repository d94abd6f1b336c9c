"""Run every notebook afresh: the figures and notebooks it makes must equal the committed ones, byte for byte."""

import pytest

from fujian_fpa import build, catalog, paths


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    root = tmp_path_factory.mktemp("regenerated")
    figures = root / "figures"
    results = [build.execute(nb, dest=root / nb.name, figures=figures) for nb in catalog.notebooks()]
    failed = [f"{r.notebook.name}: {r.error}" for r in results if r.error]
    assert not failed, failed
    return root


def files(folder):
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def test_committed_figures_are_what_the_notebooks_make(regenerated):
    made, committed = files(regenerated / "figures"), files(paths.COMMITTED_FIGURES)
    assert sorted(made) == sorted(committed), "figures/ holds stale or missing files: run `make figures`"
    stale = [name for name in made if made[name].read_bytes() != committed[name].read_bytes()]
    assert not stale, f"stale figures, run `make figures` and commit: {stale}"


def test_committed_notebooks_are_what_a_fresh_run_makes(regenerated):
    stale = [nb.name for nb in catalog.notebooks() if (regenerated / nb.name).read_bytes() != nb.read_bytes()]
    assert not stale, f"notebooks whose stored outputs are stale, run `make figures` and commit: {stale}"


def test_every_language_has_every_figure():
    zh = {p.name for p in (paths.COMMITTED_FIGURES / "zh").iterdir()}
    en = {p.name for p in (paths.COMMITTED_FIGURES / "en").iterdir()}
    assert zh == en and zh
