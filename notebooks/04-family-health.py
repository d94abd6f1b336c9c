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
# # 04 · Family health (家庭健康)
#
# **Question.** How large was the family-health effort (experts, events, instructors) and how
# far did it reach online, offline and through publicity?
#
# **Method.** The theme's figures from `fujian_fpa`. All reach figures here are in person-times
# (人次): attendances, not people. One person at two events counts twice, and the same person
# may be online, offline and in the publicity count at once.
#
# **Writes**
# - `figures/{zh,en}/04_reach_person_times.{png,svg,csv}`

# %%

from fujian_fpa import charts, data, derived, figures
from fujian_fpa.style import set_style

set_style()
indicators = data.load_indicators()
theme = indicators[indicators["theme"] == "family_health"]
ratios = derived.compute(indicators).set_index("id")
theme[["id", "program", "metric_en", "role", "value", "unit", "bound"]]

# %% [markdown]
# ## The expert pool and the events

# %%
theme[theme["role"] == "activity"][["metric_en", "value", "unit", "bound", "quote"]]

# %% [markdown]
# ## Reach: online, offline, publicity, and instructors trained
#
# All four figures are person-times. They are drawn side by side and never added: the article
# does not say how many distinct people took part.

# %%
reach = theme[theme["role"] == "reach"].sort_values("value", ascending=False)
assert set(reach["unit"]) == {"人次"}, "every reach figure of this theme is in person-times"
online_offline = ratios.loc["fh_online_to_offline"]
print(f"online ÷ offline: {online_offline.numbers} = {online_offline.value:.1f} {online_offline.unit_en}")
reach[["id", "metric_en", "value", "unit"]]


# %%
figures.bilingual(
    "04_reach_person_times",
    lambda labels: charts.indicator_bars(reach, labels, "reach_person_times", "person_times_log", log=True),
)

# %% [markdown]
# ## The theme campaign
#
# The Party-centenary campaign (永远跟党走·奋进新征程) is reported as 5400多场: more than that
# many events, a lower bound.

# %%
campaign = theme.set_index("id").loc["fh_theme_campaign_events"]
assert campaign.bound == "at_least"
print(f"{campaign.quote}: at least {campaign.value:,.0f} {campaign.unit}")

# %% [markdown]
# ## Findings
#
# - Online participation outnumbers offline participation many times over (ratio above), and the
#   publicity count is larger still.
# - The instructor training (7.1万人次) is counted in person-times, like the rest.
#
# ## Caveats
#
# - Person-times are not people. Online, offline and publicity counts may include the same people
#   many times; adding them would count attendances, not reach.
# - The article does not say how online participation was measured (views, sign-ins, sessions).
