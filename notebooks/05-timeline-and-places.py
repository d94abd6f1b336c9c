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
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from fujian_fpa import charts, data, figures
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
def draw_timeline(labels: Labels):
    fig, ax = plt.subplots(figsize=(11, 4.6))
    ax.set_xlim(pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31))
    ax.axhline(0, color="#666666", linewidth=1)
    texts = [
        f"{row.date:%m-%d} · {labels('city', row.city) if row.city else labels.chart('no_place')}\n"
        f"{getattr(row, f'short_{labels.lang}')}"
        for row in events.itertuples()
    ]
    # Events a few days apart (three in May) get labels at different heights, measured not to overlap.
    layout = charts.timeline_layout(ax, events["date"], texts)
    heights = [height for height, _ in layout]
    for row, (height, align), text in zip(events.itertuples(), layout, texts, strict=True):
        colour = THEME_COLOURS[row.theme]
        ax.vlines(row.date, 0, height, color=colour, linewidth=1)
        ax.plot(row.date, 0, "o", color=colour, markersize=7)
        ax.annotate(
            text,
            (row.date, height),
            xytext=(0, 4 if height > 0 else -4),
            textcoords="offset points",
            ha=align,
            va="bottom" if height > 0 else "top",
            fontsize=9,
        )
    ax.set_ylim(min(heights) - 0.8, max(heights) + 0.8)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m"))
    ax.set_yticks([])
    ax.grid(False)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(labels.chart("month_of_year", year=year))
    ax.set_title(labels.chart("timeline"))
    charts.theme_legend(fig, events["theme"], labels)
    tidy = charts.plotted(
        events[["id", "date", "theme", "place", "city"]],
        labels,
        label=list(events[f"short_{labels.lang}"]),
        height=heights,
    )
    return fig, tidy


figures.bilingual("05_timeline", draw_timeline)

# %%
events.groupby(events["date"].dt.month).size().rename("events").rename_axis("month").to_frame().T

# %% [markdown]
# ## Findings
#
# - The captions date events across the year; May holds the most of them (count per month
#   below), around Mother's Day and the association's Member Day.
# - Every named place is in Fuzhou, Ningde or Longyan; some captions name no place (table above).
#
# ## Caveats
#
# - The captions illustrate the article; they are not a full calendar of the association's year.
# - The prefecture-level city is inferred from the place name as printed (福州 is taken as 福州市).
