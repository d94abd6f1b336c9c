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
# # 08 · What the article measures
#
# **Question.** Read as a report, what does the article measure: what share of its figures are
# money put in, work done and people reached, or outcomes; does any figure come with a baseline, a
# target or a comparison with the year before; how much of the text does each theme take; and
# where does its wording claim more than its figures show?
#
# **Method.** The roles come from `data/indicators.csv`. The text is measured by
# `fujian_fpa.framing`: sentences are cut at 。！？ (a heading, the byline or a photo caption is a
# sentence of its own), sections at the headings `data/themes.csv` names, and a comparison is a
# word such as 同比, 比上年, 增长, 下降, 目标, 计划 or 名额 in the same sentence as a figure (计划 of
# 计划生育, family planning, is not one). Nothing below is read by eye.
#
# **Writes**
# - `figures/{zh,en}/08_figure_roles.{png,svg,csv}`
# - `figures/{zh,en}/08_text_by_theme.{png,svg,csv}`

# %%
import fujian_fpa

fujian_fpa.show_article()

# %%
from IPython.display import Markdown
from matplotlib.ticker import MaxNLocator
import pandas as pd

from fujian_fpa import charts, data, figures, findings, framing
from fujian_fpa.labels import Labels
from fujian_fpa.style import NEUTRAL, set_style

set_style()
article = data.load_article()
indicators = data.load_indicators()
themes = data.load_themes()

# %% [markdown]
# ## What kind of figure
#
# Each figure's role: **input** (money put in), **output** (things made or held), **reach**
# (households, people or person-times served), **capacity** (people trained, sites built),
# **outcome** (claims paid, money recovered, the payout ratio), **plan**, **parameter** (a
# programme's design) or **honour**. Only an outcome says what the work achieved.

# %%
roles = (
    indicators.groupby("role")
    .agg(figures=("id", "size"), ids=("id", ";".join))
    .sort_values("figures", ascending=False)
    .reset_index()
)
roles = roles.assign(share=roles["figures"] / roles["figures"].sum())
assert roles["figures"].sum() == len(indicators)
roles[["role", "figures", "share"]]

# %% [markdown]
# ## Baselines, targets and comparisons
#
# A report that measures progress sets a figure against something: the year before, a baseline, a
# target. `framing.comparison_words` finds every such word in the text; `framing.compared_figures`
# lists, for each figure, the comparison words of its sentence.

# %%
words = framing.comparison_words(article)
compared = framing.compared_figures(article, indicators)
kinds = list(framing.COMPARISON_WORDS)
with_word = compared[(compared[kinds] != "").any(axis=1)]
print("comparison words in the text:", len(words))
print("figures in a sentence with one:", len(with_word))
words.assign(context=[article[max(0, s - 12) : s + 12].replace("\n", "") for s in words["start"]])

# %%
with_word.merge(indicators[["id", "role", "printed"]], on="id")[["id", "printed", "role", *kinds]]

# %%
# Money put in and outcomes, the two kinds an evaluation starts from, stand out; not theme colours.
PALETTE = {role: "#BDBDBD" for role in roles["role"]} | {"input": NEUTRAL, "outcome": NEUTRAL}


def draw_roles(labels: Labels, fmt: charts.Format):
    fig, ax = charts.canvas(fmt, height=2.8 if fmt.compact else 2.6)
    tidy = roles.assign(
        label=[labels.sentence(labels("role", r)) for r in roles["role"]],
        text=[f"{n} · {s:.0%}" for n, s in roles[["figures", "share"]].itertuples(index=False)],
    )
    charts.bars(ax, tidy, x="figures", y="label", texts=tidy["text"], hue="role", palette=PALETTE)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=fmt.nbins, integer=True))  # counts of figures
    counted = roles.set_index("role")["figures"]
    earlier = int((compared[["year_on_year", "baseline"]] != "").any(axis=1).sum())
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_roles",
            work=int(counted.reindex(["output", "reach", "capacity"]).sum()),
            total=len(indicators),
            outcomes=int(counted.get("outcome", 0)),
            earlier=earlier,
        ),
        subtitle=labels.chart("subtitle_roles"),
        notes=[labels.chart("note_roles_dark"), labels.chart("note_roles")],
    )
    return fig, charts.plotted(tidy[["role", "figures", "share", "label", "ids"]], labels)


figures.bilingual("08_figure_roles", draw_roles, thumbnail=True)

