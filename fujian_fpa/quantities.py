"""Find every number in Chinese report text and say what it is.

`extract(text)` returns one `Mention` per number. Measured figures have kind ``quantity``,
``percent`` or ``range``; numbers that are part of something else (a date, a section number, a
title, a name) are reported with that kind, so that a caller can account for every one of them.
Words that merely contain a numeral (一年来, 之一, 三孩, 一等奖, 进万家; a point in time relative to now,
五年前; a household by its size, 四人家庭; a footnote mark, 注2) are reported with kind ``word``:
the whole word as text, and the numeral's value where it reads as one number (之一 → 1, 进万家 → 10000).
They are listed in `SET_PHRASES`, matched as the article 一 ("a", before `_ARTICLE_ONE_BEFORE`), or
found as a Chinese numeral that no measure word follows.

How it works, in four parts of this module:

1. **Numerals** (`numeral_value`): an Arabic or Chinese numeral is read exactly, or not at all.
   A numeral that cannot be read completely (二三万, 1.1.1.1, a decimal after an unknown sign)
   raises ValueError, and its whole span is reported with kind ``unparsed``: never a partial value.
2. **Patterns**: one regular expression per kind of number. Every numeral in them is an atomic
   group that starts only where a run of numeral characters starts, so that each pattern makes at
   most one attempt per run and extraction takes time linear in the length of the text.
3. **Handlers**: one function per pattern turns a match into a `Mention`.
4. **`extract`** runs the patterns in order of precedence (`_STEPS`); a span that one pattern
   claims, the next cannot. A pass whose words are absent from the text is skipped (`_NEEDS`).
   The last alternative of the last pattern reports any run of digits that nothing could read.

To read a new form: add its pattern and handler, and put it in `_STEPS` before the patterns that
would otherwise take its numbers; then add a sentence of that form to tests/test_quantities.py.
"""

from dataclasses import dataclass
import decimal
from decimal import Decimal
from fractions import Fraction
import re

from .textnorm import join_layout_breaks, normalize

MEASURED = frozenset({"quantity", "percent", "range"})

# ---------------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------------

# Longest first, so that 人次 wins over 人 and 个月 over 个.
_UNIT_WORDS = (
    "元 户 户次 名 人 人次 个 个月 个小时 场 场次 件 宗 本 集 家 位 所 期 份 年 项 次 天 周 小时 分钟 岁 "
    "种 批 支 张 台 辆 套 条 座 间 篇 册 盒 罐 吨 公斤 千克 平方米 亩 公里 例 起 对 课时 学时 节 "
    "堂 届 县 市 区 镇 乡 乡镇 村 类 倍 港元 港币 澳门元 新台币 台币 人民币 周岁 "
    "美元 美金 欧元 英镑 日元 澳元 加元 队 星期 个星期 片 处 笔 餐 剂 坪 斤 公克 克 公升 升 毫升 单位 "
    "床 案 题 道 口 家次 县市 桌 棵 头 双 箱 袋 瓶 栋 幢 层 架 块 颗 首 门 班 组 趟 个案 "
)
UNITS = sorted(_UNIT_WORDS.split(), key=len, reverse=True)
# Money is in 元 whatever the currency of 元 it is (150万港元); the currency is the reader's to note.
_UNIT_ALIAS = {"港元": "元", "港币": "元", "澳门元": "元", "新台币": "元", "台币": "元", "人民币": "元"}
_UNIT_ALIAS |= {"周岁": "岁", "美金": "美元"}
# …and so is a number after a currency word or sign with no measure word after it ($2.5亿, 港币150万);
# but not after US$ or A$, which are no 元 (美元 is not among the measure words either).
# A dollar of another country (US$, A$, S$) or a euro is no 元; US$ is 美元, the others have no unit here.
_FOREIGN_BEFORE = re.compile(r"(?:US|A|C|S)\$ ?$|[€£] ?$")
_CURRENCY_ENDS = frozenset("$€£币元B¥￥")
_CURRENCY_SPACED = frozenset(f"{c} " for c in _CURRENCY_ENDS)
_CURRENCY_BEFORE = re.compile(r"(?:港币|港元|人民币|新台币|台币|澳门币|HK\$|NT\$|MOP\$|(?<![A-Za-z])\$|RMB|￥|¥) ?$")
# Powers of ten that a multiplier word after a numeral stands for (3.5万, 2千万, 1.2万亿).
_MULTIPLIER_EXPONENT = {"百": 2, "千": 3, "万": 4, "亿": 8}
_SMALL_EXPONENT = {"十": 1, "百": 2, "千": 3}  # inside a section of a numeral (3百5十)
_PREFIX_BOUND = {
    "大约": "approx", "大概": "approx", "约": "approx",
    "将近": "at_most", "接近": "at_most", "近": "at_most", "不到": "at_most", "不足": "at_most",
    "最高": "at_most", "最多": "at_most", "至多": "at_most", "不超过": "at_most", "不高于": "at_most",
    "超过": "at_least", "逾": "at_least", "至少": "at_least", "最少": "at_least", "不少于": "at_least",
    "不低于": "at_least", "高于": "at_least", "突破": "at_least", "超": "at_least", "破": "at_least",
    "最长": "at_most", "不及": "at_most", "未足": "at_most",
    "少于": "at_most", "低于": "at_most", "未满": "at_most", "上限为": "at_most", "上限是": "at_most",
}  # fmt: skip
# A multiplier word alone after a bound word is one of it: 过亿元 (at least 1亿), 近万人 (at most 1万),
# 近千人 (at most 1000), 逾千万元 (at least 1千万).
_BARE_MULTIPLIER_BOUND = {
    "超过": "at_least", "过": "at_least", "超": "at_least", "逾": "at_least", "上": "at_least",
    "将近": "at_most", "接近": "at_most", "近": "at_most",
}  # fmt: skip
_SUFFIX_BOUND = {
    "多": "at_least", "余": "at_least", "以上": "at_least", "有余": "at_least",
    "以下": "at_most", "以内": "at_most", "左右": "approx", "上下": "approx",
    "或以上": "at_least", "及以上": "at_least", "或以下": "at_most", "及以下": "at_most",
}  # fmt: skip
# Words that may stand between a bound word and its number: 最高可增加4789元, 至少每月5000元,
# 逾港币150万元. A closed list, so that a bound word never reaches a number across a clause.
_BOUND_GAP_WORDS = (
    "可 能 将 达 为 有 共 获 可达 可获 增加 提高 补助 补贴 资助 发放 领取 领 多领 额外 一次性 "
    "每月 每年 每人 每户 每宗 每次 每名 每个 每天 每家 港币 港元 人民币 新台币 台币 澳门币 "
    "$ HK$ NT$ MOP$ US$ RMB ￥ ¥ 占 计 合计 共计 累计 需 需要"
)
# Words that contain a numeral followed by a measure word but count nothing. The text is matched
# after normalisation, so the simplified form covers the traditional one (這一年, 一個月餅).
SET_PHRASES = (
    "一年来", "这一年", "那一年", "一年一度", "一家人", "一起", "一对一", "一次性", "进万家", "千家万户",
    "一期工程", "一个讯息", "一个月饼", "一成不变", "成千上万", "成百上千",
    "三八妇女节", "三八节", "三八红旗", "五一劳动节", "五一节", "五四青年节", "六一儿童节", "六一节", "八一建军节",
    "四套班子", "十八区区议会", "18区区议会", "十八乡", "十四乡",
    "二期工程", "三期工程", "五个一批", "六个精准", "三天两头", "三番五次", "三次分配", "二次伤害", "1对1",
    "之一", "一等奖", "二等奖", "三等奖", "二孩", "三孩", "左一", "左二", "左三", "右一", "右二", "右三",
)  # fmt: skip
# 一 before a measure word is most often the article "a" (一位女士, 一所学校, 一批项目), not a count.
_ARTICLE_ONE_BEFORE = ("个月", "个", "位", "批", "所", "期", "年", "种", "项", "件", "场", "本", "份", "家", "间", "条")
_ARTICLE_ONE_BEFORE += ("支", "张", "套", "座", "天", "届", "名", "片", "笔", "餐", "堂")
# …and before a place word it names a place (星一村, 新一区): one village is 一个村.
_ARTICLE_ONE_BEFORE += ("县", "市", "区", "镇", "乡", "村")

# ---------------------------------------------------------------------------------------------
# 1. Numerals, read exactly
# ---------------------------------------------------------------------------------------------

_CN_DIGITS = dict(zip("〇零一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_CN_DIGIT_CLASS = "〇零一二三四五六七八九"
_CN_START = _CN_DIGIT_CLASS + "两十廿卅卌"
_CN_CHARS = _CN_START + "百千万亿"
_CN_TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
# Arithmetic that never rounds: an inexact or overflowing step raises, and the numeral is unparsed.
_EXACT = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.Inexact, decimal.Overflow, decimal.InvalidOperation, decimal.Rounded],
)


def numeral_value(numeral: str) -> Decimal:
    """The exact value of an Arabic or Chinese numeral, without multiplier words after it.

    Raises ValueError when the numeral cannot be read completely; it never returns a partial value.
    """
    if len(numeral) > 1 and numeral[0] in "0〇零" and numeral[1] not in ".点":
        raise ValueError(f"a leading zero: {numeral}")  # 08年, 000人次, 零八年: a code or a year, not a count
    if numeral.isascii() and numeral.isdigit():
        return Decimal(numeral)
    arabic = numeral.replace(",", "").replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", arabic):
        return Decimal(arabic)
    if re.fullmatch(r"(?:零?\d+(?:\.\d+)?[亿万千百十]+)+(?:零?\d+(?:\.\d+)?)?", arabic):
        return _mixed_value(arabic)
    whole, point, fraction = numeral.partition("点") if "点" in numeral else numeral.partition(".")
    if point and not (fraction and all(c in _CN_DIGIT_CLASS for c in fraction)):
        raise ValueError(f"not a numeral: {numeral}")
    value = Decimal(_chinese_integer(whole))
    if fraction:
        value += Decimal("0." + "".join(str(_CN_DIGITS[c]) for c in fraction))
    return value


