"""Microsoft Recognizers-Text (Chinese), glued to give the same kind of figures as the extractor.

Used by `benchmarks/real_texts.py --engine recognizers`, for a side-by-side score on the same texts.
The package is not a dependency of the project; install it in a venv of its own:

    python3 -m venv /tmp/recognizers-venv
    /tmp/recognizers-venv/bin/pip install ms-recognizers-text-number-with-unit==1.0.0.1
    /tmp/recognizers-venv/bin/python benchmarks/real_texts.py FOLDER --engine recognizers

The glue, generous on purpose, so that the comparison measures the recognisers and not the glue:
* the text is first normalised with the extractor's own one-for-one character map (traditional
  characters and full-width digits), so offsets are kept;
* percentages, currency amounts (any currency counts as 元), dimensions (area, length, weight)
  and ages are taken as the recognisers give them;
* any other number they find takes a measure word that follows it (after at most one space) from the
  extractor's own list of measure words; two such numbers joined by 至, 到, - or ~ before one measure
  word make a range;
* the bound is read from the extractor's own bound words just before or after the span (约, 近,
  超过, 多, 余, 以上, …); otherwise the figure is exact.
Version 1.0.1 of ms-recognizers-text installs its module as `ms_recognizers_text`, while the
number packages import `recognizers_text`; the glue makes the one name point to the other.
"""

from decimal import Decimal
from pathlib import Path
import sys

import ms_recognizers_text

sys.modules.setdefault("recognizers_text", ms_recognizers_text)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import recognizers_number  # noqa: E402
import recognizers_number_with_unit  # noqa: E402

from fujian_fpa.quantities import _PREFIX_BOUND, _SUFFIX_BOUND, UNITS  # noqa: E402
from fujian_fpa.textnorm import normalize  # noqa: E402

CULTURE = ms_recognizers_text.Culture.Chinese
DIMENSION_UNITS = {"Square meter": "平方米", "Kilometer": "公里", "Kilogram": "公斤", "Ton": "吨", "Meter": "米"}
RANGE_WORDS = ("至", "到", "-", "—", "~")


def _bound(text: str, start: int, end: int) -> str:
    for word in sorted(_SUFFIX_BOUND, key=len, reverse=True):
        if word in text[start:end] or text.startswith(word, end):
            return _SUFFIX_BOUND[word]
    for word in sorted(_PREFIX_BOUND, key=len, reverse=True):
        if text[:start].endswith(word):
            return _PREFIX_BOUND[word]
    return "exact"


def _unit_after(text: str, end: int) -> tuple[str, int]:
    at = end + 1 if text[end : end + 1] == " " else end
    for approx in ("多", "余"):
        if text.startswith(approx, at):
            at += 1
    unit = next((u for u in UNITS if text.startswith(u, at)), "")
    return unit, at + len(unit)


def _value(resolution: dict) -> Decimal | None:
    value = (resolution or {}).get("value")
    try:
        return Decimal(str(value).rstrip("%")) if value not in (None, "") else None
    except ArithmeticError:
        return None


def extract_figures(original: str) -> list[tuple]:
    """(start, end, value, value_max, unit, bound, surface) for each measured figure found."""
    text = normalize(original)
    figures, taken = [], set()

    def add(start: int, end: int, value, value_max, unit: str) -> None:
        if value is None or taken & set(range(start, end)):
            return
        taken.update(range(start, end))
        figures.append((start, end, value, value_max, unit, _bound(text, start, end), original[start:end]))

    for r in recognizers_number.recognize_percentage(text, CULTURE):
        add(r.start, r.end + 1, _value(r.resolution), None, "%")
    for r in recognizers_number_with_unit.recognize_currency(text, CULTURE):
        add(r.start, r.end + 1, _value(r.resolution), None, "元")
    for r in recognizers_number_with_unit.recognize_dimension(text, CULTURE):
        unit = DIMENSION_UNITS.get((r.resolution or {}).get("unit"))
        if unit:
            add(r.start, r.end + 1, _value(r.resolution), None, unit)
    for r in recognizers_number_with_unit.recognize_age(text, CULTURE):
        add(r.start, r.end + 1, _value(r.resolution), None, "岁")
    numbers = [n for n in recognizers_number.recognize_number(text, CULTURE) if _value(n.resolution) is not None]
    for i, n in enumerate(numbers):
        unit, end = _unit_after(text, n.end + 1)
        following = numbers[i + 1] if i + 1 < len(numbers) else None
        if not unit and following and text[n.end + 1 : following.start] in RANGE_WORDS:
            hi_unit, hi_end = _unit_after(text, following.end + 1)
            if hi_unit:
                add(n.start, hi_end, _value(n.resolution), _value(following.resolution), hi_unit)
                continue
        if unit:
            add(n.start, end, _value(n.resolution), None, unit)
    return sorted(figures)
