"""Each notebook's findings as sentences computed from the data.

A notebook prints its sentences and states them in its Findings section; the README's gallery
states each notebook's first one. The tests compute them afresh and check both texts, so a
finding cannot drift from the data. Derived figures are shown to the precision their interval
supports (`precision.shown`), never with digits the article's rounding does not give.
"""

from collections.abc import Callable

import pandas as pd

from . import data, derived
from .precision import shown


class _Data:
    """The tables every finding reads, loaded once."""

    def __init__(self):
        self.indicators = data.load_indicators().set_index("id")
        self.derived = derived.compute(self.indicators.reset_index()).set_index("id")
        self.glossary = data.load_glossary().set_index(["kind", "key"])["en"]

    def shown(self, rid: str) -> str:
        row = self.derived.loc[rid]
        return shown(row.value, row.low, row.high)

    def printed(self, rid: str) -> str:
        return self.indicators.loc[rid, "printed"]


def overview(d: _Data) -> list[str]:
    ind = d.indicators
    inputs = ind[ind["role"] == "input"].groupby("program")["value"].sum().sort_values(ascending=False)
    share = inputs / inputs.sum()
    first, second = share.index[:2]
    outcomes = ind[ind["role"] == "outcome"]
    return [
        f"Two programmes take {share.iloc[:2].sum():.0%} of the money the article says was put in: "
        f"{d.glossary[('program', first)]} ({share[first]:.0%}) and {d.glossary[('program', second)]} "
        f"({share[second]:.0%}).",
        f"Only {len(outcomes)} of the article's {len(ind)} figures measure an outcome (claims paid, the payout "
        "ratio, money recovered); the rest count money put in, outputs, reach, capacity, plans and honours.",
    ]


def special_families(d: _Data) -> list[str]:
    theme = d.indicators[d.indicators["theme"] == "special_families"]
    members = d.indicators.loc["sf_care_insurance_members"]
    return [
        f"Each insured member's hospital-care cover cost {d.shown('sf_premium_per_member')} yuan: "
        f"{d.printed('sf_care_insurance_spend')} spread over {members.printed} members, a count from "
        f"{members.low:,.0f} up to {members.high:,.0f}.",
        f"{(theme['role'] == 'honour').sum()} of the theme's {len(theme)} figures are honours, and "
        f"{(theme['role'] == 'reach').sum()} counts people reached.",
    ]


def targeted_assistance(d: _Data) -> list[str]:
    payout, reported = d.derived.loc["ta_payout_ratio"], d.indicators.loc["ta_accident_payout_ratio"]
    return [
        f"Per household helped, the Housing Project spent {d.shown('ta_housing_per_household')} yuan and the "
        f"Happiness Project {d.shown('ta_happiness_per_household')} yuan; student aid came to "
        f"{d.shown('ta_student_aid_per_student')} yuan per student.",
        f"Claims ÷ premiums, recomputed from the two rounded sums, lies between {payout.low:.4f} and "
        f"{payout.high:.4f} per cent: inside the {reported.low:g}% to {reported.high:g}% that the printed "
        f"{reported.printed} allows.",
        _money_against_reach(d),
        f"{_kept(reported)}% of the accident-insurance premiums was not returned as claims in 2021 (100% less "
        f"the reported {reported.printed}); one year's claims say little about what the insurance returns over "
        "time, and the article gives no other year.",
        f"The accident insurance cost {d.shown('ta_premium_per_household')} yuan in premiums and paid "
        f"{d.shown('ta_claims_per_insured_household')} yuan in claims per insured household, averaged over all "
        f"{d.printed('ta_accident_households')} insured because the article gives no count of claims.",
    ]