_DIGIT_BY_DIGIT_TAIL = re.compile("万([〇零一二三四五六七八九]{4})$")
_DIGIT_BY_DIGIT_HEAD = re.compile("([〇零一二三四五六七八九]{3,})([万亿]+)(.*)")


def _chinese_integer(numeral: str) -> int:
    """二〇二一 → 2021 (digit by digit), 一百五十万 → 1500000, 廿三 → 23; anything else raises."""
    if not numeral:
        raise ValueError("empty numeral")
    if all(c in _CN_DIGITS and c != "两" for c in numeral):
        # Two digits side by side without a zero are an estimate (二三万: two or three 万), not 23.
        if len(numeral) == 2 and not set(numeral) & {"〇", "零"}:
            raise ValueError(f"an estimate, not a numeral: {numeral}")
        return int("".join(str(_CN_DIGITS[c]) for c in numeral))
    spelled = _DIGIT_BY_DIGIT_HEAD.fullmatch(numeral)
    if spelled:  # 一〇〇万, 一〇九三万六千: the digits before 万 spelled one by one
        scale = 10 ** sum(_MULTIPLIER_EXPONENT[w] for w in spelled[2])
        rest = _chinese_integer(spelled[3]) if spelled[3] else 0
        if rest >= scale:
            raise ValueError(f"a part larger than the unit before it: {numeral}")
        return _chinese_integer(spelled[1]) * scale + rest
    tail = _DIGIT_BY_DIGIT_TAIL.search(numeral)
    if tail:  # 四万八四〇二: the four digits after 万 are spelled one by one
        return _chinese_integer(numeral[: tail.start() + 1]) + int("".join(str(_CN_DIGITS[c]) for c in tail[1]))
    for tens, spelled in _CN_TENS.items():
        numeral = numeral.replace(tens, spelled)
    total = wan = section = 0  # closed by 亿; closed by 万 (inside the 亿 group); below 万
    digit = None  # a digit waiting for its unit
    last_small = 10_000  # small units must fall: 千 before 百 before 十
    last_unit = 1  # the unit just read; a digit after one above 十 needs a 零 between (一百零五)
    zero = False
    seen = set()

    def trailing_digit(at_end: bool) -> int:
        """两万五, 三千二, 一亿二, 一千二万: a last digit after a unit above 十 stands for the next unit
        down, at the end of the numeral or of a section (before 万 or 亿: but 五亿三万 is 5亿 and 3万)."""
        if digit is None:
            return 0
        abbreviated = not zero and (last_unit in (100, 1000) or (at_end and last_unit > 1000))
        return digit * last_unit // 10 if abbreviated else digit

    for c in numeral:
        if c in _CN_DIGITS:
            if digit is not None:
                raise ValueError(f"two digits in a row: {numeral}")
            if _CN_DIGITS[c] == 0:
                zero = True
            else:
                digit = _CN_DIGITS[c]
        elif c in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[c]
            if unit >= last_small or (digit is None and not (c == "十" and section == 0)):
                raise ValueError(f"a unit out of order or without its digit: {numeral}")
            section += (digit or 1) * unit
            digit, last_small, last_unit, zero = None, unit, unit, False
        elif c in "万亿":
            group = section + trailing_digit(at_end=False) + (wan if c == "亿" else 0)
            if c in seen or group == 0:
                raise ValueError(f"misplaced {c}: {numeral}")
            if c == "万":
                wan = group * 10_000
            else:
                total, wan = group * 100_000_000, 0
                seen.discard("万")
            seen.add(c)
            section, digit, last_small, zero = 0, None, 10_000, False
            last_unit = 10_000 if c == "万" else 100_000_000
        else:
            raise ValueError(f"not a numeral character: {c!r} in {numeral}")
    return total + wan + section + trailing_digit(at_end=True)


def _mixed_value(numeral: str) -> Decimal:
    """Arabic parts between multiplier words, read as a Chinese numeral is: 万 and 亿 close a section.

    449万3000 → 4493000, 1亿6055万 → 160550000, 1亿2千万 → 120000000 (not 1亿2千 times 万),
    1千2百万 → 12000000, 3亿零500万 → 305000000. An abbreviated tail (1万2, 3千5: 12000 or 10002?)
    and parts out of order raise, so that such a numeral is unparsed rather than misread.
    """
    parts = re.findall(r"(零?)(\d+(?:\.\d+)?)([千百十]?)([万亿]*)", numeral)
    if "".join("".join(p) for p in parts) != numeral or any("." in p[1] for p in parts[:-1]):
        raise ValueError(f"not a mixed numeral: {numeral}")
    total, section, ceiling = Decimal(0), Decimal(0), None
    small = last = None  # exponents: of the last 千/百 in this section, of the last multiplier read
    for i, (zero, digits, unit, words) in enumerate(parts):
        value = Decimal(digits)
        if unit:
            exponent = _SMALL_EXPONENT[unit]
            if value >= 10 or (small is not None and exponent >= small):
                raise ValueError(f"a unit out of order: {numeral}")
            small, value = exponent, value * 10**exponent
        elif i == len(parts) - 1 and not words and last is not None:
            if not _literal_tail(len(digits.partition(".")[0]), last, bool(zero)):
                raise ValueError(f"an abbreviated numeral: {numeral}")  # 1万2, 3千5
        elif small is not None and value >= 10**small:
            raise ValueError(f"a part larger than the unit before it: {numeral}")
        section += value
        last = _SMALL_EXPONENT[unit] if unit and not words else last
        if words:
            last = sum(_MULTIPLIER_EXPONENT[w] for w in words)
            section = _EXACT.multiply(section, Decimal(10) ** last)
            if ceiling is not None and section >= ceiling:
                raise ValueError(f"a part larger than the unit before it: {numeral}")
            total, section, ceiling, small = _EXACT.add(total, section), Decimal(0), Decimal(10) ** last, None
    if ceiling is not None and section >= ceiling:
        raise ValueError(f"a part larger than the unit before it: {numeral}")
    return _EXACT.add(total, section)


def _literal_tail(width: int, exponent: int, zero: bool) -> bool:
    """Whether digits after the last multiplier are read as they stand: 449万3000 and 1万零2 are; but a
    shorter tail may be an abbreviation (1万2: 12000?) or the start of the next number (约207万65岁
    或以上: two million elders aged 65 and over), so it leaves the whole numeral unparsed."""
    return width < exponent if zero else width == exponent


def _scaled(numeral: str, multipliers: str | None) -> Decimal:
    """The numeral times its multiplier words (万, 亿, 千万, …), exact however large."""
    if not multipliers:
        return numeral_value(numeral)
    if re.search(r"\d[亿万千百十]", numeral):  # 1亿2千 + 万: the multiplier closes the last section only
        return numeral_value(numeral + multipliers)
    exponent = sum(_MULTIPLIER_EXPONENT[w] for w in multipliers if w in _MULTIPLIER_EXPONENT)
    try:
        # Times an integer power of ten, so that 285.57万 keeps its printed decimals: 2855700.00.
        return _EXACT.multiply(numeral_value(numeral), Decimal("1" + "0" * exponent))
    except decimal.DecimalException as err:
        raise ValueError(f"too large to hold exactly: {numeral}{multipliers}") from err


def _bound(*words: str | None) -> str:
    for word in words:
        if word in _PREFIX_BOUND:
            return _PREFIX_BOUND[word]
        if word in _SUFFIX_BOUND:
            return _SUFFIX_BOUND[word]
    return "exact"


# ---------------------------------------------------------------------------------------------
# 2. Patterns
# ---------------------------------------------------------------------------------------------

