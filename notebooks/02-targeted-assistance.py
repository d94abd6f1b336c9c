# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
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
from fujian_fpa import charts, data, derived, figures
from fujian_fpa.labels import Labels, format_value_short, round_significant
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
# and the Housing Project count households (户), student aid counts students (名), so each dot
# carries its unit. The amounts span more than two orders of magnitude, so they are dots on a log
# axis, not bars: on a log axis a bar's length would mean nothing. They are rounded to three
# significant figures, the precision that ratios of rounded figures carry.

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
operands = derived.load_definitions(indicators=indicators).set_index("id")


def behind(ids) -> list[str]:
    """Each derived figure's id with the ids of the two figures it is computed from."""
    return [";".join([i, operands.loc[i, "a"], operands.loc[i, "b"]]) for i in ids]


def draw_per_head(labels: Labels, fmt: charts.Format):
    fig, ax = charts.canvas(fmt, height=2.4 if fmt.compact else 2.3)
    units = per_head[f"unit_{labels.lang}"]
    tidy = per_head.reset_index().assign(
        label=[labels.sentence(labels("derived", i)) for i in per_head.index],
        unit=list(units),
        text=[labels.rounded(v, "" if fmt.compact else u) for v, u in zip(per_head["value"], units, strict=True)],
    )
    charts.dots(ax, tidy, x="value", y="label", texts=tidy["text"], log=True)
    ax.set(xlabel="", ylabel="")
    low, high = tidy["value"].min(), tidy["value"].max()
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_per_beneficiary",
            low=labels.rounded(low, "").strip(),
            high=labels.rounded(high, units.iloc[tidy["value"].idxmax()]),
            times=format_value_short(round_significant(high / low, 2)),
        ),
        subtitle=labels.chart("subtitle_per_beneficiary"),
        notes=[labels.chart("note_rounded")],
    )
    data = tidy[["id", "formula", "value", "unit", "label"]]
    return fig, charts.plotted(data, labels, ids=behind(tidy["id"]))


figures.bilingual("02_per_beneficiary", draw_per_head, thumbnail=True)

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
def draw_insurance(labels: Labels, fmt: charts.Format):
    fig, ax = charts.canvas(fmt, height=1.3)
    tidy = insurance.reset_index().assign(
        label=labels.metrics(insurance.reset_index()),
        plotted=[labels.money(v) for v in insurance["value"]],
        text=[labels.amount(v, "元") for v in insurance["value"]],
    )
    charts.bars(ax, tidy, x="plotted", y="label", texts=tidy["text"])
    ax.set(xlabel="", ylabel="")
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart("title_insurance", ratio=f"{recomputed.value:.2f}"),
        subtitle=labels.chart("subtitle_insurance", unit=labels.money_unit()),
    )
    return fig, charts.plotted(tidy[["id", "value", "unit", "label", "plotted"]], labels)


figures.bilingual("02_accident_insurance", draw_insurance)

# %% [markdown]
# ## Legal aid
#
# Cases (件), disputes (宗) and consultations (人次) are different things in different units, so
# each is a labelled dot in its own unit and they are never summed. Consultations are
# person-times: one person who asked twice counts twice. The money recovered for clients is an
# outcome in 元, not a count: the chart's title gives it, no axis shares it with the counts.

# %%
legal = indicators[(indicators["program"] == "法律援助") & (indicators["unit"] != "元")]
recovered = theme.loc["ta_legal_recovered"]
print(f"Money recovered for clients: {recovered.value:,.0f} {recovered.unit} ({recovered.quote})")
legal[["id", "metric_en", "value", "unit"]]


# %%
def draw_legal(labels: Labels, fmt: charts.Format):
    fig, ax = charts.canvas(fmt, height=1.9)
    ordered = legal.sort_values("value", ascending=False)
    tidy = ordered.assign(
        label=labels.metrics(ordered), text=labels.amounts(ordered), plotted=ordered["value"].astype(float)
    )
    # Cases (件), disputes (宗) and consultations (人次): labelled dots, each row in its own unit.
    charts.dots(ax, tidy, x="plotted", y="label", texts=tidy["text"])
    ax.set(xlabel="", ylabel="")
    consultations = legal.set_index("id").loc["ta_legal_consultations"]
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_legal_aid",
            consultations=labels.amount(consultations["value"], consultations["unit"]),
            consultations_number=format_value_short(consultations["value"]),
            recovered=labels.amount(recovered["value"], recovered["unit"]),
        ),
        subtitle=labels.chart("subtitle_legal_aid"),
        notes=[labels.chart("note_own_unit"), *labels.notes(ordered)],
    )
    data = tidy[["id", "metric_en", "value", "unit", "label"]]
    return fig, charts.plotted(data, labels)


figures.bilingual("02_legal_aid", draw_legal)

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
