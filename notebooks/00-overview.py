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
import fujian_fpa

fujian_fpa.show_article(theme="overview")

# %%
from IPython.display import Markdown
import pandas as pd
import seaborn as sns

from fujian_fpa import charts, data, figures, findings
from fujian_fpa.labels import Labels, format_value_short
from fujian_fpa.style import THEME_ORDER, set_style

set_style()
article = data.load_article()
indicators = data.load_indicators()
themes = data.load_themes()

# %% [markdown]
# ## The structure as the source file prints it
#
# The headline names three promises; the body has four numbered sections. The section numbers
# come from the article itself (`data/themes.csv`, checked against its headings by the tests).
# The file is a scrape of a laid-out page, so the order below is the file's, which may not be the
# order the newspaper printed.

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
# Each figure has a *role*: **input** (money put in), **output** (sessions held, copies and
# episodes made, cases handled), **reach** (households, people or person-times served),
# **capacity** (people trained or certified, training attendances, experts enlisted, sites built),
# **outcome** (claims paid, money recovered, the payout ratio), **plan** (a quota or a planned
# length, not 2021 delivery), **parameter** (the design of a programme) or **honour**.

# %%
counts = pd.crosstab(indicators["theme"], indicators["role"])
counts = counts.reindex([t for t in THEME_ORDER if t in counts.index])
counts["total"] = counts.sum(axis=1)
assert counts["total"].sum() == len(indicators)
counts


# %%
def draw_counts(labels: Labels, fmt: charts.Format):
    fig, (left, right) = charts.canvas(fmt, height=3.2, ncols=2, width_ratios=[1, 2])
    per_theme = counts["total"].rename("figures").reset_index()
    per_theme = per_theme.assign(label=[labels.theme(t) for t in per_theme["theme"]])
    charts.bars(left, per_theme, x="figures", y="label", texts=per_theme["figures"].astype(str))
    left.set(xlabel="", ylabel="", title=labels.chart("panel_per_theme"))
    grid = counts.drop(columns="total")
    grid = grid[grid.sum().sort_values(ascending=False).index]
    # Column names alternate between two lines, so that neighbours never run together ("outcome parameter").
    grid = grid.set_axis([labels.theme(t) for t in grid.index]).set_axis(
        [("\n" * (k % 2)) + labels("role", r).replace(" ", "\n") for k, r in enumerate(grid.columns)], axis=1
    )
    # Empty cells stay blank; the lightest grey is one figure, so that every count shows.
    most = grid.max().max()
    shades = dict(cmap="Greys", vmin=-most / 3, vmax=most * 1.6, linewidths=2, linecolor="white", cbar=False)
    sns.heatmap(grid, annot=True, fmt="d", mask=grid.eq(0), **shades, ax=right)
    right.set(xlabel="", ylabel="", yticklabels=[], title=labels.chart("panel_theme_role"))
    right.tick_params(axis="x", rotation=0, length=0)
    right.grid(False)
    reach_or_output = counts[["reach", "output"]].sum().sum()
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_figures_by_kind",
            total=len(indicators),
            counts=reach_or_output,
            money=(indicators["unit"] == "元").sum(),
        ),
        subtitle=labels.chart("subtitle_figures_by_kind"),
    )
    tidy = counts.drop(columns="total").stack().rename("figures").reset_index()
    ids = [
        ";".join(indicators.loc[(indicators["theme"] == t) & (indicators["role"] == r), "id"])
        for t, r in tidy[["theme", "role"]].itertuples(index=False)
    ]
    tidy = charts.plotted(
        tidy,
        labels,
        theme_label=[labels.theme(t) for t in tidy["theme"]],
        role_label=[labels("role", r) for r in tidy["role"]],
        ids=ids,
    )
    return fig, tidy


figures.bilingual("00_figures_by_theme", draw_counts)

# %% [markdown]
# ## Money put in, by programme
#
# Every figure in 元 (the article prints 万元 and 亿元; the data hold 元). Only the money put in
# (role *input*) is drawn, with each programme's share of the total: claims paid and losses
# recovered are outcomes, not spending, and notebook 02 shows them on their own.

# %%
money = indicators[indicators["unit"] == "元"].sort_values("value", ascending=False)
assert (money["bound"] == "exact").all(), "no money figure carries 多, 近 or 约"
money[["id", "program", "metric_en", "role", "value", "quote"]]

# %%
inputs = money[money["role"] == "input"].assign(share=lambda m: m["value"] / m["value"].sum())
reached = indicators[indicators["role"] == "reach"].drop_duplicates("program").set_index("program")
print("Share of all money put in (role = input):")
print(inputs.set_index("program")["share"].map("{:.1%}".format).to_string())


# %%
def draw_money(labels: Labels, fmt: charts.Format):
    fig, ax = charts.canvas(fmt, height=2.6 if fmt is charts.FULL else 2.2)
    tidy = inputs.assign(
        label=[labels("program", p) for p in inputs["program"]],
        plotted=[labels.money(v) for v in inputs["value"]],
        text=[
            f"{format_value_short(labels.money(v)) if fmt.compact else labels.amount(v, '元')} · {s:.0%}"
            for v, s in inputs[["value", "share"]].itertuples(index=False)
        ],
    )
    charts.bars(ax, tidy, x="plotted", y="label", texts=tidy["text"])
    # A premium is paid to an insurer, not to households: its bar is hatched. Bars stand at rows 0, 1, …
    premium = data.buys_insurance(inputs).to_numpy()
    for bar in ax.patches:
        if premium[round(bar.get_y() + bar.get_height() / 2)]:
            bar.set(hatch="///", edgecolor="white", linewidth=0)
    top = inputs.iloc[0]
    reach = reached.loc[top["program"]]
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_money_in",
            share=f"{top['share']:.0%}",
            program=labels("program", top["program"]),
            reach=labels.amount(reach["value"], reach["unit"], reach["bound"], reach["id"]),
        ),
        # The article gives no total: the sum of its amounts, to the precision their intervals allow.
        subtitle=labels.chart(
            "subtitle_money_in",
            unit=labels.money_unit(),
            count=len(inputs),
            total=labels.rounded(
                labels.money(inputs["value"].sum()),
                labels.money_unit(),
                labels.money(inputs["low"].sum()),
                labels.money(inputs["high"].sum()),
            ),
        ),
        notes=[
            *([labels.chart("note_premiums_hatched")] if premium.any() else []),
            labels.chart("note_total_computed"),
        ],
        legend=charts.theme_handles(tidy["theme"], labels),
    )
    return fig, charts.plotted(tidy[["id", "theme", "program", "value", "unit", "share", "label", "plotted"]], labels)


figures.bilingual("00_money_by_program", draw_money, thumbnail=True)

# %% [markdown]
# ## Findings
#
# Computed from the data by `fujian_fpa.findings`; the tests check that the text below says what
# this cell shows.

# %%
Markdown("\n".join(f"- {sentence}" for sentence in findings.of("00-overview")))

# %% [markdown]
# - Two programmes take 87% of the money the article says was put in: Happiness Project (53%) and
#   Accident insurance for family-planning households (34%).
# - Only 3 of the article's 48 figures measure an outcome (claims paid, the payout ratio, money
#   recovered); the rest count money put in, outputs, reach, capacity, plans and honours.
#
# ## Caveats
#
# - Counts of figures depend on how the article chose to report, not on how much work was done.
# - Money figures mix inputs with outcomes (claims paid, losses recovered); they are shown side
#   by side, never added.
# - The source file prints section 4 before section 3. It is a scrape of a laid-out page, so that
#   order may come from the scrape rather than from the newspaper.