_SP = "[ \u00a0\u3000]?"  # one space, as PDF text and wrapped lines print between number and unit
# An Arabic numeral starts where no digit (or digit and separator) stands before it, takes its whole
# run atomically, and must not be followed by more of a numeral (1.1.1.1 is no number): the match
# is then all or nothing. Thousands are grouped by an ASCII comma or, before a unit, a space
# (216 688宗); the Chinese comma is punctuation (分别资助120，340，560户 is a list).
# A space followed by exactly three digits may continue the numeral (50 000多个): when the whole is
# not read as one number, neither piece is read on its own (the last pass reports them unparsed).
_AR = (
    r"(?<!\d)(?<!\d[.,])(?!(?<=\d )\d{3}(?!\d))"
    rf"(?>(?<![表图第号])\d{{1,3}}(?: \d{{3}})+(?= ?[多余万亿{''.join(sorted({u[0] for u in UNITS}))}])"
    r"|\d{1,3}(?:,\d{3})+|\d+)"
    r"(?>\.\d+)?(?![.,]?\d)(?! \d{3}(?!\d))(?!点\d)(?!十)"
)
# A Chinese numeral starts where no numeral character stands before it, and may carry a decimal part.
_CN = rf"(?<![{_CN_CHARS}])(?>[{_CN_START}][{_CN_CHARS}]*)(?>[点.][{_CN_DIGIT_CLASS}]+)?"
_NUM = rf"(?:{_AR}|{_CN})"
# An Arabic part inside a mixed numeral may stand before 十 (3百5十), and has no decimals (2.5万0-6岁
# is 2.5万, then 0-6岁).
_AR_PART = _AR.replace("(?!十)", "").replace(r"(?>\.\d+)?", "")
# Arabic parts with multiplier words between them: 449萬3000元, 1亿6,055万3000元, 1亿2千万零500元.
# A bounded look-ahead first: most numbers have no multiplier followed by more digits. The parts are
# taken atomically, all of them, so that a tail is never left to be read on its own.
_MIXED = (
    rf"(?<![亿万千百十零])(?=[\d,.]{{1,30}}[亿万千百十]{{1,2}}零?\d)(?>(?:{_AR_PART}[亿万千百十]{{1,2}}零?)+)(?:{_AR})?"
)
# 千克 and 千米 are measure words, not 千 times 克.
_MULT = r"(?:[百千](?![克米瓦])[万亿]*|[万亿]+|个亿)"  # 20个亿 is 20亿, as it is often said
# Each alternation opens with a class of its first characters, which rejects most positions at once.
# A measure word that starts a noun is no measure word: 3.6万市民, 10万村民, 3万年轻人, 500家长, 80年代.
_NOT_A_UNIT = (
    "(?<=市)民|(?<=村)民|(?<=年)[轻代级]|(?<=家)长|(?<=本)地|(?<=台)胞|(?<=乡)亲|(?<=周)边|(?<=位)数"
    "|(?<=元)[宵旦区]|(?<=座)地下|(?<=条)规定|(?<=人)口普查|(?<=周)期|(?<=户)[名籍]|(?<=个月)饼|(?<=处)理|(?<=片)区"
    "|(?<=元)结构|(?<=人)工|(?<=台)[湾商企资]|(?<=年)计[划画畫]|(?<=年)长者|(?<=升)[至到]|(?<=处)[于境置]|(?<=队)[员伍长]"
    "|(?<=口)[岸罩径号碑]|(?<=门)[诊户槛口]|(?<=组)[织建成长]|(?<=班)[子级车]|(?<=头)[等脑条]"
    "|(?<=道)[路德理]|(?<=层)[次面级]|(?<=题)[目材]|(?<=双)[方向]|(?<=块)钱|(?<=首)[先次批届]"
)
_UNIT = f"(?=[{''.join(sorted({u[0] for u in UNITS}))}])(?:{'|'.join(UNITS)})(?!{_NOT_A_UNIT})"
# 约 and 近 also end ordinary words (节约 save, 最近 recent), which are no approximation.
_PRE = (
    f"(?=[{''.join(sorted({w[0] for w in _PREFIX_BOUND}))}])(?:"
    + (
        "|".join(sorted(_PREFIX_BOUND, key=len, reverse=True))
        .replace("|最多", "|最多(?!占)")  # 以重度失能者为最多占51.52%: the most, at 51.52 %
        .replace("|破", "|(?<![打突])破")
        .replace("|约", "|(?<![节签预制公邀合特违条契续租相失])约")
        .replace("|近", "|(?<![最附亲贴靠将接邻走临])近(?!获|期|日|来)")
    )
    + ")"
)
# 约占全县总人口的4.5%: a share of something, named between 占 and 的.
_GAP = (
    "(?:"
    + "|".join(re.escape(w) for w in sorted(_BOUND_GAP_WORDS.split(), key=len, reverse=True))
    + "|占[^,，。;；:：\\d]{0,12}的){1,3}"
)
_POST = "或以上|及以上|或以下|及以下|以上|以下|以内|左右|上下(?!一心)|有余"
_POST_AFTER = re.compile(f"(?:{_POST})?")

# Each pattern opens with a look-ahead at the characters its match can start with: the engine
# then rejects most positions at the first character, which makes extraction about three times faster.
_NUMERAL_START = "0-9" + _CN_START
_PREFIX_START = "".join(sorted({word[0] for word in _PREFIX_BOUND}))


def _guarded(starts: str, pattern: str) -> re.Pattern:
    return re.compile(f"(?=[{starts}])(?:{pattern})")


