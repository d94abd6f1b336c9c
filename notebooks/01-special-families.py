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
# # 01 · Special families (计生特殊家庭)
#
# **Question.** What did the association build and win for special families, those whose only
# child died or is disabled, and what does its hospital-care insurance for families whose only
# child died (失独家庭) amount to per insured member?
#
# **Method.** The theme's figures from `fujian_fpa`; the per-member amount from
# `data/derived.csv`, with the interval each figure's printed form allows carried through the
# division.
#
# **Writes**
# - `figures/{zh,en}/01_sites_and_honours.{png,svg,csv}`

# %%
import fujian_fpa

fujian_fpa.show_article(theme="special_families")

# %%

from IPython.display import Markdown

from fujian_fpa import charts, data, derived, figures, findings, precision
from fujian_fpa.labels import Labels, format_value_short
from fujian_fpa.style import set_style

set_style()
indicators = data.load_indicators()
theme = indicators[indicators["theme"] == "special_families"]
theme[["id", "program", "metric_en", "role", "value", "unit", "bound", "quote"]]

# %% [markdown]
# ## New project sites and honours
#
# New sites are the association's own work; the honours were given to it by the national
# association (中国计生协). The provincial honour, being named one of 50 model cases (之一), is a
# single honour whose unit differs from the others, so it is printed here rather than charted.

# %%
counted = theme[theme["role"].isin(["capacity", "honour"]) & (theme["id"] != "sf_typical_cases")]
assert set(counted["unit"]) <= {"个", "家", "名", "位"}, "only counts of sites, homes and people"
typical = theme.set_index("id").loc["sf_typical_cases"]
print(f"{typical.value:.0f} honour ({typical.metric_en}): {typical.quote}")


# %%
def draw_sites(labels: Labels, fmt: charts.Format):
    fig, ax = charts.canvas(fmt, height=2.0 if fmt.compact else 1.9)
    tidy = counted.assign(label=labels.metrics(counted), text=labels.amounts(counted))
    # Four counts of four different things (sites, homes, workers, volunteers): labelled values, no value axis.
    charts.values(ax, tidy, y="label", texts=tidy["text"])
    by_id = counted.set_index("id")
    sites, homes = by_id.loc["sf_new_sites"], by_id.loc["sf_model_homes"]
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_sites_honours",
            sites=labels.amount(sites["value"], sites["unit"], figure="sf_new_sites"),
            homes=labels.amount(homes["value"], homes["unit"], figure="sf_model_homes"),
            sites_number=format_value_short(sites["value"]),
            homes_number=format_value_short(homes["value"]),
        ),
        subtitle=labels.chart("subtitle_sites_honours"),
        notes=[labels.chart("note_own_unit"), *labels.notes(counted)],
    )
    return fig, charts.plotted(tidy[["id", "program", "role", "value", "unit", "bound", "label"]], labels)


figures.bilingual("01_sites_and_honours", draw_sites, thumbnail=True)

# %% [markdown]
# ## The hospital-care insurance, per member
#
# The article gives the money (285.57万元, to the nearest 100 yuan) and the members (1万多名:
# at least ten thousand and fewer than twenty thousand). Interval arithmetic divides the ends:
# the lowest cost divides the least money by the most members, the highest the most money by the
# fewest.

# %%
ratios = derived.compute(indicators).set_index("id")
per_member = ratios.loc["sf_premium_per_member"]
assert per_member.value <= per_member.high < per_member.value * 1.001, "money ÷ a lower bound: the top of the interval"
ratios.loc[["sf_premium_per_member"], ["formula", "numbers", "low", "high", "unit_en"]]

# %%
print(f"{precision.shown(per_member.value, per_member.low, per_member.high)} {per_member.unit_en}")

# %% [markdown]
# ## Events of this theme

# %%
events = data.load_events()
events[events["theme"] == "special_families"].sort_values("date")[["date", "place", "city", "description_en"]]

# %% [markdown]
# ## Findings
#
# Computed from the data by `fujian_fpa.findings`; the tests check that the text below says what
# this cell shows.

# %%
Markdown("\n".join(f"- {sentence}" for sentence in findings.of("01-special-families")))

# %% [markdown]
# - Each insured member's hospital-care cover cost between 142 and 286 yuan: 285.57万元 spread
#   over 1万多名 members, a count from 10,000 up to 20,000.
# - 4 of the theme's 7 figures are honours, and 1 counts people reached.
#
# ## Caveats
#
# - 1万多名 bounds the members on both sides (10,000 to 20,000), so the per-member amount is an
#   interval, not an estimate; the article does not say what the insurance pays out.
# - The honour for volunteers counts individuals and teams together (9位志愿者(团队)).
# - The hospital-care insurance is for 失独 families only (the only child died); the theme's other
#   work is for all special families, including those whose only child is disabled.
# - The article reports no money for the pension-insurance survey and the proposed legislation;
#   those are described, not measured.
