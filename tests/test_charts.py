"""Every chart the notebooks draw, drawn afresh and inspected before anything is saved: no bar on a log
axis, a finding title, a unit subtitle and a source line, Chinese punctuation in Chinese, and a CSV
whose `ids` name real data rows."""

from dataclasses import dataclass
import functools
import re

import jupytext
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from fujian_fpa import catalog, charts, data, derived, figures, layout
from fujian_fpa.labels import Labels

# Half-width punctuation touching a Chinese character: what a Chinese label must not contain.
HALF_WIDTH_IN_CHINESE = re.compile(r"[\u4e00-\u9fff][(),:;]|[(),:;][\u4e00-\u9fff]")


def squeeze(text: str) -> str:
    """A text without its spaces and line breaks, as it reads however it was wrapped."""
    return "".join(text.split())


@dataclass
class Drawn:
    """What a test needs of one chart, taken before the figure is closed."""

    name: str
    lang: str
    fmt: charts.Format
    bars_on_log_axes: list[str]
    layout_problem: str | None
    framing: list[str]  # title, subtitle, then notes and the source line
    texts: list[str]  # every text of the figure
    frame: pd.DataFrame


def inspect(fig, name, frame, lang, fmt) -> Drawn:
    try:
        layout.check(fig, fmt.dpi)
        problem = None
    except layout.LayoutError as error:
        problem = str(error)
    every = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    framing = [t.get_text() for t in fig.texts]
    return Drawn(name, lang, fmt, layout.bars_on_log_axes(fig), problem, framing, every, frame)


@functools.cache
def drawn(path) -> list[Drawn]:
    """Run a notebook's code in this process with `figures.save` replaced by an inspection: nothing is written."""
    saved = []

    def record(fig, name, frame, lang, folder=None, fmt=charts.FULL):
        saved.append(inspect(fig, name, frame, lang, fmt))
        return []

    namespace = {"__name__": "__notebook__"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(figures, "save", record)
        patch.setattr(figures, "_show", lambda written: None)
        patch.chdir(path.parent)
        for cell in jupytext.read(path.with_suffix(".py")).cells:
            if cell.cell_type == "code":
                exec(compile(cell.source, str(path), "exec"), namespace)
    plt.close("all")
    return saved


@pytest.fixture(scope="module")
def known_ids():
    ids = set(data.load_indicators()["id"]) | set(derived.compute()["id"]) | set(data.load_events()["id"])
    return ids


@pytest.mark.parametrize("entry", catalog.catalog(), ids=lambda e: e.name)
def test_every_chart_meets_the_standard(entry, known_ids):
    saved = drawn(entry.path)
    assert {d.name for d in saved} == set(entry.writes)
    thumbs = {d.name for d in saved if d.fmt is charts.THUMB}
    assert thumbs == {entry.writes[0]}, "the headline chart, and only it, has a thumbnail"
    for d in saved:
        where = f"{d.name} ({d.lang}, {d.fmt.name})"
        assert not d.bars_on_log_axes, f"{where}: {d.bars_on_log_axes}"
        assert d.layout_problem is None, f"{where}: {d.layout_problem}"
        assert len(d.framing) >= 3, f"{where}: no title, subtitle or footer"
        assert squeeze(d.framing[-1]) == squeeze(Labels(d.lang).source()), f"{where}: the footer is no source line"
        if d.lang == "zh":
            bad = [t for t in d.texts if HALF_WIDTH_IN_CHINESE.search(t)]
            assert not bad, f"{where}: half-width punctuation in Chinese: {bad}"
        assert "ids" in d.frame, f"{where}: the CSV has no ids column"
        for cell in d.frame["ids"]:
            unknown = {i for i in str(cell).split(";") if i} - known_ids
            assert not unknown, f"{where}: ids not in the data: {unknown}"


def test_the_timeline_has_the_same_layout_in_both_languages():
    entry = next(e for e in catalog.catalog() if "05_timeline" in e.writes)
    frames = {d.lang: d.frame for d in drawn(entry.path) if d.fmt is charts.FULL}
    assert frames["zh"]["height"].tolist() == frames["en"]["height"].tolist()
    assert len(set(frames["en"]["height"])) > 1, "the labels of close events sit at different heights"
