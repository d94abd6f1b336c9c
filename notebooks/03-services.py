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
# # 03 · Services (为民服务): parenting, child nutrition, training, youth health
#
# **Question.** What did the parenting work produce and whom did it reach; how large is the
# child-nutrition programme; and how many people were trained and certified?
#
# **Method.** The theme's figures from `fujian_fpa`, split by role: activity counts (things made
# and sessions held) against reach (households and people). Derived figures come from
# `data/derived.csv` with their bounds.
#
# **Writes**
# - `figures/{zh,en}/03_parenting.{png,svg,csv}`

# %%
import matplotlib.pyplot as plt
import pandas as pd

from fujian_fpa import charts, data, derived, figures
from fujian_fpa.labels import Labels
from fujian_fpa.style import set_style

set_style()
indicators = data.load_indicators()
theme = indicators[indicators["theme"] == "services"]
ratios = derived.compute(indicators).set_index("id")
theme[["id", "program", "metric_en", "role", "value", "unit", "bound"]]

# %% [markdown]
# ## Parenting: what was made and held, and whom it reached
#
# Episodes, books, rooms, lectures and activity sessions on one side; households served, people
# who benefited and instructors trained on the other. Each side spans orders of magnitude, so
# each panel has a log scale.

# %%
parenting_programs = ["育儿宝典", "辣妈100问", "向日葵亲子小屋", "优生优育"]
parenting = theme[theme["program"].isin(parenting_programs)]
activity = parenting[parenting["role"] == "activity"].sort_values("value", ascending=False)
reach = parenting[parenting["role"] == "reach"].sort_values("value", ascending=False)
assert len(activity) and len(reach)
reach[["id", "metric_en", "value", "unit", "bound"]]


# %%
def draw_parenting(labels: Labels):
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.2))
    charts.indicator_panel(axes[0], activity, labels, "parenting_activity", "count_log", log=True)
    charts.indicator_panel(axes[1], reach, labels, "parenting_reach", "count_log", log=True)
    both = pd.concat([activity, reach])
    tidy = charts.plotted(both[["id", "role", "value", "unit", "bound"]], labels, label=labels.metrics(both))
    return fig, tidy


figures.bilingual("03_parenting", draw_parenting)

# %% [markdown]
# ### People per household served
#
# 51万多人 benefited in 22.3万户 households served. A lower bound divided by an exact count is a
# lower bound.

# %%
per_household = ratios.loc["sv_people_per_household"]
assert per_household.bound == "at_least"
print(f"{per_household.numbers} = at least {per_household.value:.2f} {per_household.unit_en}")

# %% [markdown]
# ## Child nutrition (儿童营养改善)
#
# Infants aged 7~36个月 in 23个 less-developed counties; 1万个 families funded each year for 3年.
# The programme's total size is families × years.

# %%
nutrition = theme[theme["program"] == "儿童营养改善"].set_index("id")
age = nutrition.loc["sv_nutrition_age"]
family_years = ratios.loc["sv_nutrition_family_years"]
print(f"Ages: {age.value:.0f} to {age.value_max:.0f} {age.unit} ({age.quote})")
print(f"Size: {family_years.numbers} = {family_years.value:,.0f} {family_years.unit_en}")
nutrition[["metric_en", "value", "value_max", "unit", "bound"]]

# %% [markdown]
# ## Training and certification

# %%
trained = theme[
    theme["program"].isin(["育婴师、早教指导师培训", "青春健康"]) | (theme["id"] == "sv_childcare_instructors")
]
trained[["id", "program", "metric_en", "value", "unit", "bound"]]

# %% [markdown]
# ## Youth health (青春健康)

# %%
theme[theme["program"] == "青春健康"][["metric_en", "value", "unit", "bound", "quote"]]

# %% [markdown]
# ## Findings
#
# - The parenting work is reported mostly as outputs (episodes, books, rooms, sessions); its reach
#   is given in households and in people, which are different units and are not added.
# - Each household served stands for at least the number of people printed above.
# - The nutrition programme is sized in family-years, over three years; the article does not say
#   how many families were funded in 2021 itself.
#
# ## Caveats
#
# - 5000多场, 51万多人 and 1800多场次 are lower bounds.
# - The instructors trained online (1.68万人次) are person-times, not people.
# - The live-stream audience in the caption (89.1万) has no measure word; the data take 人 from
#   人数, and it is probably person-times too.
