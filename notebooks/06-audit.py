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
# # 06 · Audit: every claim, its check, its result
#
# **Question.** Can a reviewer trust the numbers the other notebooks use? This notebook checks
# the data against the article, recomputes every derived figure with its formula, lists the
# approximate figures and how they are treated, names the units that must never be added, and
# records the defects of the source.
#
# **Writes**
# - `figures/{zh,en}/06_accounting.{png,svg,csv}`

# %%
import matplotlib.pyplot as plt
import pandas as pd

from fujian_fpa import charts, data, derived, figures, textnorm
from fujian_fpa.labels import Labels
from fujian_fpa.style import set_style

set_style()
article = data.load_article()
indicators = data.load_indicators()
events = data.load_events()
ratios = derived.compute(indicators)
accounting = data.accounting()

# %% [markdown]
# ## Claims and checks


# %%
def verbatim(frame: pd.DataFrame) -> int:
    return sum(article[s : s + len(q)] == q for s, q in frame[["start", "quote"]].itertuples(index=False))


measured = accounting[accounting["measured"]]
payout = ratios.set_index("id").loc["ta_payout_ratio"]
reported_payout = indicators.set_index("id").loc["ta_accident_payout_ratio", "value"]
audit = pd.DataFrame(
    [
        (
            "Every figure's quote stands verbatim in the article at its offset",
            "article[start : start + len(quote)] == quote, indicators and events",
            f"{verbatim(indicators) + verbatim(events)} of {len(indicators) + len(events)}",
        ),
        (
            "Each figure's value, unit and bound are what its quote says",
            "the extractor's reading of the quote equals the row (checked on every load)",
            f"{len(indicators)} of {len(indicators)} loaded",
        ),
        (
            "Every measured number in the article is a row of indicators.csv",
            "extractor mentions of kind quantity, percent or range, against the quotes",
            f"{measured['accounted_by'].str.startswith('indicators.csv').sum()} of {len(measured)}",
        ),
        (
            "Every other number is an event date or a listed exclusion",
            "all other mentions, against events.csv and exclusions.csv",
            f"{accounting['accounted_by'].notna().sum() - len(measured)} of {len(accounting) - len(measured)}",
        ),
        (
            "The simple payout ratio is claims ÷ premiums",
            payout.formula,
            f"{payout.value:.4f} % recomputed, {reported_payout:.2f} % reported",
        ),
    ],
    columns=["claim", "check", "result"],
)
assert accounting["accounted_by"].notna().all()
audit

# %% [markdown]
# ## Every derived figure, with its formula
#
# Bounds carry through: a lower bound divided by an exact number stays a lower bound, and as the
# divisor it turns the result into an upper bound.

# %%
ratios[["id", "formula", "numbers", "value", "unit_en", "bound"]]

# %% [markdown]
# ## Approximate figures
#
# A 多 ("more than") makes the printed number a lower bound. The notebooks keep the printed
# number, mark it with ≥ in charts, and carry the bound through every ratio.

# %%
approximate = indicators[indicators["bound"] != "exact"][["id", "quote", "value", "value_max", "unit", "bound"]]
approximate = approximate.assign(
    treatment=approximate["bound"].map(
        {
            "at_least": "lower bound: shown as ≥, ratios bounded",
            "range": "range: both ends kept",
            "at_most": "upper bound: shown as ≤",
            "approx": "approximate: shown as ≈",
        }
    )
)
assert approximate["treatment"].notna().all()
approximate

# %% [markdown]
# ## Units that must never be added together
#
# 人 and 名 count people, 户 counts households, 人次 counts attendances. A household holds several
# people and one person can attend many times, so a sum across these units counts nothing.

# %%
units = data.load_units()
used = indicators.groupby("unit").size().rename("figures")
dimensions = units.set_index("unit").join(used, how="inner")[["en", "dimension", "figures", "description"]]
dimensions.sort_values(["dimension", "figures"], ascending=[True, False])

# %%
reach = indicators[indicators["role"] == "reach"]
print("Reach figures by dimension (never summed across rows of this table):")
print(reach.merge(units, on="unit").groupby("dimension").size().to_string())

# %% [markdown]
# ## Defects of the source
#
# The section numbers as printed, and the places where the page layout broke a word across lines.

# %%
themes = data.load_themes().dropna(subset=["section"]).sort_values("printed_position")
printed = themes["section"].tolist()
print("Sections as printed:", " → ".join(map(str, printed)), "| in order:", printed == sorted(printed))
pd.DataFrame(textnorm.layout_breaks(article), columns=["offset", "break"])

# %% [markdown]
# ## What accounts for each number of the article


# %%
kinds = accounting.assign(
    source=accounting["accounted_by"].str.split(":").str[0],
)
summary = (
    kinds.groupby(["source", "kind"]).size().rename("numbers").reset_index().sort_values("numbers", ascending=False)
)
summary


# %%
def draw_accounting(labels: Labels):
    fig, ax = plt.subplots(figsize=(8, 3.8))
    names = [
        f"{labels.chart('source_' + s.removesuffix('.csv'))} · {labels.chart('kind_' + k)}"
        for s, k in summary[["source", "kind"]].itertuples(index=False)
    ]
    charts.hbars(ax, names, summary["numbers"], ["overview"] * len(summary), [str(n) for n in summary["numbers"]])
    ax.set_xlabel(labels.chart("numbers_in_article"))
    ax.set_title(labels.chart("accounting"))
    return fig, charts.plotted(summary, labels, label=names)


figures.bilingual("06_accounting", draw_accounting)

# %% [markdown]
# ## Findings
#
# - Every number in the article is accounted for exactly once: as a figure, an event date or a
#   listed exclusion.
# - The reported payout ratio is claims ÷ premiums; the per-beneficiary figures are simple ratios
#   whose bounds are stated.
#
# ## Caveats
#
# - The checks prove that the data say what the article says, not that the article is right.
# - Person-times (人次) are attendances, not people; no notebook adds them to counts of people or
#   households.
