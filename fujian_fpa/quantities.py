"""Find every number in Chinese report text and say what it is.

`extract(text)` returns one `Mention` per number. Measured figures have kind ``quantity``,
``percent`` or ``range``; numbers that are part of something else (a date, a section number, a
title, a name) are reported with that kind, so that a caller can account for every one of them.
Words that merely contain a numeral (一年来, 之一, 三孩, 一等奖, 进万家) are reported with kind ``word``:
the whole word as text, and the numeral's value where it reads as one number (之一 → 1, 进万家 → 10000).
"""

from dataclasses import dataclass
from decimal import Decimal
import re

import cn2an

from .textnorm import join_layout_breaks, normalize

MEASURED = frozenset({"quantity", "percent", "range"})

# Longest first, so that 人次 wins over 人 and 个月 over 个.
_UNIT_WORDS = (
    "元 户 户次 名 人 人次 个 个月 场 场次 件 宗 本 集 家 位 所 期 份 年 项 次 天 周 小时 分钟 岁 "
    "种 批 支 张 台 辆 套 条 座 间 篇 册 盒 罐 吨 公斤 千克 平方米 亩 公里 例 起 对 课时 学时 节 "
    "堂 届 县 市 区 镇 乡 村 "
)
UNITS = sorted(_UNIT_WORDS.split(), key=len, reverse=True)
_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}
_PREFIX_BOUND = {
    "大约": "approx", "大概": "approx", "约": "approx",
    "将近": "at_most", "接近": "at_most", "近": "at_most", "不到": "at_most", "不足": "at_most",
    "超过": "at_least", "逾": "at_least",
}  # fmt: skip
_SUFFIX_BOUND = {"多": "at_least", "余": "at_least", "以上": "at_least", "以下": "at_most", "左右": "approx"}

# A numeral: Arabic (with thousands separators and decimals) or Chinese. A Chinese numeral
# starts with a digit or 十, so 万家 and 千家万户 are words, not numbers.
_AR = r"(?<![\d.])(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?(?![\d.]*\d)"
_CN = r"(?:[〇零一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]*)"
_NUM = rf"(?:{_AR}|{_CN})"
_UNIT = "|".join(UNITS)
# 约 and 近 also end ordinary words (节约 save, 最近 recent), which are no approximation.
_PRE = (
    "|".join(sorted(_PREFIX_BOUND, key=len, reverse=True))
    .replace("|约", "|(?<![节签预制公邀])约")
    .replace("|近", "|(?<![最附亲贴靠将接])近")
)

# Each pattern opens with a look-ahead at the characters its match can start with: the engine
# then rejects most positions at the first character, which makes extraction about three times faster.
_NUMERAL_START = "0-9〇零一二两三四五六七八九十"
_PREFIX_START = "".join(sorted({word[0] for word in _PREFIX_BOUND}))


def _guarded(starts: str, pattern: str) -> re.Pattern:
    return re.compile(f"(?=[{starts}])(?:{pattern})")


_QUANTITY = _guarded(
    _PREFIX_START + _NUMERAL_START,
    rf"(?P<pre>{_PRE})?(?P<num>{_NUM})(?P<approx1>[多余])?(?P<mult>[万亿]+)?(?P<approx2>[多余])?"
    rf"(?P<unit>{_UNIT})?(?P<post>以上|以下|左右)?",
)
_RANGE = _guarded(
    _NUMERAL_START,
    rf"(?P<lo>{_NUM})(?P<lomult>[万亿]+)?(?:—{{1,2}}|–|-|~|至|到)(?P<hi>{_NUM})(?P<himult>[万亿]+)?"
    rf"(?P<unit>%|{_UNIT})",
)
_PERCENT = _guarded(_PREFIX_START + "0-9百", rf"(?P<pre>{_PRE})?(?P<num>{_AR})(?P<unit>%|个百分点)|百分之(?P<cn>{_CN})")
_DATE = _guarded(
    "0-9二",
    r"(?P<y>(?<!\d)(?:19|20)\d{2}|[二][〇零][〇零一二三四五六七八九]{2})年"
    r"(?:(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})月(?:(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?)?"
    r"|(?<![\d.])(?P<m2>\d{1,2})月(?P<d2>\d{1,2})[日号]",
)
_ORDINAL = re.compile(rf"第(?P<num>{_NUM})(?:{_UNIT})?")
_ANNIVERSARY = _guarded(_NUMERAL_START, rf"(?P<num>{_NUM})周年")
_DAY_NAME = _guarded("0-9", r"(?<![\d.])(?P<m>\d{1,2})[·•・](?P<d>\d{1,2})(?!\d)")
_SECTION = re.compile(r"(?m)^[ \t\u3000]*(?P<num>\d{1,2}|[一二三四五六七八九十]{1,3})(?:[ \t\u3000]+|、)(?=\S)")
_TITLE = re.compile(r"《[^》\n]*》")
_QUOTED = re.compile(r"“[^”\n]*”")
# Words that contain a numeral followed by a measure word but count nothing.
SET_PHRASES = (
    "一年来", "这一年", "那一年", "一年一度", "一家人", "一起", "一对一", "一次性", "进万家", "千家万户",
    "之一", "一等奖", "二等奖", "三等奖", "二孩", "三孩", "左一", "左二", "左三", "右一", "右二", "右三",
)  # fmt: skip
_SET_PHRASE = re.compile("|".join(SET_PHRASES))
# A unitless number takes its unit from a counted noun just before it (观看人数累计达89.1万).
_COUNTED_NOUN = re.compile(r"(人次|人|户|家庭|场次|次|件)数[^,，。;；:：]*$")
_NOUN_UNIT = {"家庭": "户"}