# A web address holds no figure, though its escapes look like one (%E8 is not 8 %).
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+")
# Any run of digits and separators: the last alternative of _QUANTITY, for a run that no form reads.
# (Character classes, not a repeated group, so that a run of a megabyte needs no backtracking stack.)
_DIGIT_RUN = (
    r"(?<!\d)(?<!\d[.,])(?!(?<=\d )\d{3}(?!\d))\d[\d.,]*(?<=\d)(?: \d{3}(?!\d)[\d.,]*(?<=\d))*"
    r"(?:点\d[\d.,]*(?<=\d)[百千万亿]*|十[百千万亿]*)?"  # 3点5万, 5十万: Chinese marks in Arabic digits
)
# After the measure word: 两年半 (and a half), 3年多来 (and more), 12元5角 (and tenths of a yuan).
_AFTER_UNIT = (
    r"半(?![价数年天月日小个岛山])|多(?=[的,，。;；、)）\s]|$)|(?<=[年月天周])[多余](?=来|前|后|时间|期间|[的,，。;；、]|$)"
    r"|(?<=元)(?:[1-9]|[一二三四五六七八九])角(?:(?:[1-9]|[一二三四五六七八九])分)?"
)
_QUANTITY = _guarded(
    _PREFIX_START + _NUMERAL_START,
    rf"(?:(?P<pre>{_PRE}){_SP}(?:{_GAP})?)?(?P<num>{_MIXED}|{_NUM})(?:{_SP}(?P<approx1>[多余]))?(?:{_SP}(?P<mult>{_MULT}))?"
    rf"(?P<approx2>[多余])?(?P<mult2>(?<=[百千][多余])[万亿]+)?"
    rf"(?:{_SP}(?:个(?P<between>[半多余])(?P<timeunit>月|小时)|(?P<unit>{_UNIT})(?P<after>{_AFTER_UNIT})?))?"
    rf"(?P<post>{_POST})?"
    rf"|(?P<unreadable>{_DIGIT_RUN})",
)
_TO = "(?:—{1,2}|–|-|~|至|到)"
_RANGE = _guarded(
    _NUMERAL_START,
    rf"(?P<lo>{_MIXED}|{_NUM})(?P<lomult>{_MULT})?(?P<lounit>%|{_UNIT})?{_SP}{_TO}{_SP}"
    rf"(?P<hi>{_MIXED}|{_NUM})(?:{_SP}(?P<himult>{_MULT}))?(?P<himore>[多余])?{_SP}(?P<unit>%|{_UNIT})",
)
# After 成, what makes it a word rather than tenths: 三成员, 五成新, 成为 (which may be a verb).
_NOT_TENTHS = rf"(?![{_CN_CHARS}\d]|[立员功本果绩熟长就交都效型品为年人新])"
_PERCENT = _guarded(
    _PREFIX_START + _NUMERAL_START + "百",
    rf"(?:(?P<pre>{_PRE})(?:{_GAP})?)?(?P<num>{_NUM})(?P<few1>[多余])?{_SP}(?P<unit>%|个?百分点)(?P<post>{_POST})?"
    rf"|(?:(?P<pre2>{_PRE})(?:{_GAP})?)?百分之(?P<cn>百|{_CN})(?P<few2>[几多余])?(?P<post2>{_POST})?"
    # 三成 is three tenths (30 %), 三成半 35 %, 八成五 85 % (when no numeral or measure word follows
    # the 五), 八成多 at least 80 %; not in 三成员, 五成新, 成为 (which may be a verb).
    rf"|(?:(?P<pre3>{_PRE})(?:{_GAP})?)?(?P<tenths>(?<![\d.,])[1-9]|(?<![{_CN_CHARS}])[一二两三四五六七八九])成"
    rf"(?:(?P<half>半)|(?P<digit>[一二三四五六七八九])(?![{_CN_CHARS}\d]|{_UNIT})|(?P<few3>多))?"
    rf"{_NOT_TENTHS}(?P<post3>{_POST})?",
)
# 15%至20%, 百分之十五至二十, 三至五成, 3至5个百分点: a range of shares, read before either end alone.
_PERCENT_RANGE = _guarded(
    _NUMERAL_START + "百",
    rf"(?P<lo>{_NUM})%?{_TO}(?P<hi>{_NUM}){_SP}(?P<unit>%|个百分点)"
    rf"|百分之(?P<cnlo>{_CN}){_TO}(?:百分之)?(?P<cnhi>百|{_CN})"
    rf"|(?P<tlo>(?<![\d.,])[1-9]|(?<![{_CN_CHARS}])[一二两三四五六七八九]){_TO}"
    rf"(?P<thi>[1-9]|[一二两三四五六七八九])成{_NOT_TENTHS}",
)
# …and so is one before 余 or 多 with no numeral before it: 千余人, 万余元, 百余万元 (at least one of it).
_BARE_MULTIPLIER = _guarded(
    "".join(sorted({w[0] for w in _BARE_MULTIPLIER_BOUND})) + "百千万亿",
    r"(?P<pre>超过|(?<![通经越度穿错改记难不])过|超|逾|(?<![以之网晚早马路线身手楼山台世北向街海])上|将近|接近|(?<![最附亲贴靠邻走])近)(?P<mult>[百千][万亿]?|万亿?|亿)"
    rf"(?P<unit>{_UNIT})"
    rf"|(?<![{_CN_CHARS}\d.,])(?<!\d )(?P<mult2>[百千万亿])[余多](?P<mult3>[万亿])?(?P<unit2>{_UNIT})"
    rf"|(?<![{_CN_CHARS}\d.,])(?P<hundred>百)(?P<unit3>岁)(?=或?以上|及以上)",  # 百岁以上: a hundred years and more
)
# 提出三点要求: 点 counts the points of a speech or a plan only before such a word (三点五 is 3.5,
# 下午三点 a time of day).
_POINTS = _guarded(_NUMERAL_START, rf"(?P<num>{_NUM})点(?=要求|意见|建议|希望|体会|做法|措施|经验|共识|启示)")
# 近2/3, 占1/4: a share with a slash, only after a bound word or a verb of being (于3/8 is a date).
_SLASH_FRACTION = _guarded(
    _PREFIX_START + "1-9",
    rf"(?:(?P<pre>{_PRE})(?:{_GAP})?(?P<num>(?<![\d.,/])[1-9])/(?P<den>[1-9]|10)(?![\d.,/])"
    rf"|(?:(?<=[占有达])|(?<=[为是])(?<![期间][为是]))(?P<num2>(?<![\d.,/])[1-9])/(?P<den2>[1-9]|10)(?![\d.,/]))",
)
# 近五分之一: a fraction, read as a percentage when it has an exact decimal value.
_FRACTION = _guarded(_PREFIX_START + _NUMERAL_START, rf"(?:(?P<pre>{_PRE}))?(?P<den>{_NUM})分之(?P<numer>{_NUM})")
_YEAR = r"(?<!\d)(?:19|20)\d{2}(?!\d)|(?<![〇零一二三四五六七八九])(?:二[〇零]|一九)[〇零一二三四五六七八九]{2}"
_DATE = _guarded(
    "0-9一二",
    rf"(?P<ys>(?<!\d)(?:19|20)\d{{2}})(?P<sep>[/.-])(?P<ms>\d{{1,2}})(?P=sep)(?P<ds>\d{{1,2}})(?![\d.])"
    rf"|(?P<y1>(?<!\d)(?:19|20)\d{{2}})(?:-|–|—|~|至|到|/)(?P<y2>(?:19|20)?\d{{2}})(?!\d){_SP}年度?"
    rf"|(?P<y>{_YEAR}){_SP}年"
    rf"(?:{_SP}(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,2}}){_SP}月"
    rf"(?:{_SP}(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}}){_SP}[日号])?)?"
    rf"|(?<!\d)(?<!\d[.,])(?P<m2>\d{{1,2}}){_SP}月{_SP}(?P<d2>\d{{1,2}}){_SP}[日号]"
    r"|(?<!\d)(?<!\d[.,])(?P<d3>\d{1,2})日"
    rf"|(?<!\d)(?P<fy1>\d{{2}})[/-](?P<fy2>\d{{2}})(?!\d){_SP}年度"
    rf"|(?<!\d)(?P<roc>1[0-4]\d){_SP}年{_SP}(?P<rocm>\d{{1,2}}){_SP}月"
    # 115至116年, 在113年, 113年度: years of the Republic of China calendar (2011–2030), never a length
    # of time: not before 前, 后, 来, 内, 间 or 以 (100年前, 100年来 are lengths or points before now).
    rf"|(?<!\d)(?P<roc1>1[01]\d)(?:-|–|—|~|至|到)(?P<roc2>1[01]\d){_SP}年度?(?![前后来内间里以多余])"
    rf"|(?<=[在于自从至到])(?P<rocy>1[01]\d){_SP}年度?(?![前后来内间里以多余])"
    rf"|(?<!\d)(?P<rocfy>1[01]\d){_SP}年度",
)
# Years of the Republic of China calendar that _DATE leaves: 民國110年, 99年度, 一一〇年度, 110年1-6月,
# 109年至110年, and 110年 opening a clause (110年共服務); a year after 于 in two digits is unparsed.
# Where a clause starts: after its punctuation (an ASCII comma only when no digit is before it).
_CLAUSE_START = r"(?:^|(?<=[。，；;\n、])|(?<=(?<!\d),))"
_ROC_YEAR = _guarded(
    "民" + _NUMERAL_START,
    rf"民国{_SP}(?P<a>\d{{2,3}}|[{_CN_CHARS}]+){_SP}年度?"
    rf"|(?<![\d{_CN_CHARS}])(?P<b>\d{{2,3}}|[{_CN_CHARS}]+){_SP}年度"
    rf"|(?<!\d)(?P<c>1[01]\d){_SP}年(?=\d{{1,2}}{_SP}[月-])"
    rf"|(?<=[在于自从至到])(?P<e>一[〇零一][〇零一二三四五六七八九]|[九十][十〇零一二三四五六七八九]{{1,2}}){_SP}年度?"
    rf"(?![前后来内间里以多余])"
    rf"|(?<!\d)(?P<lo>\d{{2,3}}){_SP}年?{_SP}(?:至|到|-|~){_SP}(?P<hi>\d{{2,3}}){_SP}年度?(?![前后来内间里以多余代级])"
    rf"|{_CLAUSE_START}(?P<d>一[〇零一][〇零一二三四五六七八九]){_SP}年(?![前后来内间里以多余的])"
    rf"|(?<!\d)(?P<f>1[01]\d){_SP}年(?![前后来内间里以多余的代级])",
)
# A year in two digits after 于 or opening a clause (于97年, ，99年共服務): 1997, or 99 of the ROC calendar.
_SHORT_YEAR = _guarded(
    "0-9",
    rf"(?<=[在于自从])\d{{2}}{_SP}年(?![前后来内间里以多余度])"
    rf"|{_CLAUSE_START}\d{{2}}{_SP}年(?![前后来内间里以多余的度代级])"
    # 97年4月, 97年及98年, 至99年: a year in two digits beside a month or another such year
    rf"|(?<!\d)\d{{2}}{_SP}年(?=\d{{1,2}}{_SP}月|底|初|同期|起)"
    rf"|(?<!\d)[89]\d{_SP}年(?=[及和、至到][89]\d{_SP}年)|(?<=[及和、至到])[89]\d{_SP}年(?![前后来内间里以多余])",
)
# A length of time is what comes after these words: 成立110年, 历时110年.
_LENGTH_BEFORE = re.compile("(?:成立|历时|已有|有|近|约|超过|逾|达|长达|共|经过|满|累计|连续|为期)$")
# 二十届三中全会, 十四届全国人大二次会议: the council and its session are ordinals, not counts.
_COUNCIL = _guarded(
    _NUMERAL_START,
    rf"(?P<num>{_NUM})届(?=[一二三四五六七八九十]+中全会|全国|中央|人大|政协|党代会|代表大会|理事会|委员会|执委|会员代表)"
    rf"|(?:(?<=人大)|(?<=政协)|(?<=全委)|(?<=执委)|(?<=理事会)|(?<=委员会)|(?<=代表大会))(?P<num2>{_NUM})次(?=会议|全会|全体会议)"
    rf"|(?P<num3>{_NUM})次(?=常务理事会|理事会|会员代表大会|会员大会|执委会|全委会)"
    # 前3名: the first three places, a rank
    rf"|(?<=前)(?P<num4>{_NUM})(?=名|位)[名位]",
)
# 五年前, 3个月后: a point in time relative to now, not a length of time (but 十年前后 is about ten years).
_RELATIVE_TIME = _guarded(_NUMERAL_START, rf"(?P<num>{_NUM}){_SP}(?:年|个月|个星期|星期|周|天)之?(?:前(?!后)|后)")
# 四人家庭, 3人户: a kind of household by its size, not a count of people.
_HOUSEHOLD = _guarded(
    "1-9一二两三四五六七八九", rf"(?P<num>(?<![\d.,])[1-9]|(?<![{_CN_CHARS}])[一二两三四五六七八九])口?人(?:家庭|户|家)"
)
# 注2,83亿元: a footnote mark before a comma; the number after the comma starts afresh.
_FOOTNOTE = _guarded("注", r"(?<![关投贯灌专倾挹标备])注(?P<num>\d{1,2})(?=[,，])(?![,，]\d{3}(?!\d))")
_DURATION_BEFORE_DAYS = re.compile(r"(?:第|为期|连续|历时|共|每|近|约|用时|仅|达|首|头)$")
_ORDINAL = re.compile(
    rf"第{_SP}(?P<num>{_MIXED}|{_NUM})(?P<mult>{_MULT})?(?:{_UNIT})?"
    rf"(?:{_SP}(?:、|{_TO}){_SP}第?(?:{_MIXED}|{_NUM})(?:{_MULT})?(?:{_UNIT})?)*"
)
# 五届五次 (the fifth plenary of the fifth council): two ordinals.
_SESSION = _guarded("第" + _NUMERAL_START, rf"(?:第{_SP})?(?P<num>{_NUM})届(?P<num2>{_NUM})次")
# 编号:727056962: an identifier, which counts nothing, whatever word follows it.
_IDENTIFIER = _guarded(
    "编序号文帐账",
    r"(?:编号|编码|序号|号码|文号|帐号|账号)[:：]?[ \u3000]?(?P<num>\d+|[〇零一二三四五六七八九]+)(?![\d.,])",
)
_ESTIMATE = _guarded(
    "1-9一二三四五六七八九十百",
    rf"(?<![{_CN_CHARS}\d.,])(?P<a>[1-9]|[一二三四五六七八九十百千]*[一二三四五六七八九])、(?P<b>[1-9]|[一二三四五六七八九])"
    rf"(?:[十百千万亿]+|成|(?={_UNIT}))",
)
# 三万5千: a Chinese numeral run into Arabic digits, which no form reads; never its Arabic tail alone.
# 1.5万3千: a decimal followed by more parts, which no form reads (2.5万0-6岁 is 2.5万, then an age).
_DECIMAL_MIXED = _guarded(
    "0-9", r"(?<![\d.,])\d+\.\d+[亿万千百十]+(?>\d+)(?:[亿万千百十][\d亿万千百十]*)?(?![\d\-–—~至到])"
)
_MIXED_SCRIPT = _guarded(
    _CN_START + "0-9",
    rf"(?<![{_CN_CHARS}\d])[{_CN_START}][{_CN_CHARS}]*(?:\d[\d,.]*(?: \d{{3}}(?!\d)[\d,.]*)*[{_CN_CHARS}]*)+"
    # 4万八四〇二: Arabic digits and a multiplier run into Chinese digits
    rf"|(?<![\d.,百千万亿零])(?<!\d )\d[\d,.]*(?: \d{{3}}(?!\d)[\d,.]*)*[百千万亿]+"
    rf"[〇一二两三四五六七八九十][{_CN_CHARS}]*",
)
# 数十万, 几百人, 十几万: an estimate, never the 十万 or 百 inside it.
_ROUGH = _guarded(
    "数几十百千万",
    rf"(?<![人户次件总岁])[数几](?=[十百千万亿])[十百千万亿]+|(?<![{_CN_CHARS}])[十百千万]几[十百千万亿]*",
)
_ANNIVERSARY = _guarded(_NUMERAL_START, rf"(?P<num>{_NUM})周年")
_DAY_NAME = _guarded("0-9", r"(?<!\d)(?<!\d[.,])(?P<m>\d{1,2})[·•・](?P<d>\d{1,2})(?![.,]?\d)")
_SECTION = re.compile(
    r"(?m)^[ \t\u3000]*(?P<num>\d{1,2}|[一二三四五六七八九十]{1,3})(?:[ \t\u3000]+|、)(?=\S)(?!\d{3}(?!\d))"
)
# A title or a quoted name ends at its closing mark or at the next opening one, so that a text of
# unclosed marks is still read in linear time.
_TITLE = re.compile(r"《[^《》\n]*》")
# A quotation with a comma or a full stop inside is speech, whose figures are read as any others.
_QUOTED = re.compile(r"“[^“”\n，。；！？,;!?]*”|「[^「」\n，。；！？,;!?]*」")
_SET_PHRASE = _guarded(
    "".join(sorted({w[0] for w in SET_PHRASES} | {"一"})),
    # 分之一 is a fraction (五分之一), read by the percent pattern, not the word 之一.
    "|".join(SET_PHRASES).replace("之一", "(?<!分)之一")
    # …but 一个月 after 为期 is a length of time
    + rf"|(?<![{_CN_CHARS}\d第近约逾])(?<!为期)(?<!期间为)(?<!连续)(?<!历时)一"
    + rf"(?=(?:{'|'.join(_ARTICLE_ONE_BEFORE)})(?![{_CN_CHARS}]))"
    # 一户一策, 一人一档, 一家一户: one for each, a way of working, not a count
    + "|一[户人家村镇乡企校]一[\u4e00-\u9fff]",
)
# A unitless number takes its unit from a noun just before it: a counted noun (观看人数累计达89.1万)
# or, for a sum in 万 or 亿, a noun of money (低保金3347万).
_COUNTED_NOUN = re.compile(r"(人次|人|户|家庭|场次|次|件)数(?![字据])[^,，。;；:：\d]{0,12}$")
# …and, for a bare number that ends its clause, only with verbs of being between: 受助人数为1234。
_COUNTED_NOUN_NEAR = re.compile(
    r"(?:人次|人|户|家庭|场次|次|件)数(?:[为达是约有共计已到逾近超过]|合计|总计|累计){0,4}[:：]?$"
)
# A group of people named just before a number counts them, before any noun of money further back
# (奖学金惠及学生1.2万, 基金会服务对象逾3万).
_PEOPLE_BEFORE = re.compile(
    "(?:残疾人|老年人|老人|长者|儿童|妇女|学生|青少年|群众|居民|市民|村民|职工|志愿者|义工|游客|对象|会员|家庭|人口)"
    r"(?:[达逾近约有共计为]|超过|累计){0,3}$"
)
_MONEY_NOUN = re.compile(
    r"(?:资金|经费|费用|善款|捐款|保费|赔款|补贴|补助|救助金|低保金|慰问金|奖金|金额|总值|价值|款|金)(?![会周])"
    r"[^,，。;；:：\d]{0,8}$"
)
_NOUN_UNIT = {"家庭": "户"}
# Measure words of things counted whole: 1.5人 is a heading number or a misprint, never a count.
_DISCRETE_WORDS = (
    "人 人次 户 户次 名 位 个 家 所 宗 件 次 场 场次 本 份 项 批 张 台 辆 套 条 座 间 篇 册 例 对 届 "
    "县 市 区 镇 乡 乡镇 村 类 盒 罐 支 集 期 节 堂 起 点"
)
_DISCRETE = frozenset(_DISCRETE_WORDS.split())
# …and of parts of a document, whose decimal is a reference (详见2.3节, 3.1条), never a quantity.
_REFERENCES = frozenset(["节", "条", "章", "款", "项", "期", "届", "类", "点"])
_TIME_UNITS = frozenset(["年", "个月", "天", "周", "日"])
_RECENT_AFTER = re.compile("来|以来|内|之内|中|间|里|共|累计")
_LASTED_BEFORE = re.compile(
    "(?:历时|长达|从事|持续|坚持|工作|服务|照顾|生活|经过|耗时|用了|花了|已|达)[^,，。;；:：]{0,6}$"
)
_ABBREVIATED = re.compile("[百千万亿][一二三四五六七八九]$")
_DOT_GROUPED = re.compile(r"\d{1,3}\.\d{3}")
_CLOCK_BEFORE = re.compile("(?:上午|下午|早上|晚上|凌晨|中午|傍晚|早晨|清晨|每晚|每早|每天|每日|晚|早)$")
_RATE_BEFORE = re.compile("标准|每户|每人|每名|每位|人均|户均")
# A verb of giving money just before a sum (每年捐赠50万): not with goods between (捐赠衣物3万).
_MONEY_VERB = re.compile("(?:捐赠|捐助|募集|筹集|募得|筹得)(?:了|共|达|约|逾|超过)?$")
_TIMES_BEFORE = re.compile("(人次|户次|场次)(?:[达为逾近约破超共计]|突破|超过|累计){0,3}$")
_CLAUSE_END = re.compile(r"[,，。;；:：、)）]|$")
# …or from a noun just after it: 3.6万残疾人, 一千二百多万农民 (people), 2亿多的捐款 (money, in 万 or 亿).
_PEOPLE_AFTER = re.compile(
    "的?(?:低收入|困难|高龄|失能|留守|农村|城乡|特困|贫困|持证)*(?:残疾人|老年人|老人|长者|农民工|农民|儿童|妇女|学生|青少年|困难群众|群众|居民|市民|村民|职工|员工|"
    "志愿者|义工|贫困人口|人口|党员|会员|年轻人|家长|台胞|乡亲|本地居民|周边居民|游客|脱贫劳动力|劳动力|户籍人口)"
    # …unless a fund for them follows: 3000万残疾人就业保障金, 2.3亿农民工工资 are money
    "(?![^,，。;；:：\\d]{0,8}?(?:金|资金|补贴|补助|经费|款|工资|费|餐))"
)
_MONEY_AFTER = re.compile("的?(?:捐款|善款|资金|经费|款物|款项|补助金|救助金|慰问金)")
_NOUN_AFTER_STARTS = frozenset(
    "的残老长农儿妇学青困群居市村职员志义贫人党会捐善资经款补救慰年家台乡本周游脱劳户低高失留城特"
)
_GRADE_AFTER = re.compile("地区|城市|地方|县|市|区|乡|镇|医院|疫苗|药品|岗位|伤残|残疾|工伤|学校|标准|保护|低保")
_COUNT_BEFORE = re.compile("(?:共|计|有|分|等|这|那|包括|涉及)$")
# Numbers in a list that only the last one's measure word follows (分别资助120，340，560户).
_LIST_SEPARATOR = re.compile(r"[，,、]|和|及|与")
_SHAREABLE = re.compile(r"\D*(?!(?:19|20)\d\d(?!\d))\d{1,4}(?:\.\d+)?")
_MULTIPLIED = re.compile(r"[\d〇零一二两三四五六七八九十][百千万亿萬億]")
_JOINABLE = frozenset(["number", "quantity"])
_DASH_AFTER = " ?(?:-|–|—|~|～|至|到)"
_DASH_NEXT = re.compile(_DASH_AFTER)
_GROUP_HEAD = re.compile(r"\D*(?<!\d)\d{1,3}")  # 约3 of 约3，500人
_GROUP_TAIL = re.compile(r"\d{3}(?![\d.])")  # 500 of 500多人
_LIST_CUE = re.compile("分别|分別|依次")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3}){2,}")


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


