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
# # 03 · Services (为民服务): parenting, child nutrition, training, youth health
#
# **Question.** What did the parenting work produce and whom did it reach; how large is the
# child-nutrition programme; and how many people were trained and certified?
#
# **Method.** The theme's figures from `fujian_fpa`, split by role: outputs and capacity (things
# made, sessions held, rooms built) against reach (households and people served). Training
# attendances are capacity, not reach, and the nutrition figures are a plan. Derived figures come
# from `data/derived.csv` with the interval their inputs allow.
#
# **Writes**
# - `figures/{zh,en}/03_parenting.{png,svg,csv}`

# %%
import fujian_fpa

fujian_fpa.show_article(theme="services")

# %%
from IPython.display import Markdown
import pandas as pd

from fujian_fpa import charts, data, derived, figures, findings, precision
from fujian_fpa.labels import Labels
from fujian_fpa.style import set_style

set_style()
indicators = data.load_indicators()
theme = indicators[indicators["theme"] == "services"]
ratios = derived.compute(indicators).set_index("id")
theme[["id", "program", "metric_en", "role", "value", "unit", "bound"]]

# %% [markdown]
# ## Parenting: what was made and held, and whom it reached
#
# Episodes, books, rooms, lectures and activity sessions on one side; households served and
# people who benefited on the other. Every row has its own unit (集, 本, 个, 场次, 户, 人), so each
# is a labelled value with no value axis: nothing invites a comparison the units forbid. Training
# attendances (人次) are capacity, shown under training below.

# %%
parenting_programs = ["育儿宝典", "辣妈100问", "向日葵亲子小屋", "优生优育"]
parenting = theme[theme["program"].isin(parenting_programs)]
made = parenting["role"].isin(["output", "capacity"]) & (parenting["unit"] != "人次")
activity = parenting[made].sort_values("value", ascending=False)
reach = parenting[parenting["role"] == "reach"].sort_values("value", ascending=False)
assert len(activity) and len(reach)
reach[["id", "metric_en", "value", "unit", "bound"]]


# %%
def draw_parenting(labels: Labels, fmt: charts.Format):
    def tidy(rows: pd.DataFrame) -> pd.DataFrame:
        return rows.assign(label=labels.metrics(rows), text=labels.amounts(rows))

    made, reached = tidy(activity), tidy(reach)
    if fmt.compact:  # the thumbnail keeps the finding: whom the work reached
        fig, bottom = charts.canvas(fmt, height=1.0)
        panels = [(bottom, reached, "")]
    else:
        fig, (top, bottom) = charts.canvas(fmt, height=3.4, nrows=2, height_ratios=[len(made), len(reached)])
        panels = [(top, made, "panel_made_held"), (bottom, reached, "panel_reached")]
    # Episodes, copies, rooms, sessions; households and people: every row counts something else, so
    # each value is written beside its dot and no value axis invites a comparison.
    for ax, rows, title in panels:
        charts.values(ax, rows, y="label", texts=rows["text"])
        ax.set_title(labels.chart(title) if title else "", loc="left", fontsize=fmt.text)
    by_id = reach.set_index("id")
    households, people = by_id.loc["sv_households_served"], by_id.loc["sv_beneficiaries"]
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_parenting",
            households=labels.amount(
                households["value"], households["unit"], households["bound"], "sv_households_served"
            ),
            people=labels.amount(people["value"], people["unit"], people["bound"], "sv_beneficiaries"),
        ),
        subtitle=labels.chart("subtitle_parenting_reach" if fmt.compact else "subtitle_parenting"),
        notes=[labels.chart("note_own_unit"), *labels.notes(pd.concat([made, reached]))],
    )
    both = pd.concat([made, reached])
    return fig, charts.plotted(both[["id", "role", "value", "unit", "bound", "label"]], labels)


figures.bilingual("03_parenting", draw_parenting, thumbnail=True)

# %% [markdown]
# ### People per household served
#
# 51万多人 (510,000 up to 520,000) benefited in 22.3万户 (222,500 up to 223,500) households
# served. Interval arithmetic divides the ends.

# %%
per_household = ratios.loc["sv_people_per_household"]
print(f"{per_household.numbers}: {per_household.low:.3f} to {per_household.high:.3f} {per_household.unit_en}")
print(precision.shown(per_household.value, per_household.low, per_household.high), per_household.unit_en)

# %% [markdown]
# ## Child nutrition (儿童营养改善)
#
# Infants aged 7~36个月 in 23个 less-developed counties; a quota (资助名额) of 1万个 families a year
# for 3年. Its size is a plan, quota × years, not what was delivered in 2021.

# %%
nutrition = theme[theme["program"] == "儿童营养改善"].set_index("id")
age = nutrition.loc["sv_nutrition_age"]
family_years = ratios.loc["sv_nutrition_family_years"]
print(f"Ages: {age.value:.0f} to {age.value_max:.0f} {age.unit} ({age.quote})")
print(f"Planned size: {family_years.numbers} = {family_years.value:,.0f} {family_years.unit_en}")
nutrition[["metric_en", "role", "value", "value_max", "unit", "bound"]]

# %% [markdown]
# ## Training and certification
#
# Capacity built: sessions held, people certified, and training attendances (人次, not people).

# %%
trained = theme[
    theme["program"].isin(["育婴师、早教指导师培训", "青春健康"]) | (theme["id"] == "sv_childcare_instructors")
]
trained[["id", "program", "metric_en", "role", "value", "unit", "bound"]]

# %% [markdown]
# ## Youth health (青春健康)

# %%
theme[theme["program"] == "青春健康"][["metric_en", "value", "unit", "bound", "quote"]]

# %% [markdown]
# ## Findings
#
# Computed from the data by `fujian_fpa.findings`; the tests check that the text below says what
# this cell shows.

# %%
Markdown("\n".join(f"- {sentence}" for sentence in findings.of("03-services")))

# %% [markdown]
# - Parenting work served 22.3万户 and benefited 51万多人: about 2.3 beneficiaries per household
#   served (2.28 to 2.34 once the rounding of both is allowed for).
# - The child-nutrition programme's 30,000 family-years are a plan, a quota of 1万个 places a year
#   for 3年; the article reports no count of families funded in 2021.
#
# ## Caveats
#
# - 5000多场, 51万多人 and 1800多场次 are ranges: 5000多 is 5,000 up to 6,000.
# - The instructors trained online (1.68万人次) are training attendances, not people, and not reach.
# - The live-stream audience in the caption (89.1万) prints no measure word; summed across
#   platforms, it likely counts views or person-times, so the data record its unit as unknown.
