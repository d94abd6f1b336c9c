"""Derived figures: the arithmetic, and what becomes of a bound under it."""

import pytest

from fujian_fpa import data, derived


@pytest.mark.parametrize(
    ("op", "a", "b", "expected"),
    [
        ("/", "exact", "exact", "exact"),
        ("/", "at_least", "exact", "at_least"),  # more than 51万 people over 22.3万 households
        ("/", "exact", "at_least", "at_most"),  # 285.57万元 over more than 1万 members
        ("/", "at_least", "at_most", "at_least"),
        ("/", "at_least", "at_least", "unbounded"),
        ("*", "at_least", "exact", "at_least"),
        ("*", "at_least", "at_most", "unbounded"),
        ("/", "approx", "exact", "approx"),
        ("/", "range", "exact", "unbounded"),
    ],
)
def test_bounds_carry_through_arithmetic(op, a, b, expected):
    assert derived.combine_bounds(op, a, b) == expected


def test_every_derived_figure_is_its_formula_over_the_data():
    indicators = data.load_indicators().set_index("id")
    for row in derived.compute().itertuples():
        d = derived.load_definitions().set_index("id").loc[row.id]
        a, b = indicators.loc[d.a, "value"], indicators.loc[d.b, "value"]
        assert row.value == pytest.approx((a / b if d.op == "/" else a * b) * d.scale)


def test_the_payout_ratio_recomputes_to_the_reported_one():
    ratio = derived.compute().set_index("id").loc["ta_payout_ratio", "value"]
    reported = data.load_indicators().set_index("id").loc["ta_accident_payout_ratio", "value"]
    assert round(ratio, 2) == reported