class _Scanner:
    """Runs the patterns in order of precedence; a span that one pattern claims, the next cannot."""

    def __init__(self, text: str):
        self.original = text
        self.joined = join_layout_breaks(normalize(text))
        self.text = self.joined.text
        self.cut = len(self.text) != len(text)  # offsets need mapping back only where breaks were removed
        self.taken = bytearray(len(self.text))
        self.mentions: list[Mention] = []
        self.masks: list[tuple[int, int]] = []  # claimed digits that later patterns must not see as digits

    def mask(self) -> None:
        """Hide the digits of the spans in `masks` (a footnote mark), in one pass over the text."""
        parts, last = [], 0
        for start, end in sorted(self.masks):
            parts += [self.text[last:start], "\x1f" * (end - start)]
            last = end
        self.text = "".join(parts) + self.text[last:]
        self.masks = []

    def free(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) < 0

    def claim(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)

    def add(self, start, end, kind, value, unit="", bound="exact", value_max=None) -> None:
        self.claim(start, end)
        unit = _UNIT_ALIAS.get(unit, unit)
        o_start, o_end = (self.joined.original(start), self.joined.original(end - 1) + 1) if self.cut else (start, end)
        text = self.original[o_start:o_end]
        self.mentions.append(Mention(o_start, o_end, text, kind, value, value_max, unit, bound))

    def matches(self, pattern: re.Pattern, within: re.Pattern | None = None):
        """Unclaimed matches of `pattern`; with `within`, only those inside a match of that pattern."""
        spans = [(o.start(), o.end()) for o in within.finditer(self.text)] if within else [(0, len(self.text))]
        for start, end in spans:
            yield from self._unclaimed(pattern, start, end)

    def _unclaimed(self, pattern: re.Pattern, start: int, end: int):
        """A match that runs into a claimed span is read again up to that span, then after it, so that
        the unclaimed text before and after the span is still read (5千 in 5千5%, when 5% is taken)."""
        pos = start
        while pos < end:
            for m in pattern.finditer(self.text, pos, end):
                if m.end() == m.start():
                    continue
                claimed = self.taken.find(1, m.start(), m.end())
                if claimed < 0:
                    yield m
                    continue
                # Nothing before `claimed` is taken, so every match there is free.
                yield from (n for n in pattern.finditer(self.text, m.start(), claimed) if n.end() > n.start())
                after = self.taken.find(0, claimed, end)
                pos = after if after >= 0 else end
                break
            else:
                return


# ---------------------------------------------------------------------------------------------
# 3. Handlers: one match becomes one mention (or none, when the match turns out to be a word)
# ---------------------------------------------------------------------------------------------

_AR_ONLY = re.compile(_AR)


_NUMERAL_RUN = re.compile(f"[{_CN_CHARS}]+")
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


