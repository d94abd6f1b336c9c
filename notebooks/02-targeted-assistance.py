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
# figures by `fujian_fpa.derived` (formulas in `data/derived.csv`), with the interval each
# printed figure allows carried through by interval arithmetic. The recomputed payout ratio is
# checked against the interval the reported one allows.
#
# **Writes**
# - `figures/{zh,en}/02_per_beneficiary.{png,svg,csv}`
# - `figures/{zh,en}/02_accident_insurance.{png,svg,csv}`
# - `figures/{zh,en}/02_legal_aid.{png,svg,csv}`

# %%
from IPython.display import Markdown
import matplotlib.pyplot as plt

from fujian_fpa import charts, data, derived, figures, findings, precision
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
# scale. `shown` gives each amount to the precision its interval supports.

# %%
per_head = ratios.loc[
    [
        "ta_housing_per_household",
        "ta_happiness_per_household",
        "ta_student_aid_per_student",
        "ta_premium_per_household",
    ]
]
assert (per_head["bound"] == "exact").all(), "no input carries 多, 近 or 约"
per_head.assign(shown=[precision.shown(r.value, r.low, r.high) for r in per_head.itertuples()])[
    ["formula", "numbers", "low", "high", "shown", "unit_en"]
]


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
# The article reports a "simple payout ratio" (简单赔付率) of 65.91%: any ratio from 65.905% up to
# 65.915%. Claims divided by premiums, each known to the nearest 100 yuan, gives an interval that
# lies inside it.

# %%
reported = theme.loc["ta_accident_payout_ratio"]
recomputed = ratios.loc["ta_payout_ratio"]
print(f"recomputed: {recomputed.formula} in [{recomputed.low:.4f}, {recomputed.high:.4f}] %")
print(f"reported:   {reported.quote}, which allows [{reported.low:g}, {reported.high:g}) %")
assert reported.low <= recomputed.low <= recomputed.high < reported.high, "the article's ratio is claims ÷ premiums"

# %%
insurance = theme.loc[["ta_accident_premiums", "ta_accident_claims"]]
# The article gives no count of claims: claims can only be divided by all insured households.
ratios.loc[["ta_premium_per_household", "ta_claims_per_insured_household"], ["metric_en", "numbers", "low", "high"]]


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
# Computed from the data by `fujian_fpa.findings`; the tests check that the text below says what
# this cell shows.

# %%
Markdown("\n".join(f"- {sentence}" for sentence in findings.of("02-targeted-assistance")))

# %% [markdown]
# - Per household helped, the Housing Project spent about 37,400 yuan and the Happiness Project
#   about 31,590 yuan; student aid came to about 2,863.9 yuan per student.
# - Claims ÷ premiums, recomputed from the two rounded sums, lies between 65.9060 and 65.9062 per
#   cent: inside the 65.905% to 65.915% that the printed 65.91% allows.
# - The accident insurance cost about 99.9 yuan in premiums and paid about 65.87 yuan in claims
#   per insured household, averaged over all 94.84万户 insured because the article gives no count
#   of claims.
#
# ## Caveats
#
# - The per-beneficiary amounts assume that all the money went to the households or students
#   counted; the article does not say whether any went to administration.
# - Claims per insured household is not the payout per claim (户均理赔 in the usual sense): the
#   article does not say how many households claimed.
# - "Money recovered" is what legal aid recovered for clients, not money the association spent.
# - Legal aid's cases (件), disputes (宗) and consultations (人次) are different things in different
#   units; consultations are person-times.
