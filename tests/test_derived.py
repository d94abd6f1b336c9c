"""Derived figures: the arithmetic, and the interval it carries."""

import pytest

from fujian_fpa import data, derived, precision


def test_a_derived_figure_carries_its_interval_and_no_bound_word():
    """A bound word read off the inputs contradicts the interval (285.57 "at most", yet the top is 285.575)."""
    computed = derived.compute()
    assert "bound" not in computed.columns
    assert (computed["low"] <= computed["value"]).all() and (computed["value"] <= computed["high"]).all()


def test_every_derived_figure_is_its_formula_over_the_data():
    indicators = data.load_indicators().set_index("id")
    for row in derived.compute().itertuples():
        d = derived.load_definitions().set_index("id").loc[row.id]
        a, b = indicators.loc[d.a, "value"], indicators.loc[d.b, "value"]
        assert row.value == pytest.approx((a / b if d.op == "/" else a * b) * d.scale)


# --- intervals: hand-worked cases --------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "a", "b", "expected"),
    [
        ("/", (1, 2), (4, 5), (0.2, 0.5)),
        ("*", (1, 2), (3, 4), (3, 8)),
        ("*", (-1, 2), (3, 4), (-4, 8)),
        ("/", (1, 2), (-1, 1), (float("-inf"), float("inf"))),  # a divisor that may be zero bounds nothing
    ],
)
def test_interval_arithmetic(op, a, b, expected):
    assert derived.interval_op(op, a, b) == pytest.approx(expected)


def test_a_negative_scale_swaps_the_ends():
    assert derived.scaled((1.0, 2.0), -100) == (-200.0, -100.0)


@pytest.fixture(scope="module")
def computed():
    return derived.compute().set_index("id")


def test_rounded_input_housing_per_household(computed):
    # 1621万元 is known to the nearest 万: [16,205,000, 16,215,000); 433户 is exact.
    row = computed.loc["ta_housing_per_household"]
    assert (row.low, row.high) == pytest.approx((16_205_000 / 433, 16_215_000 / 433))
    assert (round(row.low, 1), round(row.high, 1)) == (37424.9, 37448.0)
    assert precision.shown(row.value, row.low, row.high) == "about 37,400"


def test_duo_input_people_per_household(computed):
    # 51万多人 is [510,000, 520,000); 22.3万户 is [222,500, 223,500).
    row = computed.loc["sv_people_per_household"]
    assert (row.low, row.high) == pytest.approx((510_000 / 223_500, 520_000 / 222_500))
    assert precision.shown(row.value, row.low, row.high) == "about 2.3"


def test_duo_divisor_per_member(computed):
    # 285.57万元 ± 50元 over 1万多名, [10,000, 20,000): 142.78 to 285.575 yuan per member.
    row = computed.loc["sf_premium_per_member"]
    assert (row.low, row.high) == pytest.approx((2_855_650 / 20_000, 2_855_750 / 10_000))
    assert precision.shown(row.value, row.low, row.high) == "between 142 and 286"


def test_the_reported_payout_ratio_agrees_with_the_recomputed_interval(computed):
    # 6246.86万元 ÷ 9478.43万元 gives 65.9060% to 65.9062%: inside the [65.905, 65.915) that 65.91% allows.
    row = computed.loc["ta_payout_ratio"]
    reported = data.load_indicators().set_index("id").loc["ta_accident_payout_ratio"]
    assert reported.low <= row.low <= row.high < reported.high
    assert (row.low, row.high) == pytest.approx((62_468_550 / 94_784_350 * 100, 62_468_650 / 94_784_250 * 100))


def test_every_derived_interval_holds_its_value(computed):
    assert (computed["low"] <= computed["value"]).all() and (computed["value"] <= computed["high"]).all()


@pytest.mark.parametrize(
    ("value", "low", "high", "expected"),
    [
        (30000, 30000, 30000, "30,000"),  # exact: shown as it is
        (99.9413, 99.9363, 99.9466, "about 99.9"),
        (31588.58, 31587.49, 31589.67, "about 31,590"),
        (285.57, 142.78, 285.575, "between 142 and 286"),  # wider than a tenth of its top: its ends
    ],
)
def test_shown_rounds_to_the_precision_the_interval_supports(value, low, high, expected):
    assert precision.shown(value, low, high) == expected


def test_the_share_not_returned_is_the_complement_with_its_ends_swapped():
    payout = derived.compute().set_index("id").loc["ta_payout_ratio"]
    kept, low, high = derived.complement(payout.value, payout.low, payout.high)
    assert kept == pytest.approx(100 - payout.value)
    assert low == pytest.approx(100 - payout.high) and high == pytest.approx(100 - payout.low)
    assert low <= kept <= high


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (2_855_650 / 20_000, 2_855_750 / 10_000, "[142, 286]"),  # ends rounded outwards
        (510_000 / 223_500, 520_000 / 222_500, "[2.281, 2.338]"),  # two digits of a width of 0.055
        (16_205_000 / 433, 16_215_000 / 433, "[37,424, 37,449]"),
        (30_000, 30_000, "[30,000, 30,000]"),
        (10_000, float("inf"), "[10,000, ∞)"),
    ],
)
def test_interval_text_holds_the_whole_interval(low, high, expected):
    assert precision.interval_text(low, high) == expected