def _numeral_word(s: _Scanner, m: re.Match) -> None:
    """A word that holds a number but counts nothing: 五年前, 四人家庭."""
    s.add(m.start(), m.end(), "word", numeral_value(m["num"]))


def _footnote(s: _Scanner, m: re.Match) -> None:
    s.add(m.start(), m.end(), "word", numeral_value(m["num"]))
    s.masks.append((m.start("num"), m.end("num")))


def _section(s: _Scanner, m: re.Match) -> None:
    s.add(m.start("num"), m.end("num"), "section", numeral_value(m["num"]))


def _day_name(s: _Scanner, m: re.Match) -> None:
    s.add(m.start(), m.end(), "day_name", f"--{int(m['m']):02d}-{int(m['d']):02d}")


def _date(s: _Scanner, m: re.Match) -> None:
    """A date as ISO 8601: 2021-05-16, --06-01 (no year), ---11 (day of month), 2021/2022 (two years)."""
    if m["fy1"]:  # 09/10年度: a fiscal year, in the century that makes it nearest to now
        century = "20" if int(m["fy1"]) < 50 else "19"
        m_first, m_last = int(century + m["fy1"]), int(century + m["fy2"])
        if m_last != m_first + 1:
            raise ValueError(f"not a fiscal year: {m[0]}")
        value = f"{m_first}/{m_last}"
    elif m["ys"]:  # 2023/8/2, 2023-08-02
        value = f"{m['ys']}-{_month(m['ms'])}-{_day(m['ds'])}"
    elif m["roc"]:  # 115年1月: a year of the Republic of China calendar, 1911 + 115
        value = f"{1911 + int(m['roc']):04d}-{_month(m['rocm'])}"
    elif m["roc1"]:
        if int(m["roc2"]) <= int(m["roc1"]):
            raise ValueError(f"not a span of years: {m[0]}")
        value = f"{1911 + int(m['roc1']):04d}/{1911 + int(m['roc2']):04d}"
    elif m["rocy"] or m["rocfy"]:
        value = f"{1911 + int(m['rocy'] or m['rocfy']):04d}"
    elif m["y1"]:
        first, last = m["y1"], m["y2"]
        last = first[:2] + last if len(last) == 2 else last
        if int(last) <= int(first):
            raise ValueError(f"not a span of years: {m[0]}")
        value = f"{first}/{last}"
    elif m["d3"]:
        if _DURATION_BEFORE_DAYS.search(s.text, max(0, m.start() - 2), m.start()):
            return  # 为期3日 is a length of time, read as a quantity later
        value = f"---{_day(m['d3'])}"
    elif m["m2"]:
        value = f"--{_month(m['m2'])}-{_day(m['d2'])}"
    else:
        value = f"{int(numeral_value(m['y'])):04d}"
        if m["m"]:
            value += f"-{_month(m['m'])}"
        if m["d"]:
            value += f"-{_day(m['d'])}"
    s.add(m.start(), m.end(), "date", value)


def _roc_year(s: _Scanner, m: re.Match) -> None:
    if m["lo"]:
        if not 80 <= int(m["lo"]) < int(m["hi"]) <= 150:
            return  # 3至15年, 50-100年: a range of lengths, read later
        s.add(m.start(), m.end(), "date", f"{1911 + int(m['lo']):04d}/{1911 + int(m['hi']):04d}")
        return
    if m["f"] and _LENGTH_BEFORE.search(s.text, max(0, m.start() - 2), m.start()):
        return  # 成立110年: a length of time
    year = numeral_value(m["a"] or m["b"] or m["c"] or m["d"] or m["e"] or m["f"])
    if m["e"] and year < 80:
        return  # 在五十年: not a year of the calendar
    if not 1 <= year <= 150:
        raise ValueError(f"not a year of the Republic of China calendar: {m[0]}")
    s.add(m.start(), m.end(), "date", f"{1911 + int(year):04d}")


def _council(s: _Scanner, m: re.Match) -> None:
    s.add(m.start(), m.end(), "ordinal", numeral_value(m["num"] or m["num2"] or m["num3"] or m["num4"]))


def _month(numeral: str) -> str:
    month = int(numeral_value(numeral))
    if not 1 <= month <= 12:
        raise ValueError(f"no month: {numeral}")
    return f"{month:02d}"


def _day(numeral: str) -> str:
    day = int(numeral_value(numeral))
    if not 1 <= day <= 31:
        raise ValueError(f"no day of a month: {numeral}")
    return f"{day:02d}"


def _enclosed(kind: str):
    """Numbers inside a title 《…》 or a quoted name “…” belong to that title or name."""

    def handle(s: _Scanner, m: re.Match) -> None:
        if m["unreadable"]:
            raise ValueError(f"not a numeral: {m[0]}")
        if m["unit"] or _AR_ONLY.fullmatch(m["num"]):
            s.add(m.start("num"), m.end(), kind, _scaled(m["num"], m["mult"]), m["unit"] or "")

    return handle


def _single(kind: str):
    def handle(s: _Scanner, m: re.Match) -> None:
        s.add(m.start(), m.end(), kind, numeral_value(m["num"]))

    return handle


def _ordinal(s: _Scanner, m: re.Match) -> None:
    s.add(m.start(), m.end(), "ordinal", _scaled(m["num"], m["mult"]))


def _estimate(s: _Scanner, m: re.Match) -> None:
    """三、四百人 is three or four hundred, 十五、六岁 fifteen or sixteen: an estimate, never one end exact."""
    if _LIST_CUE.search(s.text, max(0, m.start() - 6), m.start()):
        return  # 分别获资助3、5万元: a list
    if numeral_value(m["b"]) - numeral_value(m["a"][-1]) in (1, 2):
        raise ValueError(f"an estimate, not a numeral: {m[0]}")


def _unreadable(s: _Scanner, m: re.Match) -> None:
    raise ValueError(f"not a numeral: {m[0]}")


def _session(s: _Scanner, m: re.Match) -> None:
    s.add(m.start(), m.end("num") + 1, "ordinal", numeral_value(m["num"]))
    s.add(m.start("num2"), m.end(), "ordinal", numeral_value(m["num2"]))


def _identifier(s: _Scanner, m: re.Match) -> None:
    s.add(m.start("num"), m.end("num"), "number", numeral_value(m["num"]))


def _bare_multiplier(s: _Scanner, m: re.Match) -> None:
    if m["hundred"]:
        bound = _bound(_POST_AFTER.match(s.text, m.end())[0] or None)
        s.add(m.start(), _POST_AFTER.match(s.text, m.end()).end(), "quantity", Decimal(100), m["unit3"], bound)
        return
    if m["mult2"]:
        s.add(m.start(), m.end(), "quantity", _scaled("1", m["mult2"] + (m["mult3"] or "")), m["unit2"], "at_least")
        return
    value = _scaled("1", m["mult"])
    s.add(m.start(), m.end(), "quantity", value, m["unit"], _BARE_MULTIPLIER_BOUND[m["pre"]])


def _fraction(s: _Scanner, m: re.Match) -> None:
    denominator = Fraction(numeral_value(m["den"]))
    if denominator == 0:
        raise ValueError(f"a fraction of nothing: {m[0]}")
    percent = Fraction(numeral_value(m["numer"])) / denominator * 100
    s.add(m.start(), m.end(), "percent", _exact_fraction(percent), "%", _bound(m["pre"]))


def _slash_fraction(s: _Scanner, m: re.Match) -> None:
    numerator, denominator = Fraction(m["num"] or m["num2"]), Fraction(m["den"] or m["den2"])
    if numerator >= denominator:
        raise ValueError(f"not a share: {m[0]}")
    percent = _exact_fraction(numerator / denominator * 100)
    s.add(m.start(), m.end(), "percent", percent, "%", _bound(m["pre"]))


def _points(s: _Scanner, m: re.Match) -> None:
    if _CLOCK_BEFORE.search(s.text, max(0, m.start() - 3), m.start()):
        return  # 下午三点意见征询会: three o'clock
    s.add(m.start(), m.end(), "quantity", numeral_value(m["num"]), "点", "exact")


def _exact_fraction(value: Fraction) -> Decimal:
    """A fraction as an exact decimal; one that has none (a third) raises, and is read as unparsed."""
    rest = value.denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    if rest != 1:
        raise ValueError(f"no exact decimal: {value}")
    return _EXACT.divide(Decimal(value.numerator), Decimal(value.denominator))


def _percent(s: _Scanner, m: re.Match) -> None:
    if m["cn"]:
        value = Decimal(100) if m["cn"] == "百" else numeral_value(m["cn"])
        s.add(m.start(), m.end(), "percent", value, "%", _bound(_more(m["few2"]), m["post2"], m["pre2"]))
        return
    if m["tenths"]:
        value = numeral_value(m["tenths"]) * 10 + (5 if m["half"] else numeral_value(m["digit"] or "0"))
        s.add(m.start(), m.end(), "percent", value, "%", _bound(_more(m["few3"]), m["post3"], m["pre3"]))
        return
    unit = "%" if m["unit"] == "%" else "百分点"
    s.add(m.start(), m.end(), "percent", numeral_value(m["num"]), unit, _bound(_more(m["few1"]), m["post"], m["pre"]))


def _more(word: str | None) -> str | None:
    """三十几, 三十多, 三十余 after 百分之 or before %: more than thirty."""
    return "多" if word else None


def _percent_range(s: _Scanner, m: re.Match) -> None:
    if m["tlo"]:
        lo, hi, unit = numeral_value(m["tlo"]) * 10, numeral_value(m["thi"]) * 10, "%"
    elif m["cnlo"]:
        lo, unit = numeral_value(m["cnlo"]), "%"
        hi = Decimal(100) if m["cnhi"] == "百" else numeral_value(m["cnhi"])
    else:
        lo, hi = numeral_value(m["lo"]), numeral_value(m["hi"])
        unit = "%" if m["unit"] == "%" else "百分点"
    if lo >= hi:
        raise ValueError(f"a range that does not rise: {m[0]}")
    s.add(m.start(), m.end(), "percent", lo, unit, "range", hi)


