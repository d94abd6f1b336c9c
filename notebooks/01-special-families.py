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
# # 01 · Special families (计生特殊家庭, 失独家庭)
#
# **Question.** What did the association build and win for families who lost their only child,
# and what does its hospital-care insurance amount to per insured member?
#
# **Method.** The theme's figures from `fujian_fpa`; the per-member amount from
# `data/derived.csv`, with its bound carried through the division.
#
# **Writes**
# - `figures/{zh,en}/01_sites_and_honours.{png,svg,csv}`

# %%

from fujian_fpa import charts, data, derived, figures
from fujian_fpa.style import set_style

set_style()
indicators = data.load_indicators()
theme = indicators[indicators["theme"] == "special_families"]
theme[["id", "program", "metric_en", "role", "value", "unit", "bound", "quote"]]

# %% [markdown]
# ## New project sites and honours
#
# New sites are the association's own work; the honours were given to it by the national
# association (中国计生协). The "典型案例" figure is the size of the list the project was named
# to, not a count of the association's work, so it stays out of the chart.

# %%
counted = theme[theme["role"].isin(["activity", "honour"]) & (theme["id"] != "sf_typical_cases")]
assert set(counted["unit"]) <= {"个", "家", "名", "位"}, "only counts of sites, homes and people"
typical = theme.set_index("id").loc["sf_typical_cases"]
print(f"The project was named one of {typical.value:.0f} typical cases: {typical.quote}")


# %%
figures.bilingual(
    "01_sites_and_honours", lambda labels: charts.indicator_bars(counted, labels, "sites_and_honours", "count")
)

# %% [markdown]
# ## The hospital-care insurance, per member
#
# The article gives the money (285.57万元) and the members (1万多名, *more than* ten thousand).
# Dividing by a lower bound gives an upper bound: each member's cover cost at most the amount
# below, and probably less.

# %%
ratios = derived.compute(indicators).set_index("id")
per_member = ratios.loc["sf_premium_per_member"]
assert per_member.bound == "at_most", "money ÷ a lower bound is an upper bound"
ratios.loc[["sf_premium_per_member"], ["formula", "numbers", "value", "unit_en", "bound"]]

# %%
print(f"At most {per_member.value:.2f} {per_member.unit_zh} ({per_member.unit_en}) per insured member.")

# %% [markdown]
# ## Events of this theme

# %%
events = data.load_events()
events[events["theme"] == "special_families"][["date", "place", "city", "description_en"]]

# %% [markdown]
# ## Findings
#
# - The association added new Warm-Heart Home and bereavement-support sites in 2021, and five of
#   its homes were named national model sites.
# - The hospital-care insurance cost no more than the upper bound above per insured member; the
#   article does not say what it pays out.
#
# ## Caveats
#
# - 1万多名 is a lower bound, so the per-member amount is an upper bound, not an estimate.
# - The honour for volunteers counts individuals and teams together (9位志愿者(团队)).
# - The article reports no money for the pension-insurance survey and the proposed legislation;
#   those are described, not measured.
