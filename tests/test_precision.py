"""The interval a printed figure implies, worked by hand for each rule."""

import pytest

from fujian_fpa import precision
from fujian_fpa.precision import interval
from fujian_fpa.quantities import extract


def read(text: str, defined: bool = False) -> tuple[str, str]:
    [m] = [m for m in extract(text) if m.measured or m.kind == "word"]
    low, high = interval(m, defined=defined)
    return format(low.normalize(), "f") if low.is_finite() else str(low), (
        format(high.normalize(), "f") if high.is_finite() else str(high)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("帮扶433户。", ("433", "433")),  # an integer printed in full is exact
        ("服务婴幼儿家庭22.3万户。", ("222500", "223500")),  # rounded at 0.1万
        ("投入保费9478.43万元。", ("94784250", "94784350")),  # ± 50 元
        ("投入安居工程资金1621万元。", ("16205000", "16215000")),  # to the nearest 万
        ("资金1.4496亿元。", ("144955000", "144965000")),
        ("赔付率65.91%。", ("65.905", "65.915")),
        ("为1万多名成员。", ("10000", "20000")),  # 多 after 万: fewer than 2万
        ("受益人群达51万多人。", ("510000", "520000")),
        ("活动5400多场。", ("5400", "5500")),  # 多 below the last non-zero digit, the hundreds
        ("活动5000多场。", ("5000", "6000")),
        ("参加者三千余人。", ("3000", "4000")),
        ("资助十余万元。", ("100000", "200000")),
        ("拨付八十万元。", ("795000", "805000")),  # 八十万 is 80 times 万
        ("参与近3000人。", ("2000", "3000")),  # 近: just under, by less than the last non-zero digit
        ("用时不到3年。", ("0", "3")),
        ("投入约500万元。", ("4500000", "5500000")),  # 约: rounded at the last non-zero digit
        ("投入500万元左右。", ("4500000", "5500000")),
        ("资助1000人以上。", ("1000", "Infinity")),
        ("面向7~36个月婴幼儿。", ("7", "36")),
        ("被评为典型案例之一。", ("1", "1")),  # a word: its value
    ],
)
def test_interval_of_the_printed_form(text, expected):
    assert read(text) == expected


def test_a_defined_figure_is_exact_as_printed():
    assert read("资助名额为每年1万个家庭。") == ("5000", "15000")
    assert read("资助名额为每年1万个家庭。", defined=True) == ("10000", "10000")


def test_a_figure_without_a_value_has_no_interval():
    [m] = extract("约有二三万人参加。")
    with pytest.raises(ValueError):
        interval(m)


def test_a_printed_hundredth_keeps_its_step_through_float_noise():
    # 65.915 - 65.905 is stored as 0.010000000000005: the printed 65.91% is still known to a hundredth.
    assert precision.step(65.905, 65.915) == pytest.approx(0.01)
    assert precision.shown(34.09, 34.085, 34.095) == "about 34.09"