def _range(s: _Scanner, m: re.Match) -> None:
    if m["lounit"] and m["lounit"] != m["unit"]:
        return  # 3年至5人: two quantities, read one by one later
    if m["himore"]:
        raise ValueError(f"a range with no upper end: {m[0]}")  # 3至5万多元
    lo_num, lo_mult = _split_multiplier(m["lo"], m["lomult"])
    hi_num, hi_mult = _split_multiplier(m["hi"], m["himult"])
    big = re.search("[万亿]+$", hi_mult)
    if not lo_mult and hi_mult and not m["lounit"] and numeral_value(lo_num) < numeral_value(hi_num):
        lo_mult = hi_mult  # 3至5万元 is 3万 to 5万, 三至五千元 3000 to 5000; 1元至10万元 is 1 to 10万
    elif lo_mult and big and not re.search("[万亿]", lo_mult) and not m["lounit"]:
        lo_mult += big[0]  # 二千至五千万元 is 2000万 to 5000万
    lo, hi = _scaled(lo_num, lo_mult), _scaled(hi_num, hi_mult)
    if lo >= hi:
        raise ValueError(f"a range that does not rise: {m[0]}")
    kind, unit = ("percent", "%") if m["unit"] == "%" else ("range", m["unit"])
    s.add(m.start(), m.end(), kind, lo, unit, "range", hi)


def _split_multiplier(numeral: str, multipliers: str) -> tuple[str, str]:
    """三至五万元, 三至五千元: the Chinese numeral 五万 (五千) carries the multiplier that 三 shares."""
    core = numeral.rstrip("万亿")
    if core != numeral and core and not set(core) & {"万", "亿"}:
        numeral, multipliers = core, numeral[len(core) :] + (multipliers or "")
    if re.fullmatch("[一二两三四五六七八九][百千]", numeral):
        return numeral[0], numeral[1] + (multipliers or "")
    return numeral, multipliers or ""


def _quantity(s: _Scanner, m: re.Match) -> None:
    unreadable, num, mult, mult2 = m.group("unreadable", "num", "mult", "mult2")
    if unreadable:
        raise ValueError(f"not a numeral: {m[0]}")  # a run of digits that no form reads: 1.1.1.1
    mult = (mult or "") + (mult2 or "")
    if "点" in num and not mult and _CLOCK_BEFORE.search(s.text, max(0, m.start() - 3), m.start()):
        raise ValueError(f"a time of day, not a decimal: {m[0]}")  # 下午两点三场: two o'clock, three sessions
    if "," in num and _LIST_CUE.search(s.text, max(0, m.start() - 4), m.start()) and _GROUPED.fullmatch(num):
        raise ValueError(f"a list or a number: {num}")  # 分别资助120,340,560户
    unit, kind = _measure_word(s, m, num, mult)
    if unit is None:
        s.add(m.start(), m.end(), "word", word_value(m[0]))
        return
    value, bound = _value_and_bound(m, num, mult, unit)
    fraction = not mult and ("." in num or "点" in num or "半" in m[0])
    if (
        fraction
        and value != value.to_integral_value()
        and (unit in _REFERENCES or (unit in _DISCRETE and _heading_or_grouped(s.text, m, num)))
    ):
        raise ValueError(f"a heading number or digits grouped by a dot: {m[0]}")  # 2.3项目, 1.200人
    s.add(m.start(), m.end(), kind, value, unit, bound)


def _heading_or_grouped(text: str, m: re.Match, num: str) -> bool:
    """2.3项目管理 (at a line's start, after a list mark, 表 or 图) numbers a heading or an item; 1.200人
    groups thousands with a dot. A fraction of a count elsewhere (五点二宗 per thousand) is a rate."""
    item_start = m.start() == 0 or text[m.start() - 1] in "\n \t\u3000：:；;。、）)表图"
    return item_start or bool(_DOT_GROUPED.fullmatch(num))


def _measure_word(s: _Scanner, m: re.Match, num: str, mult: str) -> tuple[str | None, str]:
    """The unit and kind of a quantity match; unit None for a numeral that is part of a word."""
    start, end, text = m.start(), m.end(), s.text
    timeunit, measure = m.group("timeunit", "unit")
    if timeunit:  # 1个半小时, 3个多月
        return ("个月" if timeunit == "月" else "小时"), "quantity"
    if measure:
        # 一类 (a kind of) and a Chinese numeral before 类 and a place or a grade (二类地区, 三类医院)
        # name, not count, unless a count word precedes it; 开展三类服务 counts three kinds.
        label = (
            measure == "类"
            and num[0] in _CN_START
            and not _COUNT_BEFORE.search(text, max(0, start - 2), start)
            and (num == "一" or _GRADE_AFTER.match(text, end))
        )
        if measure == "类" and _ABBREVIATED.search(num):
            raise ValueError(f"an abbreviation or a count of kinds: {m[0]}")  # 一万三类人员
        return (None if label else measure), "quantity"
    if num[0] in _CN_START and len(num) == 1 and text[start - 1 : start] in ("小", "中", "初", "高"):
        return None, ""  # 小一至中三学生: school years
    num_start = m.start("num")
    # A test of one character first: most numbers follow no currency.
    if text[num_start - 1 : num_start] in _CURRENCY_ENDS or text[num_start - 2 : num_start] in _CURRENCY_SPACED:
        before = text[max(0, num_start - 4) : num_start].rstrip(" ")
        foreign = _FOREIGN_BEFORE.search(before)
        if foreign:
            return ("美元", "quantity") if foreign[0].startswith("US") else ("", "number")
        if _CURRENCY_BEFORE.search(before):
            return "元", "quantity"
    if len(num) == 4 and num[:2] in ("19", "20") and num.isdigit():
        return "", "number"  # 2021居民收入调查: a year, not a count of residents
    unit = _noun_after(text, end, bool(mult)) if text[end : end + 1] in _NOUN_AFTER_STARTS else ""
    if unit:
        return unit, "quantity"
    if num[0] in _CN_START:
        # A Chinese numeral with no measure word is part of a word that SET_PHRASES does not list,
        # unless it carries a multiplier and a noun says what it counts (受助总人数约为三十九万).
        unit = _noun_unit(text, start, True) if mult or num[-1] in "万亿" else ""
        return (unit, "quantity") if unit else (None, "")
    unit = _noun_unit(text, start, bool(mult))
    if not unit:
        return "", "number"
    # 受助总人数为1234。: a counted noun just before, and nothing after that could be a measure word.
    at_clause_end = _CLAUSE_END.match(text, end) and _COUNTED_NOUN_NEAR.search(text, max(0, start - 16), start)
    return unit, ("quantity" if mult or at_clause_end else "number")


def _value_and_bound(m: re.Match, num: str, mult: str, unit: str) -> tuple[Decimal, str]:
    value = _scaled(num, mult)
    after, between, approx1, approx2, pre, post = m.group("after", "between", "approx1", "approx2", "pre", "post")
    after = (after or "") + (between or "")  # 两年半, 3年多, 12元5角, 3个多月
    if not (after or approx1 or approx2 or pre or post):
        return value, "exact"
    if "半" in after:
        value += Decimal("0.5")
    elif "角" in after:
        value += numeral_value(after[0]) / 10 + (numeral_value(after[2]) / 100 if after.endswith("分") else 0)
    more = approx2 or ("多" if after and ("多" in after or "余" in after) else None)
    # 约1万多元: 多 says more than 约, so it decides the bound. 近3年来 is the last three years, exactly
    # (but 历时近3年 lasted nearly three, and 近3年 with nothing after it is at most three).
    recent = (
        pre == "近"
        and unit in _TIME_UNITS
        and _RECENT_AFTER.match(m.string, m.end())
        and not _LASTED_BEFORE.search(m.string, max(0, m.start() - 10), m.start())
    )
    return value, _bound(approx1, more, None if recent else pre, post)


def _noun_after(text: str, end: int, multiplied: bool) -> str:
    if _PEOPLE_AFTER.match(text, end):
        return "人"
    if multiplied and _MONEY_AFTER.match(text, end):
        return "元"
    return ""


def _noun_unit(text: str, start: int, multiplied: bool) -> str:
    before = max(0, start - 20)
    found = _COUNTED_NOUN.search(text, before, start) if text.find("数", before, start) >= 0 else None
    if not (found or multiplied) or text.find("分别", before, start) >= 0:
        return ""  # 金额和人数分别为1.2亿和3万: which noun is whose is not said here
    if found:
        return _NOUN_UNIT.get(found[1], found[1])
    times = _TIMES_BEFORE.search(text, max(0, start - 8), start)
    if times:  # 服务人次破286万: a count of person-times named just before
        return times[1]
    if _RATE_BEFORE.search(text, max(0, start - 16), start):  # 补助标准为每户家庭1万: money per household
        return "元" if _MONEY_NOUN.search(text, max(0, start - 16), start) else ""
    people = _PEOPLE_BEFORE.search(text, max(0, start - 8), start)
    if people:
        return "户" if people[0].startswith("家庭") else "人"
    money = _MONEY_NOUN.search(text, max(0, start - 16), start) or _MONEY_VERB.search(text, max(0, start - 6), start)
    return "元" if money else ""