def _money_against_reach(d: _Data) -> str:
    """The spread of money per head over the programmes whose money (input) is divided by whom it reached."""
    defs = derived.load_definitions(indicators=d.indicators.reset_index()).set_index("id")
    roles = d.indicators["role"]
    pairs = defs[(defs["a"].map(roles) == "input") & (defs["b"].map(roles) == "reach")]
    # A premium paid to an insurer is not set against a grant to a household.
    insured = data.buys_insurance(d.indicators.reset_index()).set_axis(d.indicators.index)
    grants = pairs[~pairs["a"].map(insured)].index
    per_head = d.derived.loc[grants, "value"].sort_values()
    least, most = per_head.index[0], per_head.index[-1]
    program = d.indicators["program"]
    cheapest, dearest = (d.glossary[("program", program[defs.loc[i, "a"]])] for i in (least, most))
    return (
        f"Of the {len(pairs)} programmes whose money and reach the article both gives, the {len(grants)} that "
        f"give grants put in from {d.shown(least)} yuan per head ({cheapest}) to {d.shown(most)} yuan "
        f"({dearest}); the other {len(pairs) - len(grants)} buy insurance."
    )


def _kept(payout: pd.Series) -> str:
    """The share of premiums not returned as claims, to the precision the payout ratio's interval supports,
    capitalised."""
    text = shown(*derived.complement(payout.value, payout.low, payout.high))
    return text[:1].upper() + text[1:]


def services(d: _Data) -> list[str]:
    per_household = d.derived.loc["sv_people_per_household"]
    return [
        f"Parenting work served {d.printed('sv_households_served')} and benefited "
        f"{d.printed('sv_beneficiaries')}: {d.shown('sv_people_per_household')} beneficiaries per household "
        f"served ({per_household.low:.2f} to {per_household.high:.2f} once the rounding of both is allowed for).",
        f"The child-nutrition programme's {d.shown('sv_nutrition_family_years')} family-years are a plan, a quota "
        f"of {d.printed('sv_nutrition_families_per_year')} places a year for {d.printed('sv_nutrition_years')}; "
        "the article reports no count of families funded in 2021.",
    ]


def family_health(d: _Data) -> list[str]:
    return [
        f"Online participation was {d.shown('fh_online_to_offline')} times offline participation "
        f"({d.printed('fh_online_participation')} against {d.printed('fh_offline_participation')}); both count "
        "attendances, not people.",
        f"If every offline attendance came from the {d.printed('fh_events')} of clinics and campaign events, "
        f"each drew {d.shown('fh_offline_per_event')} attendances; the article does not say that they did.",
    ]


def timeline(d: _Data) -> list[str]:
    events = data.load_events().sort_values("date")
    first, last = events["date"].iloc[0], events["date"].iloc[-1]
    cities = [c for c in dict.fromkeys(events["city"]) if c]  # in order of their first event
    no_place = int((events["place"] == "").sum())
    return [
        f"The {len(events)} dated captions span {(last - first).days} days, from {first.day} {first:%B} to "
        f"{last.day} {last:%B}; they illustrate the article and are too few to say when the work was busiest.",
        f"The captions name places in {len(cities)} prefecture-level cities "
        f"({', '.join(d.glossary[('city', c)] for c in cities)}); {no_place} of the {len(events)} "
        "name no place.",
    ]


def audit(d: _Data) -> list[str]:
    table = data.accounting()
    source = table["accounted_by"].str.split(":").str[0].value_counts()
    numerals = numeral_characters(data.load_article())
    ind = d.indicators
    inexact = int((ind["low"] < ind["high"]).sum())
    return [
        f"The extractor finds {len(table)} numbers in the article; the tests prove that each of its {numerals} "
        f"numeral characters lies in exactly one of them, and that each number is accounted for once: "
        f"{source['indicators.csv']} figures, {source['events.csv']} event dates and "
        f"{source['exclusions.csv']} exclusions.",
        f"{inexact} of the {len(ind)} figures are rounded, bounded by 多 or ranges as printed and "
        f"{len(ind) - inexact} are exact; every derived figure carries the interval its inputs allow.",
    ]


