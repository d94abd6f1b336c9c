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
import fujian_fpa

fujian_fpa.show_article(theme="targeted_assistance")

# %%
from IPython.display import Markdown

from fujian_fpa import charts, data, derived, figures, findings, precision
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
# axis, not bars: on a log axis a bar's length would mean nothing. `shown` gives each amount to the
# precision its interval supports.

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
        text=[
            labels.rounded(r.value, "" if fmt.compact else u, r.low, r.high)
            for r, u in zip(per_head.itertuples(), units, strict=True)
        ],
    )
    charts.dots(ax, tidy, x="value", y="label", texts=tidy["text"], log=True)
    ax.set(xlabel="", ylabel="")
    # The finding compares money that reached those helped: housing grants against student aid. The
    # premium is paid to an insurer, so it is charted but not set against them.
    housing, student = (tidy.set_index("id").loc[i] for i in ("ta_housing_per_household", "ta_student_aid_per_student"))
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_per_beneficiary",
            high=precision.rounded_text(housing["value"], housing["low"], housing["high"]),
            times=format_value_short(round_significant(housing["value"] / student["value"], 2)),
        ),
        subtitle=labels.chart("subtitle_per_beneficiary"),
        notes=[labels.chart("note_premium"), labels.chart("note_rounded")],
    )
    data = tidy[["id", "formula", "value", "unit", "label"]]
    return fig, charts.plotted(data, labels, ids=behind(tidy["id"]))


figures.bilingual("02_per_beneficiary", draw_per_head, thumbnail=True)

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
    tidy = ordered.assign(label=labels.metrics(ordered), text=labels.amounts(ordered))
    # Consultations (人次), cases and matters (件), disputes (宗): labelled values, no value axis.
    charts.values(ax, tidy, y="label", texts=tidy["text"])
    ax.set(xlabel="", ylabel="")
    consultations = legal.set_index("id").loc["ta_legal_consultations"]
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_legal_aid",
            consultations=labels.amount(consultations["value"], consultations["unit"], figure="ta_legal_consultations"),
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
