"""The layout check catches each kind of broken chart, and the chart helpers refuse bars on a log axis."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from fujian_fpa import charts, figures, layout, style
from fujian_fpa.labels import Labels


@pytest.fixture(autouse=True)
def styled():
    style.set_style()
    yield
    plt.close("all")


def sound_chart() -> plt.Figure:
    fig, ax = plt.subplots(figsize=(6, 3), layout="constrained")
    ax.bar(["a", "b"], [1, 2])
    ax.set_title("A chart that is fine")
    return fig


def test_a_sound_chart_passes():
    layout.check(sound_chart(), dpi=150)


def test_overlapping_tick_labels_fail():
    fig, ax = plt.subplots(figsize=(3, 2), layout="constrained")
    ax.plot([0, 1_000_000], [0, 1])
    ax.set_xticks([0, 250_000, 500_000, 750_000, 1_000_000])
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:,.0f} person-times")
    with pytest.raises(layout.LayoutError, match="person-times' overlaps"):
        layout.check(fig, dpi=150)


def test_a_label_past_the_edge_fails():
    fig = sound_chart()
    fig.axes[0].annotate("≥ 510,000 persons, a label that runs off", (1, 2), xytext=(40, 0), textcoords="offset points")
    with pytest.raises(layout.LayoutError, match="runs off' extends beyond the canvas"):
        layout.check(fig, dpi=150)


def test_text_too_small_at_the_saved_resolution_fails():
    fig = sound_chart()
    fig.axes[0].text(0, 1.5, "tiny", fontsize=5)
    layout.check(fig, dpi=300)  # 5 pt is 20.8 px at 300 dpi
    with pytest.raises(layout.LayoutError, match=r"'tiny' is 6\.9 px high"):
        layout.check(fig, dpi=100)


def test_two_texts_on_top_of_each_other_fail():
    fig = sound_chart()
    fig.axes[0].text(0, 1.5, "first label")
    fig.axes[0].text(0, 1.5, "second label")
    with pytest.raises(layout.LayoutError, match="'first label' overlaps 'second label'"):
        layout.check(fig, dpi=150)


def test_the_error_names_every_problem():
    fig = sound_chart()
    fig.axes[0].text(0, 1.5, "tiny", fontsize=3)
    fig.axes[0].annotate("off the edge", (1, 2), xytext=(200, 0), textcoords="offset points")
    with pytest.raises(layout.LayoutError) as error:
        layout.check(fig, 150)
    message = str(error.value)
    assert "'tiny' is" in message and "'off the edge' extends beyond" in message


def test_bars_on_a_log_axis_fail():
    fig = sound_chart()
    fig.axes[0].set_yscale("log")
    with pytest.raises(layout.LayoutError, match="bars on a log-scaled axis"):
        layout.check(fig, dpi=150)


def test_points_on_a_log_axis_pass():
    fig, ax = plt.subplots(figsize=(6, 3), layout="constrained")
    ax.plot([1, 2, 3], [10, 1_000, 100_000], "o")
    ax.set_yscale("log")
    layout.check(fig, dpi=150)


def test_tick_labels_out_of_view_do_not_count():
    fig, ax = plt.subplots(figsize=(6, 3), layout="constrained")
    ax.plot([0, 10], [0, 10])
    ax.set_xticks([-100, 0, 5, 10, 100])  # ticks outside the view are not drawn
    ax.set_xlim(0, 10)
    layout.check(fig, dpi=150)


def test_the_bar_helper_refuses_a_log_axis():
    _, ax = charts.canvas(charts.FULL, height=2)
    frame = pd.DataFrame({"label": ["a", "b"], "value": [1.0, 1000.0], "theme": ["services"] * 2})
    with pytest.raises(ValueError, match="log axis"):
        charts.bars(ax, frame, x="value", y="label", texts=["1", "1,000"], log=True)


def test_save_writes_nothing_for_a_broken_chart(tmp_path, monkeypatch):
    monkeypatch.delenv("FUJIAN_FPA_REFERENCE_FIGURES", raising=False)
    fig = sound_chart()
    fig.axes[0].set_yscale("log")
    with pytest.raises(layout.LayoutError):
        figures.save(fig, "broken", pd.DataFrame({"ids": ["x"]}), "en", folder=tmp_path)
    assert not any(tmp_path.rglob("*.*"))


def test_save_needs_the_ids_behind_each_row(tmp_path):
    with pytest.raises(ValueError, match="ids"):
        figures.save(sound_chart(), "x", pd.DataFrame({"value": [1]}), "en", folder=tmp_path)


def framed(fmt: charts.Format, labels: Labels) -> plt.Figure:
    frame = pd.DataFrame(
        {
            "label": ["Housing Project funds per household", "Premium per insured household"],
            "value": [37_436.49, 99.94],
            "theme": ["targeted_assistance"] * 2,
        }
    )
    fig, ax = charts.canvas(fmt, height=1.6)
    charts.dots(ax, frame, x="value", y="label", texts=[labels.rounded(v, "yuan") for v in frame["value"]], log=True)
    title = "A finding long enough to need a second line in a thumbnail"
    charts.finish(fig, labels, fmt, title=title, subtitle="yuan")
    return fig


@pytest.mark.parametrize("fmt", [charts.FULL, charts.THUMB], ids=lambda f: f.name)
@pytest.mark.parametrize("lang", figures.LANGUAGES)
def test_framed_charts_pass_in_both_sizes_and_languages(fmt, lang):
    fig = framed(fmt, Labels(lang))
    layout.check(fig, fmt.dpi)
    assert fig.get_figwidth() * fmt.dpi == pytest.approx(400 if fmt is charts.THUMB else 1350)
    texts = [t.get_text() for t in fig.texts]
    assert "".join(Labels(lang).source().split()) == "".join(texts[-1].split()), "the footer names the source"
    assert ("\n" in texts[0]) == (fmt is charts.THUMB), "the title wraps to the width"


def test_log_axis_gridlines_read_as_plain_numbers():
    fig = framed(charts.FULL, Labels("en"))
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert "1,000" in ticks and "10,000" in ticks and not any("e+" in t or "^" in t for t in ticks)


def test_a_dot_label_at_the_right_edge_moves_left_of_its_dot():
    fig = framed(charts.FULL, Labels("en"))
    marks = [t for t in fig.axes[0].texts if t.get_gid() == charts.DOT_LABEL]
    assert [m.get_ha() for m in marks] == ["right", "left"]


def test_thumbnails_are_readable():
    assert charts.THUMB.width * charts.THUMB.dpi == 400
    smallest = min(charts.THUMB.text, charts.THUMB.subtitle, charts.THUMB.footer)
    assert smallest * charts.THUMB.dpi / 72 >= 11 >= layout.MIN_TEXT_PX


def test_a_log_y_axis_keeps_its_decades_through_finish():
    """Points on log-log axes (money against reach): finish must not widen the y axis to hold every tick."""
    fig, ax = charts.canvas(charts.FULL, height=3)
    ax.scatter([433, 948_400], [2.9, 145])
    charts.log_axis(ax, [433, 948_400])
    charts.log_axis(ax, [2.9, 145], axis="y")
    charts.finish(fig, Labels("en"), charts.FULL, title="A finding", subtitle="What is counted")
    fig.canvas.draw()
    assert ax.get_yscale() == "log" and ax.get_ylim() == pytest.approx((1, 1000))
    ticks = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert "1,000" in ticks and not any("e+" in t or "^" in t for t in ticks)
    plt.close(fig)


def test_a_thumbnail_keeps_a_gridline_at_every_decade():
    """Subtitles say "each gridline is ten times the last": a thumbnail may number fewer decades, not skip them."""
    fig, ax = charts.canvas(charts.THUMB, height=1.6)
    ax.scatter([3, 400_000], [0, 1])
    charts.log_axis(ax, [3, 400_000])
    charts.finish(fig, Labels("en"), charts.THUMB, title="A finding", subtitle="What is counted")
    fig.canvas.draw()
    ticks = zip(ax.get_xticks(), ax.get_xticklabels(), strict=True)
    shown = [(v, t.get_text()) for v, t in ticks if 1 <= v <= 1_000_000]
    assert [v for v, _ in shown] == pytest.approx([10**k for k in range(7)])
    assert [t for _, t in shown] == ["1", "", "100", "", "10,000", "", "1,000,000"]
    plt.close(fig)
