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
# # 02 · Targeted assistance (精准帮扶)
#
# **Question.** How much did each assistance programme spend per household or student helped,
# how do the accident-insurance premiums compare with the claims paid, and what did legal aid do?
#
# **Method.** Per-beneficiary amounts and the payout ratio are computed from the article's
# figures by `fujian_fpa.derived` (formulas in `data/derived.csv`). The recomputed payout ratio
# is set beside the one the article reports.
#
# **Writes**
# - `figures/{zh,en}/02_per_beneficiary.{png,svg,csv}`
# - `figures/{zh,en}/02_accident_insurance.{png,svg,csv}`
# - `figures/{zh,en}/02_legal_aid.{png,svg,csv}`

# %%
import matplotlib.pyplot as plt

from fujian_fpa import charts, data, derived, figures
from fujian_fpa.labels import Labels, format_value_short
from fujian_fpa.style import set_style

set_style()
indicators = data.load_indicators()
theme = indicators[indicators["theme"] == "targeted_assistance"].set_index("id")
ratios = derived.compute(indicators).set_index("id")
theme[["program", "metric_en", "role", "value", "unit", "bound"]]

# %% [markdown]
# ## Money per beneficiary
#
# Each programme's money divided by the households or students it helped. The Happiness Project
# and the Housing Project count households (户), student aid counts students (名), so the bars
# carry their unit. The accident insurance is spread over far more households, hence the log
# scale.

# %%
per_head = ratios.loc[
    [
        "ta_housing_per_household",
        "ta_happiness_per_household",
        "ta_student_aid_per_student",
        "ta_premium_per_household",
        "ta_claims_per_household",
    ]
]
assert (per_head["bound"] == "exact").all(), "all inputs are exact, so are the ratios"
per_head[["formula", "numbers", "value", "unit_en", "bound"]]


# %%
def draw_per_head(labels: Labels):
    fig, ax = plt.subplots(figsize=(9, 4))
    names = [labels.sentence(labels("derived", i)) for i in per_head.index]
    units = per_head[f"unit_{labels.lang}"]
    texts = [f"{format_value_short(v)} {u}" for v, u in zip(per_head["value"], units, strict=True)]
    charts.hbars(ax, names, per_head["value"], per_head["theme"], texts, log=True)
    ax.set_xlabel(labels.chart("yuan_per_beneficiary"))
    ax.set_title(labels.chart("per_beneficiary"))
    tidy = charts.plotted(per_head.reset_index()[["id", "formula", "value"]], labels, label=names, unit=list(units))
    return fig, tidy


figures.bilingual("02_per_beneficiary", draw_per_head)

# %% [markdown]
# ## Accident insurance: premiums against claims
#
# The article reports a "simple payout ratio" (简单赔付率). Claims divided by premiums gives it
# back to the two decimals printed.

# %%
reported = theme.loc["ta_accident_payout_ratio"]
recomputed = ratios.loc["ta_payout_ratio"]
difference = recomputed.value - reported.value
print(f"recomputed: {recomputed.formula} = {recomputed.value:.4f} %")
print(f"reported:   {reported.quote}")
print(f"difference: {difference:+.4f} percentage points")
assert round(recomputed.value, 2) == reported.value, "the article's ratio is claims ÷ premiums"

# %%
insurance = theme.loc[["ta_accident_premiums", "ta_accident_claims"]]
ratios.loc[["ta_premium_per_household", "ta_claims_per_household"], ["numbers", "value", "unit_en"]]


# %%
def draw_insurance(labels: Labels):
    fig, ax = plt.subplots(figsize=(7, 2.8))
    names = labels.metrics(insurance.reset_index())
    values = [labels.money(v) for v in insurance["value"]]
    texts = [labels.amount(v, "元") for v in insurance["value"]]
    charts.hbars(ax, names, values, insurance["theme"], texts)
    ax.set_xlabel(labels.chart("amount", unit=labels.money_unit()))
    ax.set_title(labels.chart("payout_ratio", recomputed=recomputed.value, reported=reported.value))
    tidy = charts.plotted(insurance.reset_index()[["id", "value", "unit"]], labels, label=names, plotted_value=values)
    return fig, tidy


figures.bilingual("02_accident_insurance", draw_insurance)

# %% [markdown]
# ## Legal aid
#
# Cases (件), disputes (宗) and consultations (人次) are different things in different units, so
# they stand side by side and are never summed. Consultations are person-times: one person who
# asked twice counts twice.

# %%
legal = indicators[(indicators["program"] == "法律援助") & (indicators["unit"] != "元")]
recovered = theme.loc["ta_legal_recovered"]
print(f"Money recovered for clients: {recovered.value:,.0f} {recovered.unit} ({recovered.quote})")
legal[["id", "metric_en", "value", "unit"]]


# %%
figures.bilingual(
    "02_legal_aid", lambda labels: charts.indicator_bars(legal, labels, "legal_aid", "count_log", log=True)
)

# %% [markdown]
# ## Findings
#
# - Per household helped, the Housing Project and the Happiness Project spent tens of thousands
#   of yuan; student aid came to a few thousand per student; the accident insurance cost about a
#   hundred yuan per insured household (figures above).
# - The reported simple payout ratio is exactly claims ÷ premiums, rounded.
# - Legal aid handled cases, disputes and consultations at very different scales; consultations
#   are person-times.
#
# ## Caveats
#
# - The per-beneficiary amounts assume that all the money went to the households or students
#   counted; the article does not say whether any went to administration.
# - 94.84万户 is rounded to the nearest hundred households, so the per-household insurance
#   figures are good to about one part in ten thousand.
# - "Money recovered" is what legal aid recovered for clients, not money the association spent.
