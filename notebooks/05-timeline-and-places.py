# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python (fujian-fpa)
#     language: python
#     name: fujian-fpa
# ---

# %% [markdown]
# # 05 · Timeline and places
#
# **Question.** When and where did the events in the article's photo captions take place, and
# which theme does each illustrate?
#
# **Method.** `data/events.csv` holds every dated caption, with its place as printed and the
# prefecture-level city it lies in; each date is checked against its caption on load.
#
# **Writes**
# - `figures/{zh,en}/05_timeline.{png,svg,csv}`

# %%
import fujian_fpa

fujian_fpa.show_article(kind="event")

# %%
from IPython.display import Markdown
import pandas as pd
import seaborn as sns

from fujian_fpa import charts, data, figures, findings
from fujian_fpa.labels import Labels
from fujian_fpa.style import THEME_COLOURS, set_style

set_style()
events = data.load_events().sort_values("date").reset_index(drop=True)
assert events["date"].dt.year.eq(events["date"].dt.year.iloc[0]).all(), "all events fall in one year"
year = int(events["date"].dt.year.iloc[0])
events[["date", "theme", "place", "city", "description_en"]]

# %% [markdown]
# ## Where
#
# Captions that name no place are kept, with the place left empty.

# %%
by_city = events.assign(city=events["city"].replace("", pd.NA)).groupby("city", dropna=False).size()
by_city.rename("events").to_frame()


# %%
def event_text(labels: Labels, row) -> str:
    place = labels("city", row.city) if row.city else labels.chart("no_place")
    dot = " · " if labels.lang == "en" else "·"  # Chinese sets the middle dot without spaces
    return f"{labels.date(row.date)}{dot}{place}\n{getattr(row, f'short_{labels.lang}')}"


DOT = 8.4  # points: an event's dot


def draw_timeline(labels: Labels, fmt: charts.Format):
    fig, ax = charts.canvas(fmt, height=1.2 if fmt.compact else 3.0)
    ax.set_xlim(pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31))
    ax.axhline(0, color="#666666", linewidth=1)
    if fmt.compact:
        heights = [0] * len(events)
    else:
        # Labels at heights measured not to overlap, the same in both languages (the wider text counts).
        both = [[event_text(Labels(lang), row) for lang in figures.LANGUAGES] for row in events.itertuples()]
        layout = charts.timeline_layout(ax, events["date"], both, fontsize=fmt.text)
        heights = [height for height, _ in layout]
        for row, (height, align) in zip(events.itertuples(), layout, strict=True):
            ax.vlines(row.date, 0, height, color=THEME_COLOURS[row.theme], linewidth=1)
            ax.annotate(
                event_text(labels, row),
                (row.date, height),
                xytext=(0, 4 if height > 0 else -4),
                textcoords="offset points",
                ha=align,
                va="bottom" if height > 0 else "top",
            )
    ax.set_ylim(min(heights) - 1, max(heights) + 1)
    # Dots closer than their width stack upwards, so that none hides another (16 May beside 8 May).
    lanes = charts.dot_lanes(ax, events["date"], size=DOT)
    lane_step = (DOT * fig.dpi / 72 + 2) / ax.get_window_extent().height * (max(heights) - min(heights) + 2)
    tidy = events.assign(
        height=heights, lane=lanes, y=[lane * lane_step for lane in lanes], label=list(events[f"short_{labels.lang}"])
    )
    sns.scatterplot(
        data=tidy, x="date", y="y", hue="theme", palette=THEME_COLOURS, s=DOT**2, legend=False, zorder=3, ax=ax
    )
    # Month ticks on the event line itself, each name in the middle of its month.
    months = pd.date_range(f"{year}-01-01", periods=12, freq="MS")
    ax.plot(months, [0] * len(months), "|", color="#666666", markersize=6)
    shown = months[:: 3 if fmt.compact else 1]
    charts.month_names(
        ax,
        shown,
        [labels.month(m, short=True) for m in shown],
        below=tidy.loc[tidy["height"] < 0, "date"],
        above=tidy.loc[tidy["height"] > 0, "date"],
        fontsize=fmt.text,
    )
    ax.set_xlim(pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31))
    ax.set(xticks=[], yticks=[], xlabel="", ylabel="")
    ax.grid(False)
    for side in ("left", "right", "top", "bottom"):
        ax.spines[side].set_visible(False)
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_timeline",
            total=len(events),
            first=labels.date(events["date"].min()),
            last=labels.date(events["date"].max()),
            cities=events.loc[events["city"] != "", "city"].nunique(),
            unstated=(events["city"] == "").sum(),
        ),
        subtitle=labels.chart("subtitle_timeline", year=year),
        legend=charts.theme_handles(events["theme"], labels),
    )
    return fig, charts.plotted(tidy[["id", "date", "theme", "place", "city", "label", "height", "lane"]], labels)


figures.bilingual("05_timeline", draw_timeline, thumbnail=True)

# %%
events.groupby(events["date"].dt.month).size().rename("events").rename_axis("month").to_frame().T

# %% [markdown]
# ## Findings
#
# Computed from the data by `fujian_fpa.findings`; the tests check that the text below says what
# this cell shows.

# %%
Markdown("\n".join(f"- {sentence}" for sentence in findings.of("05-timeline-and-places")))

# %% [markdown]
# - The 7 dated captions span 272 days, from 24 February to 23 November; they illustrate the
#   article and are too few to say when the work was busiest.
# - The captions name places in 3 prefecture-level cities (Fuzhou, Longyan, Ningde); 2 of the 7
#   name no place.
#
# ## Caveats
#
# - The captions illustrate the article; they are not a calendar of the association's year, and
#   a month with more captions is not shown to be a busier month.
# - The prefecture-level city is inferred from the place name as printed (福州 is taken as 福州市).
