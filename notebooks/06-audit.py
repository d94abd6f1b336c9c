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
# the data against the article, recomputes every derived figure with its formula and interval,
# lists the figures that are rounded or bounded as printed, names the units that must never be
# added, and records the defects of the source. It claims only what the tests also prove.
#
# **Writes**
# - `figures/{zh,en}/06_accounting.{png,svg,csv}`

# %%
import fujian_fpa

fujian_fpa.show_article()

# %%
from IPython.display import Markdown
import pandas as pd

from fujian_fpa import charts, data, derived, figures, findings, precision, textnorm
from fujian_fpa.labels import Labels
from fujian_fpa.style import NEUTRAL, set_style

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


covering = pd.Series(0, index=range(len(article)))
for start, end in accounting[["start", "end"]].itertuples(index=False):
    covering.iloc[start:end] += 1
numerals = [i for i, ch in enumerate(article) if ch in findings.NUMERALS]
once = accounting["accounted_by"].notna() & ~accounting["accounted_by"].fillna("").str.contains(";")
payout = ratios.set_index("id").loc["ta_payout_ratio"]
reported = indicators.set_index("id").loc["ta_accident_payout_ratio"]
audit = pd.DataFrame(
    [
        (
            "Every figure's quote stands verbatim in the article at its offset",
            "article[start : start + len(quote)] == quote, indicators and events",
            f"{verbatim(indicators) + verbatim(events)} of {len(indicators) + len(events)}",
        ),
        (
            "Each figure's value, unit, bound and interval are what its printed form says",
            "the extractor's reading of `printed` inside the quote equals the row (checked on every load)",
            f"{len(indicators)} of {len(indicators)} loaded",
        ),
        (
            "Every numeral character of the article lies in exactly one extractor mention",
            "Arabic digits and Chinese numerals, words such as 三孩 and 一等奖 included",
            f"{(covering[numerals] == 1).sum()} of {len(numerals)}",
        ),
        (
            "Every mention is accounted for exactly once",
            "a figure's printed form, an event's date or a listed exclusion",
            f"{once.sum()} of {len(accounting)}",
        ),
        (
            "The reported payout ratio agrees with claims ÷ premiums",
            "the recomputed interval lies inside the interval the printed 65.91% allows",
            f"[{payout.low:.4f}, {payout.high:.4f}] inside [{reported.low:g}, {reported.high:g})",
        ),
    ],
    columns=["claim", "check", "result"],
)
assert once.all() and (covering[numerals] == 1).all()
assert reported.low <= payout.low <= payout.high < reported.high
audit

# %% [markdown]
# ## Every derived figure, with its formula
#
# Intervals carry through by interval arithmetic: each result's interval runs from the least to
# the greatest value its inputs' intervals allow (ends rounded outwards). Each figure is shown to
# the precision its interval supports.

# %%
ratios.assign(
    shown=[precision.shown(r.value, r.low, r.high) for r in ratios.itertuples()],
    interval=[precision.interval_text(r.low, r.high) for r in ratios.itertuples()],
)[["id", "formula", "shown", "interval", "unit_en"]]

# %% [markdown]
# ## Figures that are rounded or bounded as printed
#
# A figure printed with decimals or with 万 or 亿 is rounded at its last printed digit; 多 adds
# less than one unit of the last non-zero digit (1万多 is 10,000 up to 20,000); a range keeps both
# ends. `fujian_fpa.precision.interval` reads each interval from the printed form.

# %%
inexact = indicators[indicators["low"] < indicators["high"]]
inexact = inexact.assign(
    rule=[
        {"at_least": "多: up to one more unit of the last non-zero digit", "range": "a range: both ends"}.get(
            b, "rounded at the last printed digit"
        )
        for b in inexact["bound"]
    ]
)
inexact[["id", "printed", "value", "low", "high", "unit", "rule"]]

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
def draw_accounting(labels: Labels, fmt: charts.Format):
    fig, ax = charts.canvas(fmt, height=3.6 if fmt.compact else 3.4)
    # Grouped by the file that accounts for the numbers, largest first within each.
    order = {"indicators.csv": 0, "events.csv": 1, "exclusions.csv": 2}
    grouped = summary.sort_values(["source", "numbers"], key=lambda c: c.map(order) if c.name == "source" else -c)
    tidy = grouped.assign(
        label=[
            f"{labels.chart('source_' + s.removesuffix('.csv'))} · {labels.chart('kind_' + k)}"
            for s, k in grouped[["source", "kind"]].itertuples(index=False)
        ],
        colour="neutral",
    )
    # A neutral colour outside the theme palette: these bars count the project's files, not a theme.
    charts.bars(
        ax, tidy, x="numbers", y="label", texts=tidy["numbers"].astype(str), hue="colour", palette={"neutral": NEUTRAL}
    )
    per_source = kinds.groupby("source").size()
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_accounting",
            total=len(accounting),
            figures=per_source["indicators.csv"],
            dates=per_source["events.csv"],
            excluded=per_source["exclusions.csv"],
        ),
        subtitle=labels.chart("subtitle_accounting"),
    )
    ids = [
        ";".join(kinds.loc[(kinds["source"] == s) & (kinds["kind"] == k), "accounted_by"].str.partition(":")[2])
        for s, k in grouped[["source", "kind"]].itertuples(index=False)
    ]
    return fig, charts.plotted(tidy.drop(columns="colour"), labels, ids=ids)


figures.bilingual("06_accounting", draw_accounting, thumbnail=True)

# %% [markdown]
# ## Findings
#
# Computed from the data by `fujian_fpa.findings`; the tests check that the text below says what
# this cell shows.

# %%
Markdown("\n".join(f"- {sentence}" for sentence in findings.of("06-audit")))

# %% [markdown]
# - The extractor finds 80 numbers in the article; the tests prove that each of its 273 numeral
#   characters lies in exactly one of them, and that each number is accounted for once: 48
#   figures, 7 event dates and 25 exclusions.
# - 24 of the 48 figures are rounded, bounded by 多 or ranges as printed and 24 are exact; every
#   derived figure carries the interval its inputs allow.
#
# ## Caveats
#
# - The checks prove that the data say what the article says, not that the article is right.
# - They prove that each numeral is seen and accounted for, not that the reading of each word or
#   exclusion is the right one; those readings are pinned one by one in `tests/test_semantics.py`.
# - Person-times (人次) are attendances, not people; the live-stream audience has an unknown unit.
#   No notebook adds either to counts of people or households.
