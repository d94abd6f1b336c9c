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
# how does each programme's money compare with the people it reached, what share of the
# accident-insurance premiums was not returned as claims, and what did legal aid do?
#
# **Method.** Per-beneficiary amounts and the payout ratio are computed from the article's
# figures by `fujian_fpa.derived` (formulas in `data/derived.csv`), with the interval each
# printed figure allows carried through by interval arithmetic. The recomputed payout ratio is
# checked against the interval the reported one allows.
#
# **Writes**
# - `figures/{zh,en}/02_per_beneficiary.{png,svg,csv}`
# - `figures/{zh,en}/02_money_against_reach.{png,svg,csv}`
# - `figures/{zh,en}/02_accident_insurance.{png,svg,csv}`
# - `figures/{zh,en}/02_legal_aid.{png,svg,csv}`

# %%
import fujian_fpa

fujian_fpa.show_article(theme="targeted_assistance")

# %%
import math

from IPython.display import Markdown
from matplotlib.transforms import Bbox
import numpy as np
import pandas as pd
import seaborn as sns

from fujian_fpa import charts, data, derived, figures, findings, precision
from fujian_fpa.labels import Labels, format_value_short, round_significant
from fujian_fpa.style import THEME_COLOURS, set_style

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
assert (per_head["high"] - per_head["low"] < per_head["value"] / 1000).all(), "no input carries 多, 近 or 约"
per_head.assign(shown=[precision.shown(r.value, r.low, r.high) for r in per_head.itertuples()])[
    ["formula", "numbers", "low", "high", "shown", "unit_en"]
]

# %%
# Money that buys insurance is a premium paid to an insurer, not a grant: its dots are grey.
premium_ids = set(indicators.loc[data.buys_insurance(indicators), "id"])
PREMIUM_GREY = "#9E9E9E"
SHADES = THEME_COLOURS | {"premium": PREMIUM_GREY}


def shade(themes, inputs) -> list[str]:
    """The colour key of each point: its theme, or "premium" where its money buys insurance."""
    return ["premium" if i in premium_ids else t for t, i in zip(themes, inputs, strict=True)]


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
    tidy["shade"] = shade(tidy["theme"], [operands.loc[i, "a"] for i in tidy["id"]])
    charts.dots(ax, tidy, x="value", y="label", texts=tidy["text"], hue="shade", palette=SHADES, log=True)
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
        notes=[labels.chart("note_premium_grey"), labels.chart("note_rounded")],
    )
    data = tidy[["id", "formula", "value", "unit", "label"]]
    return fig, charts.plotted(data, labels, ids=behind(tidy["id"]))


figures.bilingual("02_per_beneficiary", draw_per_head, thumbnail=True)

# %% [markdown]
# ## Money against the people it reached
#
# The same ratios drawn the other way: each programme's money (up) against the households,
# students or members it reached (across), both on log axes. Each diagonal line joins the points
# of one amount per head (100, 1,000, 10,000 or 100,000 yuan per household or person), so a
# programme's cost per head reads off the line it sits on. The pairs are those `data/derived.csv`
# divides: money put in (role *input*) over the people it reached (role *reach*). The hospital-care
# insurance counts 1万多名 members, anything from 10,000 up to 20,000: its point is drawn at 10,000
# with a line to 20,000.

# %%
roles = indicators.set_index("id")["role"]
pairs = operands[(operands["a"].map(roles) == "input") & (operands["b"].map(roles) == "reach")]
money_reach = pd.DataFrame(
    {
        "id": pairs.index,
        "program": [indicators.set_index("id").loc[a, "program"] for a in pairs["a"]],
        "theme": [ratios.loc[i, "theme"] for i in pairs.index],
        "money": [indicators.set_index("id").loc[a, "value"] for a in pairs["a"]],
        "reached": [indicators.set_index("id").loc[b, "value"] for b in pairs["b"]],
        "reached_high": [indicators.set_index("id").loc[b, "high"] for b in pairs["b"]],
        "reach_unit": [indicators.set_index("id").loc[b, "unit"] for b in pairs["b"]],
        "per_head": [ratios.loc[i, "value"] for i in pairs.index],
        "low": [ratios.loc[i, "low"] for i in pairs.index],
        "high": [ratios.loc[i, "high"] for i in pairs.index],
    }
).sort_values("per_head", ascending=False)
money_reach[["id", "money", "reached", "per_head", "low", "high"]]


