"""Every chart the notebooks draw, drawn afresh and inspected before anything is saved: no bar on a log
axis, a finding title, a unit subtitle and a source line, Chinese punctuation in Chinese, and a CSV
whose `ids` name real data rows."""

import functools
import re

import jupytext
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest

from fujian_fpa import catalog, charts, data, derived, figures, layout
from fujian_fpa.labels import Labels

# Half-width punctuation touching a Chinese character: what a Chinese label must not contain.
HALF_WIDTH_IN_CHINESE = re.compile(r"[\u4e00-\u9fff][(),:;]|[(),:;][\u4e00-\u9fff]")


@functools.cache
def drawn(path):
    """Run a notebook's code in this process with `figures.save` replaced by a recorder: nothing is written."""
    saved = []

    def record(fig, name, frame, lang, folder=None, fmt=charts.FULL):
        saved.append((name, lang, fmt, fig, frame))
        return []

    namespace = {"__name__": "__notebook__"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(figures, "save", record)
        patch.setattr(plt, "close", lambda fig=None: None)  # keep the figures for inspection
        patch.chdir(path.parent)
        patch.setattr(figures, "_show", lambda written: None)
        for cell in jupytext.read(path.with_suffix(".py")).cells:
            if cell.cell_type == "code":
                exec(compile(cell.source, str(path), "exec"), namespace)
    return saved


@pytest.fixture(scope="module")
def known_ids():
    ids = set(data.load_indicators()["id"]) | set(derived.compute()["id"]) | set(data.load_events()["id"])
    return ids


@pytest.mark.parametrize("entry", catalog.catalog(), ids=lambda e: e.name)
def test_every_chart_meets_the_standard(entry, known_ids):
    saved = drawn(entry.path)
    names = {name for name, *_ in saved}
    assert names == set(entry.writes)
    thumbs = {name for name, _, fmt, *_ in saved if fmt is charts.THUMB}
    assert thumbs == {entry.writes[0]}, "the headline chart, and only it, has a thumbnail"
    for name, lang, fmt, fig, frame in saved:
        where = f"{name} ({lang}, {fmt.name})"
        assert not layout.bars_on_log_axes(fig), f"{where}: bars on a log axis"
        layout.check(fig, fmt.dpi)
        texts = [t.get_text() for t in fig.texts]  # title, subtitle, then notes and the source line
        assert len(texts) >= (2 if fmt.compact else 3), f"{where}: no title, subtitle or footer"
        if not fmt.compact:
            assert texts[-1] == Labels(lang).source().strip(), f"{where}: the footer is not the source line"
        if lang == "zh":
            every = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
            bad = [t for t in every if HALF_WIDTH_IN_CHINESE.search(t)]
            assert not bad, f"{where}: half-width punctuation in Chinese: {bad}"
        assert "ids" in frame, f"{where}: the CSV has no ids column"
        for cell in frame["ids"]:
            unknown = {i for i in str(cell).split(";") if i} - known_ids
            assert not unknown, f"{where}: ids not in the data: {unknown}"


def test_the_timeline_has_the_same_layout_in_both_languages():
    entry = next(e for e in catalog.catalog() if "05_timeline" in e.writes)
    frames = {lang: frame for name, lang, fmt, _, frame in drawn(entry.path) if fmt is charts.FULL}
    assert frames["zh"]["height"].tolist() == frames["en"]["height"].tolist()
    assert len(set(frames["en"]["height"])) > 1, "the labels of close events sit at different heights"
