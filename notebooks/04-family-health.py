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
# # 04 · Family health (家庭健康)
#
# **Question.** How large was the family-health effort (experts, events, instructors) and how
# far did it reach online, offline and through publicity?
#
# **Method.** The theme's figures from `fujian_fpa`. All reach figures here are in person-times
# (人次): attendances, not people. One person at two events counts twice, and the same person
# may be online, offline and in the publicity count at once.
#
# **Writes**
# - `figures/{zh,en}/04_reach_person_times.{png,svg,csv}`

# %%
import fujian_fpa

fujian_fpa.show_article(theme="family_health")

# %%

from IPython.display import Markdown

from fujian_fpa import charts, data, derived, figures, findings, precision
from fujian_fpa.labels import Labels, format_value_short
from fujian_fpa.style import set_style

set_style()
indicators = data.load_indicators()
theme = indicators[indicators["theme"] == "family_health"]
ratios = derived.compute(indicators).set_index("id")
theme[["id", "program", "metric_en", "role", "value", "unit", "bound"]]

# %% [markdown]
# ## The expert pool and the events

# %%
theme[theme["role"].isin(["output", "capacity"])][["metric_en", "role", "printed", "value", "unit", "bound"]]

# %% [markdown]
# ## Reach: online, offline and publicity
#
# All three figures are person-times. They are drawn side by side and never added: the article
# does not say how many distinct people took part. The bars are on a linear axis, so that their
# lengths compare honestly. The instructor training (7.1万人次) is capacity built, listed above,
# not reach.

# %%
reach = theme[theme["role"] == "reach"].sort_values("value", ascending=False)
assert set(reach["unit"]) == {"人次"}, "every reach figure of this theme is in person-times"
online_offline = ratios.loc["fh_online_to_offline"]
shown = precision.shown(online_offline.value, online_offline.low, online_offline.high)
print(f"online ÷ offline: {online_offline.numbers} = {shown} {online_offline.unit_en}")
per_event = ratios.loc["fh_offline_per_event"]
print(f"offline ÷ events: {per_event.numbers} = {precision.shown(per_event.value, per_event.low, per_event.high)}")
reach[["id", "metric_en", "value", "unit"]]


# %%
def draw_reach(labels: Labels, fmt: charts.Format):
    fig, ax = charts.canvas(fmt, height=2.2 if fmt.compact else 2.0)
    tidy = reach.assign(
        label=labels.metrics(reach),
        plotted=reach["value"].astype(float),
        # Numbers only: the unit (person-times) is in the subtitle, and the same texts in both languages
        # give both the same axis.
        text=[format_value_short(v) for v in reach["value"]],
    )
    charts.bars(ax, tidy, x="plotted", y="label", texts=tidy["text"])
    charts.finish(
        fig,
        labels,
        fmt,
        title=labels.chart(
            "title_online_offline",
            times=precision.rounded_text(online_offline.value, online_offline.low, online_offline.high),
        ),
        subtitle=labels.chart("subtitle_person_times"),
        notes=labels.notes(reach),
    )
    return fig, charts.plotted(tidy[["id", "metric_en", "value", "unit", "bound", "label"]], labels)


figures.bilingual("04_reach_person_times", draw_reach, thumbnail=True)

# %% [markdown]
# ## The theme campaign
#
# The Party-centenary campaign (永远跟党走·奋进新征程) is reported as 5400多场: 5,400 up to 5,500
# events.

# %%
campaign = theme.set_index("id").loc["fh_theme_campaign_events"]
assert campaign.bound == "at_least"
print(f"{campaign.quote}: {campaign.low:,.0f} up to {campaign.high:,.0f} {campaign.unit}")

# %% [markdown]
# ## Findings
#
# Computed from the data by `fujian_fpa.findings`; the tests check that the text below says what
# this cell shows.

# %%
Markdown("\n".join(f"- {sentence}" for sentence in findings.of("04-family-health")))

# %% [markdown]
# - Online participation was about 34.8 times offline participation (929.95万人次 against
#   26.71万人次); both count attendances, not people.
# - If every offline attendance came from the 2528场次 of clinics and campaign events, each drew
#   about 105.7 attendances; the article does not say that they did.
#
# ## Caveats
#
# - Person-times are not people. Online, offline and publicity counts may include the same people
#   many times; adding them would count attendances, not reach.
# - The publicity figure is printed as 宣传覆盖人数 (a number of people) but counted in 人次.
# - The article does not say how online participation was measured (views, sign-ins, sessions).