@dataclass(frozen=True)
class Mention:
    """One number in the text. `start` and `end` index the original text, `text` is its span there."""

    start: int
    end: int
    text: str
    kind: str
    value: Decimal | str | None
    value_max: Decimal | None
    unit: str
    bound: str

    @property
    def measured(self) -> bool:
        return self.kind in MEASURED


def numeral_value(numeral: str) -> Decimal:
    """The exact value of an Arabic or Chinese numeral string, without multiplier words after it."""
    numeral = numeral.replace(",", "").replace("，", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", numeral):
        return Decimal(numeral)
    # cn2an reads Chinese numerals; it is not used on decimals times 万, which it truncates.
    try:
        return Decimal(str(cn2an.cn2an(numeral, "smart")))
    except (ValueError, KeyError, IndexError) as err:  # cn2an's way of saying "not a numeral"
        raise ValueError(f"not a numeral: {numeral}") from err


def _scaled(numeral: str, multipliers: str | None) -> Decimal:
    value = numeral_value(numeral)
    for word in multipliers or "":
        value *= _MULTIPLIERS[word]
    return value


def _bound(*words: str | None) -> str:
    for word in words:
        if word in _PREFIX_BOUND:
            return _PREFIX_BOUND[word]
        if word in _SUFFIX_BOUND:
            return _SUFFIX_BOUND[word]
    return "exact"


class _Scanner:
    """Runs the patterns in order of precedence; a span that one pattern claims, the next cannot."""

    def __init__(self, text: str):
        self.original = text
        self.joined = join_layout_breaks(normalize(text))
        self.text = self.joined.text
        self.taken = bytearray(len(self.text))
        self.mentions: list[Mention] = []

    def free(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) < 0

    def claim(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)

    def add(self, start, end, kind, value, unit="", bound="exact", value_max=None) -> None:
        self.claim(start, end)
        o_start, o_end = self.joined.original(start), self.joined.original(end - 1) + 1
        text = self.original[o_start:o_end]
        self.mentions.append(Mention(o_start, o_end, text, kind, value, value_max, unit, bound))

    def matches(self, pattern: re.Pattern, within: re.Pattern | None = None):
        """Unclaimed matches of `pattern`; with `within`, only those inside a match of that pattern."""
        spans = [(o.start(), o.end()) for o in within.finditer(self.text)] if within else [(0, len(self.text))]
        for start, end in spans:
            for m in pattern.finditer(self.text, start, end):
                if m.end() > m.start() and self.free(m.start(), m.end()):
                    yield m


_AR_ONLY = re.compile(_AR)


_NUMERAL_RUN = re.compile("[〇零一二两三四五六七八九十百千万亿]+")
_LONE = {"百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}


def word_value(word: str) -> Decimal | None:
    """The value of the one numeral inside a word (之一 → 1, 进万家 → 10000); None if it has several or none."""
    runs = _NUMERAL_RUN.findall(word)
    if len(runs) != 1:
        return None
    if runs[0] in _LONE:
        return Decimal(_LONE[runs[0]])
    try:
        return numeral_value(runs[0])
    except ValueError:
        return None


def _set_phrase(s: _Scanner, m: re.Match) -> None:
    s.add(m.start(), m.end(), "word", word_value(m[0]))


def _section(s: _Scanner, m: re.Match) -> None:
    s.add(m.start("num"), m.end("num"), "section", numeral_value(m["num"]))


def _day_name(s: _Scanner, m: re.Match) -> None:
    s.add(m.start(), m.end(), "day_name", f"--{int(m['m']):02d}-{int(m['d']):02d}")


def _date(s: _Scanner, m: re.Match) -> None:
    if m["m2"]:
        value = f"--{int(m['m2']):02d}-{int(m['d2']):02d}"
    else:
        parts = [int(numeral_value(m["y"]))] + [int(numeral_value(m[k])) for k in ("m", "d") if m[k]]
        value = "-".join([f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]])
    s.add(m.start(), m.end(), "date", value)


def _enclosed(kind: str):
    """Numbers inside a title 《…》 or a quoted name “…” belong to that title or name."""

    def handle(s: _Scanner, m: re.Match) -> None:
        if m["unit"] or _AR_ONLY.fullmatch(m["num"]):
            s.add(m.start("num"), m.end(), kind, _scaled(m["num"], m["mult"]), m["unit"] or "")

    return handle


def _single(kind: str):
    def handle(s: _Scanner, m: re.Match) -> None:
        s.add(m.start(), m.end(), kind, numeral_value(m["num"]))

    return handle


def _percent(s: _Scanner, m: re.Match) -> None:
    if m["cn"]:
        s.add(m.start(), m.end(), "percent", numeral_value(m["cn"]), "%")
        return
    unit = "%" if m["unit"] == "%" else "百分点"
    s.add(m.start(), m.end(), "percent", numeral_value(m["num"]), unit, _bound(m["pre"]))


def _range(s: _Scanner, m: re.Match) -> None:
    lo_mult, hi_mult = m["lomult"], m["himult"]
    if not lo_mult and hi_mult and numeral_value(m["lo"]) < numeral_value(m["hi"]):
        lo_mult = hi_mult  # 3至5万元 is 3万 to 5万
    lo, hi = _scaled(m["lo"], lo_mult), _scaled(m["hi"], hi_mult)
    kind, unit = ("percent", "%") if m["unit"] == "%" else ("range", m["unit"])
    s.add(m.start(), m.end(), kind, lo, unit, "range", hi)


def _quantity(s: _Scanner, m: re.Match) -> None:
    arabic = bool(_AR_ONLY.fullmatch(m["num"]))
    if not m["unit"] and not arabic:
        # A Chinese numeral with no measure word is part of a word that SET_PHRASES does not list.
        s.add(m.start(), m.end(), "word", word_value(m[0]))
        return
    value = _scaled(m["num"], m["mult"])
    bound = _bound(m["pre"], m["approx1"], m["approx2"], m["post"])
    unit, kind = m["unit"] or "", "quantity"
    if not unit:
        unit = _counted_unit(s.text, m.start())
        kind = "quantity" if unit and m["mult"] else "number"
    s.add(m.start(), m.end(), kind, value, unit, bound)


def _counted_unit(text: str, start: int) -> str:
    found = _COUNTED_NOUN.search(text, max(0, start - 20), start)
    return _NOUN_UNIT.get(found[1], found[1]) if found else ""


# In order of precedence: (pattern, handler, enclosing pattern or None).
_STEPS = (
    (_SET_PHRASE, _set_phrase, None),
    (_SECTION, _section, None),
    (_DAY_NAME, _day_name, None),
    (_DATE, _date, None),
    (_QUANTITY, _enclosed("title"), _TITLE),
    (_ORDINAL, _single("ordinal"), None),
    (_ANNIVERSARY, _single("anniversary"), None),
    (_QUANTITY, _enclosed("name"), _QUOTED),
    (_PERCENT, _percent, None),
    (_RANGE, _range, None),
    (_QUANTITY, _quantity, None),
)


def extract(text: str) -> list[Mention]:
    """Every number in `text`, in order of position.

    A numeral that cannot be read (二三万, 五九万) is reported with kind ``unparsed`` and no value,
    so that it is seen rather than dropped.
    """
    s = _Scanner(text)
    for pattern, handle, within in _STEPS:
        for m in s.matches(pattern, within):
            try:
                handle(s, m)
            except ValueError:
                s.add(m.start(), m.end(), "unparsed", None)
    return sorted(s.mentions, key=lambda m: m.start)


def format_value(value: Decimal | str | None) -> str:
    """A value as text: plain digits, no exponent, no trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)