# In order of precedence: (pattern, handler, enclosing pattern or None).
_STEPS = (
    (_URL, _set_phrase, None),
    (_SET_PHRASE, _set_phrase, None),
    (_SECTION, _section, None),
    (_DAY_NAME, _day_name, None),
    (_DATE, _date, None),
    (_ROC_YEAR, _roc_year, None),
    (_SHORT_YEAR, _unreadable, None),
    (_FOOTNOTE, _footnote, None),
    (_RELATIVE_TIME, _numeral_word, None),
    (_HOUSEHOLD, _numeral_word, None),
    (_IDENTIFIER, _identifier, None),
    (_MIXED_SCRIPT, _unreadable, None),
    (_DECIMAL_MIXED, _unreadable, None),
    (_ROUGH, _unreadable, None),
    (_QUANTITY, _enclosed("title"), _TITLE),
    (_SESSION, _session, None),
    (_COUNCIL, _council, None),
    (_ORDINAL, _ordinal, None),
    (_ANNIVERSARY, _single("anniversary"), None),
    (_QUANTITY, _enclosed("name"), _QUOTED),
    (_ESTIMATE, _estimate, None),
    (_PERCENT_RANGE, _percent_range, None),
    (_PERCENT, _percent, None),
    (_FRACTION, _fraction, None),
    (_SLASH_FRACTION, _slash_fraction, None),
    (_POINTS, _points, None),
    (_RANGE, _range, None),
    (_BARE_MULTIPLIER, _bare_multiplier, None),
    (_QUANTITY, _quantity, None),
)
# What a text must contain for a pattern to match at all: a text without it skips that pass.
_NEEDS = {
    _DAY_NAME: re.compile("[·•・]"),
    _DATE: re.compile("[年月日/.-]"),
    _FOOTNOTE: re.compile("注"),
    _RELATIVE_TIME: re.compile("[前后]"),
    _HOUSEHOLD: re.compile("人[家户]"),
    _ORDINAL: re.compile("第"),
    _ANNIVERSARY: re.compile("周年"),
    _SESSION: re.compile("届"),
    _ROC_YEAR: re.compile("年"),
    _SHORT_YEAR: re.compile("年"),
    _COUNCIL: re.compile("届|次|前"),
    _IDENTIFIER: re.compile("编号|编码|序号|号码|文号|帐号|账号"),
    _PERCENT: re.compile("%|百分|成"),
    _PERCENT_RANGE: re.compile("%|百分|成"),
    _ESTIMATE: re.compile("、"),
    _ROUGH: re.compile("[数几]"),
    _FRACTION: re.compile("分之"),
    _SLASH_FRACTION: re.compile("/"),
    _POINTS: re.compile("点"),
    _RANGE: re.compile("[—–~至到-]"),
    _BARE_MULTIPLIER: re.compile("[百千万亿]"),
}


def _numeral_start(m: re.Match) -> int:
    """Where the numeral of a match starts, after any bound word before it (约有二三万人 → 二三万人)."""
    groups = [g for g in ("num", "lo") if g in m.re.groupindex and m.start(g) >= 0]
    return m.start(groups[0]) if groups else m.start()


def _share_list_units(mentions: list[Mention], text: str) -> list[Mention]:
    """分别资助120，340，560户: unitless numbers listed before a quantity take its measure word.

    Not its multiplier (3、5万元 may be 3万 or an estimate: the 3 stays a number).
    """
    out = _join_thousands(mentions, text)
    for i in range(len(out) - 1, 0, -1):
        last, before = out[i], out[i - 1]
        if last.kind != "quantity" or last.bound != "exact" or before.kind != "number" or not last.unit:
            continue
        if not _LIST_SEPARATOR.fullmatch(text[before.end : last.start]) or _MULTIPLIED.search(last.text):
            continue
        if not _SHAREABLE.fullmatch(before.text):
            continue  # 截至2023，500名: a year; 热线12345，300名: a number to call
        out[i - 1] = Mention(
            before.start, before.end, before.text, "quantity", before.value, None, last.unit, before.bound
        )
    return out


def _join_thousands(mentions: list[Mention], text: str) -> list[Mention]:
    """约3，500多人 is one number grouped by thousands with a Chinese comma: about 3500, at least, not 3
    and 500; unless 分别 or a third item makes the numbers a list (分别资助120，340，560户)."""
    out = list(mentions)
    for i in range(len(out) - 1, 0, -1):
        before, last = out[i - 1], out[i]
        if before.kind not in _JOINABLE or last.kind not in _JOINABLE or text[before.end : last.start] not in "，,":
            continue
        if before.end == last.start or not (_GROUP_HEAD.fullmatch(before.text) and _GROUP_TAIL.match(last.text)):
            continue
        if _in_a_list(out, i, text):
            continue
        if _DASH_NEXT.match(text, last.end):  # 3，500至4，000人: a range this does not read
            out[i - 1 : i + 1] = [_unparsed(before), _unparsed(last)]
            continue
        unit, bound = last.unit or before.unit, last.bound if last.bound != "exact" else before.bound
        value = before.value * 1000 + last.value
        span = text[before.start : last.end]
        out[i - 1] = Mention(before.start, last.end, span, "quantity" if unit else "number", value, None, unit, bound)
        del out[i]
    return out


def _in_a_list(mentions: list[Mention], i: int, text: str) -> bool:
    before, last = mentions[i - 1], mentions[i]
    if _LIST_CUE.search(text, max(0, before.start - 12), before.start):
        return True
    earlier = i > 1 and _LIST_SEPARATOR.fullmatch(text[mentions[i - 2].end : before.start])
    later = i + 1 < len(mentions) and _LIST_SEPARATOR.fullmatch(text[last.end : mentions[i + 1].start])
    return bool(earlier or later)


def _unparsed(m: Mention) -> Mention:
    return Mention(m.start, m.end, m.text, "unparsed", None, None, "", "exact")


# ---------------------------------------------------------------------------------------------
# 4. Extraction
# ---------------------------------------------------------------------------------------------


def extract(text: str) -> list[Mention]:
    """Every number in `text`, in order of position.

    A numeral that cannot be read completely (二三万, 1.1.1.1, a number too large to hold) is
    reported with kind ``unparsed`` and no value over its whole span, so that it is seen rather
    than dropped, and never given a partial value.
    """
    s = _Scanner(text)
    for pattern, handle, within in _STEPS:
        if pattern in _NEEDS and not _NEEDS[pattern].search(s.text):
            continue
        for m in s.matches(pattern, within):
            try:
                handle(s, m)
            except ValueError:
                s.add(_numeral_start(m), m.end(), "unparsed", None)
        if s.masks:
            s.mask()
    mentions = _broken_numerals(_share_list_units(sorted(s.mentions, key=lambda m: m.start), text), text)
    return _no_digit_dropped(mentions, text)


_ARABIC_RUN = re.compile("[0-9０-９]+")
_ZERO_AFTER_CHINESE_DIGIT = re.compile("[〇○一二三四五六七八九][0０O]")
_NUMERAL_CHAR = frozenset("0123456789０１２３４５６７８９〇○零一二两三四五六七八九十百千万亿萬億")


def _no_digit_dropped(mentions: list[Mention], text: str) -> list[Mention]:
    """An Arabic digit that no mention covers (a 0 typed among Chinese digits, read as 〇, in a numeral
    no pattern took) is reported unparsed with the numeral around it, so that nothing is dropped silently."""
    if not _ZERO_AFTER_CHINESE_DIGIT.search(text):
        return mentions  # only such a 0 is read as a Chinese digit; any other digit is always reported
    covered = bytearray(len(text))
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    extra = []
    for run in _ARABIC_RUN.finditer(text):
        free = covered.find(0, run.start(), run.end())
        while free >= 0:
            start = end = free
            while start > 0 and not covered[start - 1] and text[start - 1] in _NUMERAL_CHAR:
                start -= 1
            while end < len(text) and not covered[end] and text[end] in _NUMERAL_CHAR:
                end += 1
            covered[start:end] = b"\x01" * (end - start)
            extra.append(Mention(start, end, text[start:end], "unparsed", None, None, "", "exact"))
            free = covered.find(0, end, run.end()) if end < run.end() else -1
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


_BROKEN_BEFORE = re.compile(r"[\d,.〇零一二两三四五六七八九十百千万亿萬億][ \t\u3000]*\r?\n[ \t\u3000]*$")
# 1个半 - 2小时: the upper end of a range that no pattern read is not a figure on its own.
_UPPER_END_BEFORE = re.compile(r"[\d〇零一二两三四五六七八九十百千万亿半%] ?(?:-|–|—|~|～|至|到) ?$")
_MINUS_SIGNS = frozenset("-－−﹣–‐负")
_ROUGH_UPPER_END = re.compile(_DASH_AFTER + " ?[数几上近]")
_DASHES = frozenset("-–—~～至到")
_NUMERAL_ENDS = frozenset("0123456789,.〇零一二两三四五六七八九十百千万亿萬億")
_MINUS_BEFORE = re.compile(r"(?:^|[^\d〇零一二两三四五六七八九十百千万亿%])[-－−﹣–‐负]$")
_BROKEN_AFTER = re.compile(r"[ \t\u3000]*\r?\n[ \t\u3000]*[\d〇零一二两三四五六七八九十百千万亿萬億]")


def _broken_numerals(mentions: list[Mention], text: str) -> list[Mention]:
    """12,\n345人次: a numeral that a line break cut in two is unparsed, both halves of it.

    So is a number after a minus sign (增长率为-3.5%), and the upper end of a range that no pattern
    read (1个半 - 2小时): a value without its sign, or one end alone, would be wrong.
    """
    breaks = "\n" in text
    return [_unparsed(m) if m.kind != "unparsed" and _is_fragment(m, text, breaks) else m for m in mentions]


def _is_fragment(m: Mention, text: str, breaks: bool) -> bool:
    # A test of one character first: most mentions have neither a sign, a dash nor a line break near them.
    last = text[m.start - 1 : m.start] if m.start else ""
    if last in _MINUS_SIGNS and _MINUS_BEFORE.search(text, max(0, m.start - 2), m.start):
        return True
    if m.measured and (last in _DASHES or last == " ") and _UPPER_END_BEFORE.search(text, max(0, m.start - 4), m.start):
        return True
    if m.measured and text[m.end : m.end + 1] in _DASHES and _ROUGH_UPPER_END.match(text, m.end):
        return True  # 100元至数百元: the lower end of a range whose upper end is an estimate
    if not breaks:
        return False
    if _BROKEN_BEFORE.search(text, max(0, m.start - 8), m.start):
        return True
    return m.text[-1] in _NUMERAL_ENDS and bool(_BROKEN_AFTER.match(text, m.end))


def format_value(value: Decimal | str | None) -> str:
    """A value as text: plain digits, no exponent, no trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)
