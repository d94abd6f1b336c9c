"""The interval a figure's printed form implies, and a value shown to the precision its interval supports.

A printed figure is rarely a point. 22.3万户 is any count that rounds to it, 1万多 any count from one
万 up to two, 65.91% any ratio within half a hundredth of a percent. `interval(mention)` reads that
interval [low, high) from the extractor's mention, by these rules (data/README.md states them too):

- an integer printed in full, with no 万 or 亿 (433户, 5855名), is exact: low = high = the value;
- a figure with decimals or a multiplier (22.3万, 1621万元, 65.91%) is rounded at its last printed
  digit: ± half a unit of that digit (22.3万 → [222500, 223500); 9478.43万元 → ± 50 元);
- 多 or 余 (5400多, 1万多, 51万多) adds less than one unit of the last non-zero digit:
  [5400, 5500), [10000, 20000), [510000, 520000);
- 近, 将近, 接近 (近3000) take away less than one unit of the last non-zero digit: [2000, 3000);
- 约, 大约, 大概, 左右 (约500万) mean rounded at the last non-zero digit: [450万, 550万);
- 以上, 超过, 逾 leave the top open: [value, ∞); 不到, 不足, 以下 the bottom: [0, value);
- a range (7~36个月) is [value, value_max]; a word (之一, 一等奖) is its value, exact;
- a figure that defines a plan or a programme (a quota of 1万个 places, 3年 of funding) was set, not
  measured: with `defined=True` it is exact.

`shown(value, low, high)` gives "about 37,400" where the interval is 37,425 to 37,448: digits that
the interval does not support are not printed.
"""

from decimal import Decimal
import math
import re

from .quantities import Mention, numeral_value
from .textnorm import normalize

INFINITY = Decimal("Infinity")
_MULTIPLIER = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_CHINESE_DIGITS = "〇零一二两三四五六七八九十百千万亿"
_PRINTED = re.compile(
    rf"(?P<num>\d[\d,，]*(?:\.\d+)?|[{_CHINESE_DIGITS}]+)(?P<approx1>[多余])?(?P<mult>[万亿]*)(?P<approx2>[多余])?"
)
_NEAR = ("近",)  # 近, 将近, 接近: just under
_OPEN_ABOVE = ("以上", "超过", "逾")


def _split_chinese(num: str, mult: str) -> tuple[str, str]:
    """八十万 is 八十 times 万: trailing 万 and 亿 of a Chinese numeral are its multiplier."""
    stripped = num.rstrip("万亿")
    if stripped and stripped != num:
        return stripped, num[len(stripped) :] + mult
    return num, mult


def _place(number: Decimal) -> Decimal:
    """The place value of the last non-zero digit: 5400 → 100, 51 → 1, 3.5 → 0.1."""
    return Decimal(1).scaleb(number.normalize().as_tuple().exponent)


def printed_parts(text: str) -> tuple[Decimal, Decimal, Decimal | None]:
    """The numeral's value, its multiplier, and the place of its last printed digit (None for a Chinese
    numeral, which prints no trailing digits)."""
    m = _PRINTED.search(normalize(re.sub(r"\s+", "", text)))
    if not m:
        raise ValueError(f"no numeral in {text!r}")
    num, mult = m["num"], m["mult"] or ""
    arabic = num[0].isdigit()
    if not arabic:
        num, mult = _split_chinese(num, mult)
    value = numeral_value(num)
    multiplier = math.prod((_MULTIPLIER[c] for c in mult), start=Decimal(1))
    last = Decimal(1).scaleb(Decimal(num.replace(",", "").replace("，", "")).as_tuple().exponent) if arabic else None
    return value, multiplier, last


def interval(mention: Mention, defined: bool = False) -> tuple[Decimal, Decimal]:
    """The interval [low, high) that the mention's printed form implies, in base units."""
    value = mention.value
    if not isinstance(value, Decimal):
        raise ValueError(f"{mention.text!r} has no numeric value")
    if mention.bound == "range":
        return value, mention.value_max
    if mention.kind == "word" or (defined and mention.bound == "exact"):
        return value, value
    numeral, multiplier, last = printed_parts(mention.text)
    if numeral * multiplier != value:
        raise ValueError(f"{mention.text!r} reads {numeral} × {multiplier}, not {value}")
    step = _place(numeral) * multiplier  # one unit of the last non-zero digit
    text = normalize(mention.text)
    if mention.bound == "at_least":
        return (value, INFINITY) if any(w in text for w in _OPEN_ABOVE) else (value, value + step)
    if mention.bound == "at_most":
        return (value - step, value) if any(w in text for w in _NEAR) else (Decimal(0), value)
    if mention.bound == "approx":
        return value - step / 2, value + step / 2
    if multiplier == 1 and (last is None or last >= 1):
        return value, value  # an integer printed in full
    half = (last if last is not None else Decimal(1)) * multiplier / 2
    return value - half, value + half


def step(low: float, high: float) -> float:
    """The precision an interval supports: the smallest power of ten at least as wide as it; 0 for a point."""
    width = high - low
    # The tolerance keeps a width of 0.01 that floats store as 0.010000000000005 at 0.01.
    return 0.0 if width <= 0 else 10.0 ** math.ceil(math.log10(width) - 1e-9)


def rounded(value: float, low: float, high: float) -> float:
    """`value` rounded to the precision its interval [low, high] supports."""
    unit = step(low, high)
    return value if unit == 0 else round(value / unit) * unit


def rounded_text(value: float, low: float, high: float) -> str:
    """`rounded` written out with the decimals its precision needs: "37,400", "2,863.9"."""
    return _digits(rounded(value, low, high), step(low, high))


def _digits(number: float, unit: float) -> str:
    decimals = max(0, -round(math.log10(unit))) if unit else 2
    text = f"{number:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text and not unit else text


def shown(value: float, low: float, high: float) -> str:
    """A derived value as a reader should see it: "37,436.49" with interval [37,424.9, 37,448.0] is
    "about 37,400". An interval wider than a tenth of its upper end is shown as its ends, rounded
    outwards to three significant digits: "between 142 and 286"."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return f"at least {_digits(low, 0)}" if math.isfinite(low) else f"at most {_digits(high, 0)}"
    unit = step(low, high)
    if unit == 0:
        return _digits(value, 0)
    if unit * 10 > max(abs(low), abs(high)):
        outer = 10.0 ** (math.floor(math.log10(max(abs(low), abs(high)))) - 2)
        below, above = math.floor(low / outer) * outer, math.ceil(high / outer) * outer
        return f"between {_digits(below, outer)} and {_digits(above, outer)}"
    return f"about {rounded_text(value, low, high)}"


def interval_text(low: float, high: float) -> str:
    """An interval written to two significant digits of its width, its ends rounded outwards so that
    the text still holds the whole interval: [2.281, 2.338], [142, 286], [65.90597, 65.90616]."""
    if low == high:
        return f"[{_digits(low, 0)}, {_digits(high, 0)}]"
    if not (math.isfinite(low) and math.isfinite(high)):
        left = "(−∞" if not math.isfinite(low) else f"[{_digits(low, 0)}"
        return f"{left}, {'∞)' if not math.isfinite(high) else _digits(high, 0) + ']'}"
    decimals = max(0, 1 - math.floor(math.log10(high - low)))
    unit = 10.0**-decimals
    below, above = math.floor(low / unit) * unit, math.ceil(high / unit) * unit
    return f"[{below:,.{decimals}f}, {above:,.{decimals}f}]"
