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
# # 00 · The article at a glance
#
# **Question.** What does the Fujian Family Planning Association's 2021 work summary report, theme
# by theme, and what kind of figure is each: money put in, people and households reached, or
# things done?
#
# **Method.** Every figure comes from `data/indicators.csv` through `fujian_fpa`, which checks each
# one against the article's text on load. Nothing below is typed in.
#
# **Writes**
# - `figures/{zh,en}/00_money_by_program.{png,svg,csv}`
# - `figures/{zh,en}/00_figures_by_theme.{png,svg,csv}`

# %%
import matplotlib.pyplot as plt
import pandas as pd

from fujian_fpa import charts, data, figures
from fujian_fpa.labels import Labels
from fujian_fpa.style import THEME_ORDER, set_style

set_style()
article = data.load_article()
indicators = data.load_indicators()
themes = data.load_themes()

# %% [markdown]
# ## The structure as printed
#
# The headline names three promises; the body has four numbered sections. The section numbers
# come from the article itself (`data/themes.csv`, checked against its headings by the tests).

# %%
headline = article.strip().splitlines()[0].split()
sections = themes.dropna(subset=["section"]).sort_values("printed_position")
sections = sections.assign(in_headline=[any(phrase in title for phrase in headline) for title in sections["title_zh"]])
sections[["printed_position", "section", "title_zh", "title_en", "in_headline"]]

# %%
printed_order = sections["section"].tolist()
assert sorted(printed_order) == list(range(1, len(printed_order) + 1)), "sections are numbered 1..n"
print("Headline phrases:", len(headline), headline)
print("Body sections:   ", len(sections))
print("Sections as printed:", " → ".join(map(str, printed_order)))
print("Section not named in the headline:", ", ".join(sections.loc[~sections["in_headline"], "title_zh"]))

# %% [markdown]
# ## How many figures each theme reports, and of what kind
#
# Each figure has a *role*: **input** (money spent), **reach** (households, persons,
# person-times), **activity** (events held, things made, cases handled), **outcome** (claims paid,
# losses recovered, the payout ratio), **parameter** (the design of a programme) or **honour**.

# %%
counts = pd.crosstab(indicators["theme"], indicators["role"])
counts = counts.reindex([t for t in THEME_ORDER if t in counts.index])
counts["total"] = counts.sum(axis=1)
assert counts["total"].sum() == len(indicators)
counts


# %%
def draw_counts(labels: Labels):
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    per_theme = counts["total"]
    charts.hbars(
        left,
        [labels("theme", t) for t in per_theme.index],
        per_theme.values,
        per_theme.index,
        [str(v) for v in per_theme.values],
    )
    left.set_title(labels.chart("figures_per_theme"))
    left.set_xlabel(labels.chart("number_of_figures"))
    roles = counts.drop(columns="total").sum().sort_values(ascending=False).index
    base = pd.Series(0, index=roles)
    for theme in counts.index:
        row = counts.loc[theme, roles]
        ys = range(len(roles))[::-1]
        right.barh(list(ys), row.values, left=base.values, color=charts.THEME_COLOURS[theme], height=0.7)
        base += row
    right.set_yticks(list(range(len(roles))[::-1]), [labels("role", r) for r in roles])
    right.grid(axis="y", visible=False)
    right.xaxis.set_major_locator(charts.MaxNLocator(integer=True))
    right.set_title(labels.chart("figures_per_role"))
    right.set_xlabel(labels.chart("number_of_figures"))
    charts.theme_legend(fig, counts.index, labels)
    tidy = counts.drop(columns="total").stack().rename("figures").reset_index()
    tidy = charts.plotted(
        tidy,
        labels,
        theme_label=[labels("theme", t) for t in tidy["theme"]],
        role_label=[labels("role", r) for r in tidy["role"]],
    )
    return fig, tidy


figures.bilingual("00_figures_by_theme", draw_counts)

# %% [markdown]
# ## Money by programme
#
# Every figure in 元 (the article prints 万元 and 亿元; the data hold 元). Inputs, claims paid and
# losses recovered are all money but not the same thing, so each bar names its metric. The
# amounts span two orders of magnitude, hence the log scale.

# %%
money = indicators[indicators["unit"] == "元"].sort_values("value", ascending=False)
assert (money["bound"] == "exact").all(), "no money figure is approximate"
money[["id", "program", "metric_en", "role", "value", "quote"]]


# %%
def draw_money(labels: Labels):
    fig, ax = plt.subplots(figsize=(9, 5.5))
    names = [
        f"{labels('program', p)}\n{labels('metric', i)}" for p, i in zip(money["program"], money["id"], strict=True)
    ]
    values = [labels.money(v) for v in money["value"]]
    charts.hbars(ax, names, values, money["theme"], [labels.amount(v, "元") for v in money["value"]], log=True)
    ax.set_xlabel(labels.chart("amount_log", unit=labels.money_unit()))
    ax.set_title(labels.chart("money_by_program"))
    charts.theme_legend(fig, money["theme"], labels)
    tidy = charts.plotted(
        money[["id", "theme", "program", "role", "value", "unit"]], labels, label=names, plotted_value=values
    )
    return fig, tidy


figures.bilingual("00_money_by_program", draw_money)

# %%
inputs = money[money["role"] == "input"]
share = inputs.set_index("program")["value"] / inputs["value"].sum()
print("Share of all money put in (role = input):")
print(share.map("{:.1%}".format).to_string())

# %% [markdown]
# ## Findings
#
# - The article's body has four sections but its headline names three; the family-health section
#   (numbered 4) is printed before section 3.
# - Most figures are reach and activity counts. Money appears only in the special-families and
#   targeted-assistance themes.
# - The Happiness Project and the accident-insurance premiums dominate the money put in (shares
#   above).
#
# ## Caveats
#
# - Counts of figures depend on how the article chose to report, not on how much work was done.
# - Money figures mix inputs with outcomes (claims paid, losses recovered); they are shown side
#   by side, never added.