# %%
PER_HEAD_LINES = (100, 1_000, 10_000, 100_000)  # yuan per household or person


def per_head_line(ax, yuan: float, labels: Labels, avoid: list) -> None:
    """The diagonal of `yuan` per head across the axes, labelled as near its lower end as the label can
    stand without covering anything in `avoid` (display boxes of the points and their labels)."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    xs = np.geomspace(x0, x1, 50)
    ys = labels.money(yuan * xs)
    keep = (ys >= y0) & (ys <= y1)
    ax.plot(xs[keep], ys[keep], color="#999999", linewidth=0.8, linestyle="--", zorder=1)
    renderer = ax.figure.canvas.get_renderer()
    for start in xs[keep][2:-2]:  # a little inside either end
        note = ax.annotate(
            labels.chart("per_head_line", amount=format_value_short(yuan)),
            (start, labels.money(yuan * start)),
            xytext=(4, 0),
            textcoords="offset points",
            ha="left",
            va="top",
            color="#666666",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
        )
        box = note.get_window_extent(renderer)
        if not any(box.overlaps(other) for other in avoid):
            avoid.append(box)
            return
        note.remove()
    raise ValueError(f"no place on the {yuan:g} yuan line for its label")


def point_boxes(ax, xs, ys, radius: float = 12) -> list:
    """Display boxes around points, padded by `radius` pixels, for labels to keep clear of."""
    return [
        Bbox.from_extents(px - radius, py - radius, px + radius, py + radius)
        for px, py in ax.transData.transform(np.column_stack([xs, ys]))
    ]


def per_head_text(labels: Labels, value: float, unit: str, low: float, high: float) -> str:
    """An amount per head to the precision its interval supports; a wide interval as its two ends."""
    if precision.shown(value, low, high).startswith("between"):
        return labels.chart("between", low=f"{math.floor(low):,}", high=f"{math.ceil(high):,}", unit=unit)
    return labels.rounded(value, unit, low, high)


def draw_money_reach(labels: Labels, fmt: charts.Format):
    fig, ax = charts.canvas(fmt, height=4.6)
    tidy = money_reach.assign(unit=list(ratios.loc[money_reach["id"], f"unit_{labels.lang}"]))
    tidy = tidy.assign(
        plotted=[labels.money(v) for v in tidy["money"]],
        label=[labels("program", p) for p in tidy["program"]],
        text=[
            f"{labels('program', p)}{'：' if labels.lang == 'zh' else ': '}{per_head_text(labels, v, u, lo, hi)}"
            for p, v, u, lo, hi in tidy[["program", "per_head", "unit", "low", "high"]].itertuples(index=False)
        ],
    )
    tidy["shade"] = shade(tidy["theme"], [operands.loc[i, "a"] for i in tidy["id"]])
    ax.hlines(tidy["plotted"], tidy["reached"], tidy["reached_high"], colors=[SHADES[s] for s in tidy["shade"]])
    sns.scatterplot(
        data=tidy, x="reached", y="plotted", hue="shade", palette=SHADES, s=90, legend=False, zorder=3, ax=ax
    )
    for dot in ax.collections:
        dot.set_clip_on(False)  # a point at the axis' end is drawn whole
    charts.log_axis(ax, [*tidy["reached"], *tidy["reached_high"]])
    charts.log_axis(ax, tidy["plotted"], axis="y")
    middle = np.sqrt(np.prod(ax.get_xlim()))
    notes = []
    for row in tidy.itertuples():
        right = row.reached < middle
        # A point with another at about its height further right takes its label above it.
        crowded = any(
            o.reached > row.reached and abs(np.log10(o.plotted / row.plotted)) < 0.2 for o in tidy.itertuples()
        )
        note = ax.annotate(
            row.text,
            (row.reached_high if right else row.reached, row.plotted),
            xytext=(-6, 9) if crowded else (8 if right else -8, 0),
            textcoords="offset points",
            ha="left" if right else "right",
            va="bottom" if crowded else "center",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
        )
        notes.append(note.get_window_extent(ax.figure.canvas.get_renderer()))
    avoid = notes + point_boxes(ax, [*tidy["reached"], *tidy["reached_high"]], [*tidy["plotted"], *tidy["plotted"]])
    for yuan in PER_HEAD_LINES:
        per_head_line(ax, yuan, labels, avoid)
    ax.set(xlabel=labels.chart("axis_reached"), ylabel=labels.money_unit())
    grants = tidy[tidy["shade"] != "premium"]  # a premium is not set against a grant
    dearest, cheapest = grants.iloc[0], grants.iloc[-1]
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_money_reach",
            dearest=labels("program", dearest["program"]),
            most=per_head_text(labels, *dearest[["per_head", "unit", "low", "high"]]),
            cheapest=labels("program", cheapest["program"]),
            least=per_head_text(labels, *cheapest[["per_head", "unit", "low", "high"]]),
        ),
        subtitle=labels.chart("subtitle_money_reach", unit=labels.money_unit()),
        notes=[
            labels.chart("note_money_reach"),
            *([labels.chart("note_premium_grey")] if (tidy["shade"] == "premium").any() else []),
            labels.chart("note_rounded"),
        ],
        legend=charts.theme_handles(grants["theme"], labels),
    )
    columns = ["id", "program", "money", "reached", "reached_high", "reach_unit", "per_head", "low", "high", "plotted"]
    data = tidy[columns]
    return fig, charts.plotted(data, labels, ids=behind(tidy["id"]))


figures.bilingual("02_money_against_reach", draw_money_reach)

# %% [markdown]
# ## Accident insurance: premiums against claims
#
# The article reports a "simple payout ratio" (简单赔付率) of 65.91%: any ratio from 65.905% up to
# 65.915%. Claims divided by premiums, each known to the nearest 100 yuan, gives an interval that
# lies inside it. What is left, the share of the premiums not returned as claims, is the
# complement of that interval. It is one year's claims: an insurance's claims vary from year to
# year, and the article gives no other year.

# %%
reported = theme.loc["ta_accident_payout_ratio"]
recomputed = ratios.loc["ta_payout_ratio"]
print(f"recomputed: {recomputed.formula} in [{recomputed.low:.4f}, {recomputed.high:.4f}] %")
print(f"reported:   {reported.quote}, which allows [{reported.low:g}, {reported.high:g}) %")
assert reported.low <= recomputed.low <= recomputed.high < reported.high, "the article's ratio is claims ÷ premiums"
# The share kept is 100% less the reported ratio, to the precision the printed 65.91% carries.
kept, kept_low, kept_high = derived.complement(reported.value, reported.low, reported.high)
print(f"not returned as claims: {kept:.2f} % in [{kept_low:.3f}, {kept_high:.3f}]")

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
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.sentence(
            labels.chart(
                "title_insurance",
                kept=labels.rounded(kept, "%", kept_low, kept_high),
                ratio=reported.printed,
            )
        ),
        subtitle=labels.chart("subtitle_insurance", unit=labels.money_unit()),
        notes=[labels.chart("note_one_year")],
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
# - Of the 5 programmes whose money and reach the article both gives, the 3 that give grants put in
#   from about 2,863.9 yuan per head (Student aid) to about 37,400 yuan (Housing Project); the other
#   2 buy insurance.
# - About 34.09% of the accident-insurance premiums was not returned as claims in 2021 (100% less the
#   reported 65.91%); one year's claims say little about what the insurance returns over time, and
#   the article gives no other year.
# - The accident insurance cost about 99.9 yuan in premiums and paid about 65.87 yuan in claims per
#   insured household, averaged over all 94.84万户 insured because the article gives no count of
#   claims.
#
# ## Caveats
#
# - The per-beneficiary amounts assume that all the money went to the households or students
#   counted; the article does not say whether any went to administration.
# - Claims per insured household is not the payout per claim (户均理赔 in the usual sense): the
#   article does not say how many households claimed.
# - "Money recovered" is what legal aid recovered for clients, not money the association spent:
#   it is kept out of the money put in (notebook 00) and shown only with legal aid.
# - The share of premiums not returned as claims is one year's: the article gives no other year,
#   and claims vary from year to year. It is not the insurer's margin either: the article says
#   nothing of the insurer's costs.
# - On the money-against-reach chart, households (户) and persons (名) share one axis: a household
#   is not a person, so a point's position across compares counts, not people.
# - Legal aid's cases (件), disputes (宗) and consultations (人次) are different things in different
#   units; consultations are person-times.