# %% [markdown]
# ## How much of the text each theme takes
#
# Characters of body text per section, whitespace and photo captions left out, beside the figures
# each section prints. The opening paragraph before the first heading is the overview. The
# sections are in the order the file prints them: the opening, then 1, 2, 4, 3.

# %%
lengths = framing.section_lengths(article, themes, indicators)
lengths = lengths.assign(per_100=100 * lengths["figures"] / lengths["characters"])
lengths[["theme", "characters", "share", "figures", "per_100", "captions"]]


# %%
def draw_text(labels: Labels, fmt: charts.Format):
    fig, (left, right) = charts.canvas(fmt, height=2.4, ncols=2, sharey=True)
    fig.get_layout_engine().set(wspace=0.08)  # the left axis' last number stands apart from the right's 0
    tidy = lengths.assign(label=[labels.theme(t) for t in lengths["theme"]])  # in the file's order
    charts.bars(
        left,
        tidy,
        x="characters",
        y="label",
        texts=[f"{c:,} · {s:.0%}" for c, s in zip(tidy["characters"], tidy["share"], strict=True)],
    )
    charts.bars(right, tidy, x="figures", y="label", texts=tidy["figures"].astype(str))
    left.set(xlabel="", ylabel="", title=labels.chart("panel_characters"))
    right.set(xlabel="", ylabel="", title=labels.chart("panel_figures"))
    longest = tidy.loc[tidy["characters"].idxmax()]
    densest = tidy.loc[tidy["per_100"].idxmax()]
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_text_by_theme",
            longest=labels.theme(longest["theme"]),
            share=f"{longest['share']:.0%}",
            densest=labels.theme(densest["theme"]),
            per_100=f"{densest['per_100']:.1f}",
        ),
        subtitle=labels.chart("subtitle_text_by_theme"),
        notes=[labels.chart("note_text_by_theme")],
    )
    data = tidy[["theme", "characters", "share", "figures", "per_100", "captions", "label", "ids"]]
    return fig, charts.plotted(data, labels)


figures.bilingual("08_text_by_theme", draw_text)

# %% [markdown]
# ## Where the framing outruns the figures
#
# The headline promises three comparatives: protection *more* solid, help *more* effective, service
# *warmer*. A comparative needs something to compare with; the article gives no earlier year (see
# above). `framing.sentences_with` finds every body sentence that repeats one of them and counts the
# figures printed in it; `framing.sentences_without_figures` measures how much of the body makes
# its claims with no figure at all.

# %%
headline = article.strip().splitlines()[0]
comparatives = framing.comparatives(headline)
echoes = pd.concat([framing.sentences_with(article, w, indicators).assign(word=w) for w in comparatives])
echoes

# %%
bare = framing.sentences_without_figures(article, indicators, themes)
bare.groupby("has_figure")["characters"].agg(["count", "sum"])

# %% [markdown]
# ## Findings
#
# Computed from the data by `fujian_fpa.findings`; the tests check that the text below says what
# this cell shows.

# %%
Markdown("\n".join(f"- {sentence}" for sentence in findings.of("08-what-the-article-measures")))

# %% [markdown]
# - 31 of the article's 48 figures (65%) count work done, people reached or capacity built; 5 count
#   money put in and 3 an outcome, and 0 is set against an earlier year or a baseline.
# - The text holds 3 words of comparison (增长、近年、名额); only 名额 shares a sentence with figures, and all
#   4 of those are the plan's own design (parameter, plan), not a delivered count set against a
#   target.
# - Warmer services for the people takes the most body text, 29% of 1,637 characters, and prints 18
#   figures; the opening takes 9% and prints 0.
# - The headline's 3 comparatives (更稳固、更有力、更暖心) recur in 4 sentences, 0 of which print a figure; 11
#   of the 29 body sentences (31% of their characters) print no figure at all.
#
# ## Caveats
#
# - The comparison words are a list (`framing.COMPARISON_WORDS`): a comparison phrased otherwise
#   would be missed. The list and the rule for 计划生育 are tested on sentences written for the tests.
# - Characters count the file as scraped: the page layout may have cut or repeated nothing, but the
#   order of sections (1, 2, 4, 3) shows the scrape is not the printed page.
# - A figure's role is a reading recorded in `data/indicators.csv`, each pinned by a test; the
#   counts here follow those readings.
# - A work summary is not an evaluation: the absence of baselines says what this article measures,
#   not what the association measured.