def fujian_context(d: _Data) -> list[str]:
    from . import context, geo

    stats = context.load_context().set_index("id")
    ratios = context.coverage().set_index("figure")
    shares = ratios[ratios["kind"] == "share"].sort_values("value", ascending=False)
    top, households = shares.iloc[0], stats.loc["fj_family_households"]
    events = data.load_events()
    placed = [c for c in dict.fromkeys(events.sort_values("city")["city"]) if c]
    no_place = int((events["city"].fillna("") == "").sum())

    def ratio(figure: str) -> str:
        row = ratios.loc[figure]
        return shown(row.value, row.low, row.high)

    return [
        f"Set against official statistics of the province, the {d.glossary[('metric', shares.index[0])].lower()} "
        f"come to {shown(top.value, top.low, top.high)}% of Fujian's {households.printed} family households "
        f"({int(households.year)} census), the largest of the shares computed here.",
        f"Publicity reached {ratio('fh_publicity_coverage')} person-times per resident and online activities "
        f"{ratio('fh_online_participation')}; these count attendances, so they do not say what share of "
        "residents took part.",
        f"The captioned events took place in {len(placed)} of Fujian's {len(geo.load_prefectures())} "
        f"prefecture-level cities ({', '.join(d.glossary[('city', c)] for c in placed)}); {no_place} of the "
        f"{len(events)} captions name no place.",
    ]


def what_it_measures(d: _Data) -> list[str]:
    from . import framing

    text, themes, ind = data.load_article(), data.load_themes(), d.indicators.reset_index()
    roles = ind["role"].value_counts()
    work = int(roles.reindex(["output", "reach", "capacity"]).sum())
    compared = framing.compared_figures(text, ind)
    words = framing.comparison_words(text)
    earlier = int((compared[["year_on_year", "baseline"]] != "").any(axis=1).sum())
    targets = compared[compared["target"] != ""].assign(role=lambda t: t["id"].map(d.indicators["role"]))
    lengths = framing.section_lengths(text, themes, ind).set_index("theme")
    longest = lengths["characters"].idxmax()
    bare = framing.sentences_without_figures(text, ind, themes)
    without = bare[~bare["has_figure"]]
    headline = text.strip().splitlines()[0]
    comparatives = framing.comparatives(headline)
    echoes = pd.concat([framing.sentences_with(text, w, ind) for w in comparatives]).drop_duplicates("sentence")
    return [
        f"{work} of the article's {len(ind)} figures ({work / len(ind):.0%}) count work done, people reached or "
        f"capacity built; {roles.get('input', 0)} count money put in and {roles.get('outcome', 0)} an outcome, and "
        f"{earlier} is set against an earlier year or a baseline.",
        f"The text holds {len(words)} words of comparison ({'、'.join(words['word'])}); only "
        f"{'、'.join(dict.fromkeys(words.loc[words['sentence'].isin(targets['sentence']), 'word']))} shares a "
        f"sentence with figures, and all {len(targets)} of those are the plan's own design "
        f"({', '.join(sorted(set(targets['role'])))}), not a delivered count set against a target.",
        f"{d.glossary[('theme', longest)]} takes the most body text, {lengths.loc[longest, 'share']:.0%} of "
        f"{lengths['characters'].sum():,} characters, and prints {lengths.loc[longest, 'figures']} figures; "
        f"the opening takes {lengths.loc['overview', 'share']:.0%} and prints {lengths.loc['overview', 'figures']}.",
        f"The headline's {len(comparatives)} comparatives ({'、'.join(comparatives)}) recur in {len(echoes)} "
        f"sentences, {int((echoes['figures'] > 0).sum())} of which print a figure; {len(without)} of the "
        f"{len(bare)} body sentences ({without['characters'].sum() / bare['characters'].sum():.0%} of their "
        "characters) print no figure at all.",
    ]


NUMERALS = "0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万亿"


def numeral_characters(text: str) -> int:
    """How many characters of the text are numerals, Arabic or Chinese."""
    return sum(ch in NUMERALS for ch in text)


FINDINGS: dict[str, Callable[[_Data], list[str]]] = {
    "00-overview": overview,
    "01-special-families": special_families,
    "02-targeted-assistance": targeted_assistance,
    "03-services": services,
    "04-family-health": family_health,
    "05-timeline-and-places": timeline,
    "06-audit": audit,
    "07-fujian-context": fujian_context,
    "08-what-the-article-measures": what_it_measures,
}


def of(notebook: str) -> list[str]:
    """The findings of one notebook (its file name without suffix), headline first."""
    return FINDINGS[notebook](_Data())


def table() -> pd.DataFrame:
    """Every notebook's findings, one row each."""
    d = _Data()
    return pd.DataFrame(
        [(name, i, s) for name, make in FINDINGS.items() for i, s in enumerate(make(d), 1)],
        columns=["notebook", "n", "finding"],
    )
