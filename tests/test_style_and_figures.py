"""The chart style draws Chinese, and saving a chart twice gives the same bytes."""

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.image
import matplotlib.pyplot as plt
import pandas as pd
import pytest
import seaborn as sns

from fujian_fpa import charts, figures, style


def draw_chinese():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar(["幸福工程", "安居工程"], [1, 2])
    ax.set_title("投入资金(万元)")
    fig.canvas.draw()
    return fig


def test_chinese_labels_render_without_missing_glyphs():
    style.set_style()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plt.close(draw_chinese())


def test_the_font_is_part_of_the_theme():
    style.set_style()
    family = style.cjk_font_name()
    assert plt.rcParams["font.sans-serif"][0] == family == "Noto Sans CJK SC"
    sns.set_theme()  # a later plain set_theme drops the font: that is why set_style must be called last
    assert plt.rcParams["font.sans-serif"][0] != family
    style.set_style()
    assert plt.rcParams["font.sans-serif"][0] == family


def test_save_is_deterministic(tmp_path, monkeypatch):
    monkeypatch.delenv("FUJIAN_FPA_REFERENCE_FIGURES", raising=False)  # "demo" has no committed copy
    style.set_style()
    data = pd.DataFrame({"ids": ["ta_happiness_funds", "ta_housing_funds"], "value": [1, 2]})
    outputs = []
    for run in ("a", "b"):
        fig = draw_chinese()
        written = figures.save(fig, "demo", data, "zh", folder=tmp_path / run)
        plt.close(fig)
        outputs.append([p.read_bytes() for p in written])
    assert outputs[0] == outputs[1]
    png, svg, csv = outputs[0]
    assert b"Software" not in png and b"matplotlib" not in png.lower()
    assert b"<dc:date>" not in svg
    assert csv.decode("utf-8").splitlines() == ["ids,value", "ta_happiness_funds,1", "ta_housing_funds,2"]


def test_a_thumbnail_is_one_png_in_thumbs(tmp_path, monkeypatch):
    monkeypatch.delenv("FUJIAN_FPA_REFERENCE_FIGURES", raising=False)
    style.set_style()
    fig = draw_chinese()
    fig.set_size_inches(charts.THUMB.width, 2)
    written = figures.save(fig, "demo", pd.DataFrame({"ids": []}), "zh", folder=tmp_path, fmt=charts.THUMB)
    plt.close(fig)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["zh/thumbs/demo.png"]
    assert matplotlib.image.imread(written[0]).shape[1] == 400


def test_save_rejects_an_unknown_language(tmp_path):
    with pytest.raises(ValueError, match="lang"):
        figures.save(plt.figure(), "x", pd.DataFrame(), "fr", folder=tmp_path)


def test_a_figure_that_differs_from_its_committed_copy_fails(tmp_path):
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "demo.csv").write_text("old\n", encoding="utf-8")
    written = tmp_path / "demo.csv"
    written.write_text("new\n", encoding="utf-8")
    with pytest.raises(figures.StaleFigureError, match="differs"):
        figures.check_against([written], reference)
    with pytest.raises(figures.StaleFigureError, match="missing"):
        figures.check_against([tmp_path / "other.csv"], reference)
    (reference / "demo.csv").write_text("new\n", encoding="utf-8")
    figures.check_against([written], reference)


def test_timeline_labels_never_cover_each_other_or_a_stem():
    from fujian_fpa import charts

    fig, ax = plt.subplots(figsize=(8, 3))
    dates = pd.to_datetime(["2021-05-08", "2021-05-16", "2021-05-29", "2021-11-04", "2021-11-23"])
    ax.set_xlim(pd.Timestamp("2021-01-01"), pd.Timestamp("2021-12-31"))
    texts = ["a rather long label for an event"] * len(dates)
    layout = charts.timeline_layout(ax, dates, texts)
    renderer = fig.canvas.get_renderer()
    width = ax.text(0, 0, texts[0], fontsize=9).get_window_extent(renderer).width
    stems = ax.transData.transform([(charts.date2num(d), 0) for d in dates])[:, 0]
    offsets = {"center": (-0.5, 0.5), "right": (-1, 0), "left": (0, 1)}
    boxes = [
        (lvl, x + offsets[a][0] * width, x + offsets[a][1] * width, x)
        for (lvl, a), x in zip(layout, stems, strict=True)
    ]
    for i, one in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert charts._clear(*one, *other), (one, other)
    plt.close(fig)
