"""The extractor on sentences written for the purpose: each form it must read, and each it must not."""

from decimal import Decimal
import random
import re
import time

import pytest

from fujian_fpa.quantities import extract, format_value, numeral_value


def only(text: str, kind: str | None = None):
    """The single mention in `text` (of `kind`, if given)."""
    found = [m for m in extract(text) if kind is None or m.kind == kind]
    assert len(found) == 1, found
    return found[0]


def reading(text: str):
    m = only(text)
    return m.text, m.kind, format_value(m.value), format_value(m.value_max), m.unit, m.bound


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arabic digits, half and full width, separators and decimals
        ("全年投入3.5亿元。", ("3.5亿元", "quantity", "350000000", "", "元", "exact")),
        ("全年投入３.５亿元。", ("３.５亿元", "quantity", "350000000", "", "元", "exact")),
        ("全年投入３．５亿元。", ("３．５亿元", "quantity", "350000000", "", "元", "exact")),
        ("共筹集2,310.4万元。", ("2,310.4万元", "quantity", "23104000", "", "元", "exact")),
        ("共发放12,345本。", ("12,345本", "quantity", "12345", "", "本", "exact")),
        ("投入285.57万元。", ("285.57万元", "quantity", "2855700", "", "元", "exact")),
        ("资金12.345678万元。", ("12.345678万元", "quantity", "123456.78", "", "元", "exact")),
        # Chinese numerals
        ("共举办二十七期。", ("二十七期", "quantity", "27", "", "期", "exact")),
        ("参加者三千余人。", ("三千余人", "quantity", "3000", "", "人", "at_least")),
        ("拨付八十万元。", ("八十万元", "quantity", "800000", "", "元", "exact")),
        ("落实六项措施。", ("六项", "quantity", "6", "", "项", "exact")),
        ("资助十余万元。", ("十余万元", "quantity", "100000", "", "元", "at_least")),
        ("覆盖两万户。", ("两万户", "quantity", "20000", "", "户", "exact")),
        # Measure words
        ("接受咨询4.95万人次。", ("4.95万人次", "quantity", "49500", "", "人次", "exact")),
        ("举办讲座1022场次。", ("1022场次", "quantity", "1022", "", "场次", "exact")),
        ("帮扶433户。", ("433户", "quantity", "433", "", "户", "exact")),
        ("调解纠纷1.09万宗。", ("1.09万宗", "quantity", "10900", "", "宗", "exact")),
        ("培训满6个月。", ("6个月", "quantity", "6", "", "个月", "exact")),
        ("建成5所学校。", ("5所", "quantity", "5", "", "所", "exact")),
        # Approximation words
        ("受益51万多人。", ("51万多人", "quantity", "510000", "", "人", "at_least")),
        ("开展活动5000多场。", ("5000多场", "quantity", "5000", "", "场", "at_least")),
        ("资助1000人以上。", ("1000人以上", "quantity", "1000", "", "人", "at_least")),
        ("惠及超过2万户。", ("超过2万户", "quantity", "20000", "", "户", "at_least")),
        ("惠及逾2万户。", ("逾2万户", "quantity", "20000", "", "户", "at_least")),
        ("参与近3000人。", ("近3000人", "quantity", "3000", "", "人", "at_most")),
        ("用时不到3年。", ("不到3年", "quantity", "3", "", "年", "at_most")),
        ("年龄在60岁以下。", ("60岁以下", "quantity", "60", "", "岁", "at_most")),
        ("投入约500万元。", ("约500万元", "quantity", "5000000", "", "元", "approx")),
        ("投入500万元左右。", ("500万元左右", "quantity", "5000000", "", "元", "approx")),
        # 节约 and 最近 are words, not approximations
        ("节约100万元。", ("100万元", "quantity", "1000000", "", "元", "exact")),
        ("最近3年。", ("3年", "quantity", "3", "", "年", "exact")),
        # Ranges
        ("补助5000—15000元。", ("5000—15000元", "range", "5000", "15000", "元", "range")),
        ("面向7~36个月婴幼儿。", ("7~36个月", "range", "7", "36", "个月", "range")),
        ("期限3至5年。", ("3至5年", "range", "3", "5", "年", "range")),
        ("补助3至5万元。", ("3至5万元", "range", "30000", "50000", "元", "range")),
        ("补助5000-1.5万元。", ("5000-1.5万元", "range", "5000", "15000", "元", "range")),
        # Percentages
        ("赔付率65.91%。", ("65.91%", "percent", "65.91", "", "%", "exact")),
        ("赔付率65.91％。", ("65.91％", "percent", "65.91", "", "%", "exact")),
        ("提高2.5个百分点。", ("2.5个百分点", "percent", "2.5", "", "百分点", "exact")),
        ("占百分之三十。", ("百分之三十", "percent", "30", "", "%", "exact")),
        ("比例约40%。", ("约40%", "percent", "40", "", "%", "approx")),
        # A unitless number takes its unit from the counted noun before it
        ("直播观看人数累计达89.1万。", ("89.1万", "quantity", "891000", "", "人", "exact")),
    ],
)
def test_reads_measured_forms(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("2021年5月16日,活动举办。", "date", "2021-05-16"),
        ("6月1日举办。", "date", "--06-01"),
        ("2021年,福建省获奖。", "date", "2021"),
        ("二〇二一年五月十六日举办。", "date", "2021-05-16"),
        ("纪念第25届母亲节。", "ordinal", "25"),
        ("举办第三期培训。", "ordinal", "3"),
        ("“5·29会员活动日”", "day_name", "--05-29"),
        ("庆祝建党100周年。", "anniversary", "100"),
        ("制作《辣妈100问》。", "title", "100"),
        ("落实“六项重点任务”。", "name", "6"),
    ],
)
def test_reports_non_measures_with_their_own_kind(text, kind, value):
    m = only(text)
    assert (m.kind, format_value(m.value), m.measured) == (kind, value, False)


def test_section_numbers_are_not_quantities():
    text = "序言。\n\n1 特殊保障更稳固\n\n这一年,共帮扶433户。\n\n二、精准帮扶\n"
    kinds = [(m.text, m.kind) for m in extract(text)]
    assert kinds == [("1", "section"), ("这一年", "word"), ("433户", "quantity"), ("二", "section")]


def test_title_number_is_apart_from_the_count_before_it():
    found = [(m.text, m.kind) for m in extract("省级制作100集《辣妈100问》。")]
    assert found == [("100集", "quantity"), ("100", "title")]


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        ("一年来,成效明显。", "一年来", "1"),
        ("这一年,工作扎实。", "这一年", "1"),
        ("被评为典型案例之一。", "之一", "1"),
        ("助力三孩政策落地。", "三孩", "3"),
        ("荣获一等奖。", "一等奖", "1"),
        ("开展健康知识进万家活动。", "进万家", "10000"),
        ("走进千家万户。", "千家万户", ""),
        ("慰问李某(右二)。", "右二", "2"),
        ("大家一起努力。", "一起", "1"),
        ("开展三下乡活动。", "三", "3"),  # a numeral with no measure word, in no listed word
    ],
)
def test_words_with_a_numeral_are_reported_as_words(text, word, value):
    m = only(text)
    assert (m.text, m.kind, format_value(m.value), m.measured) == (word, "word", value, False)


def test_layout_break_inside_a_word_is_read_through_and_offsets_point_into_the_original():
    text = "为了提升家庭抵抗\n\n风险能力,全省共投入保费9478.43万\n\n元,线上线下培\n\n训指导员7.1万人次。"
    found = extract(text)
    assert [(m.text, format_value(m.value), m.unit) for m in found] == [
        ("9478.43万\n\n元", "94784300", "元"),
        ("7.1万人次", "71000", "人次"),
    ]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_headings_and_paragraph_ends_are_not_joined():
    text = "1 特殊保障更稳固\n\n2021年工作\n\n受益100人。\n\n3年\n"
    assert [(m.text, m.kind) for m in extract(text)] == [
        ("1", "section"),
        ("2021年", "date"),
        ("100人", "quantity"),
        ("3年", "quantity"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "全年投入３.５億元,幫扶一萬餘戶。",
            [("３.５億元", "350000000", "元", "exact"), ("一萬餘戶", "10000", "户", "at_least")],
        ),
        (
            "舉辦講座1022場次,參與約3000人次。",
            [("1022場次", "1022", "场次", "exact"), ("約3000人次", "3000", "人次", "approx")],
        ),
        ("建成640個親子小屋,紀念第25屆。", [("640個", "640", "个", "exact"), ("第25屆", "25", "", "exact")]),
        ("一年來,走進萬家。", [("一年來", "1", "", "exact"), ("進萬家", "10000", "", "exact")]),
    ],
)
def test_traditional_characters(text, expected):
    assert [(m.text, format_value(m.value), m.unit, m.bound) for m in extract(text)] == expected


def test_offsets_index_the_original_text():
    text = "  投入３.５億元,其中285.57万元用于保险。"
    for m in extract(text):
        assert text[m.start : m.end] == m.text


def test_numeral_values_are_exact():
    assert numeral_value("1.4496") * 100_000_000 == Decimal("144960000")
    assert numeral_value("二十七") == 27
    assert numeral_value("2,310.4") == Decimal("2310.4")


def test_an_unreadable_numeral_is_reported_not_dropped():
    m = only("约有二三万人参加。")
    assert (m.text, m.kind, m.value, m.measured) == ("二三万人", "unparsed", None, False)


def test_any_text_gives_mentions_whose_offsets_point_at_their_text():
    alphabet = (
        "〇零一二两三四五六七八九十百千万亿多余约近第年月日人户元个场次%.,，·—~至到123456789０《》“”\n 周届项名本集"
    )
    rng = random.Random(20211231)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
        for m in extract(text):
            assert text[m.start : m.end] == m.text, (text, m)


def test_windows_line_endings_read_the_same():
    from fujian_fpa import paths

    article = paths.ARTICLE.read_text(encoding="utf-8")
    crlf = article.replace("\n", "\r\n")
    as_lf = [(m.text, m.kind, m.value, m.unit, m.bound) for m in extract(article)]
    as_crlf = [(m.text.replace("\r\n", "\n"), m.kind, m.value, m.unit, m.bound) for m in extract(crlf)]
    assert as_crlf == as_lf
    for m in extract(crlf):
        assert crlf[m.start : m.end] == m.text


# --- Never a wrong value: a numeral is read completely, or reported unparsed over its whole span ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("完成率达百分之十二点五。", [("百分之十二点五", "percent", "12.5", "%")]),
        ("服务廿三万人次。", [("廿三万人次", "quantity", "230000", "人次")]),
        ("服務廿三萬人次。", [("廿三萬人次", "quantity", "230000", "人次")]),
        ("分别资助120，340，560户。", [("120", "quantity", "120", "户"), ("340", "quantity", "340", "户"),
                                       ("560户", "quantity", "560", "户")]),
        ("版本1.1.1.1发布。", [("1.1.1.1", "unparsed", "", "")]),
        ("编号1,111,1,111。", [("1,111,1,111", "unparsed", "", "")]),
        ("约有二三万人参加。", [("二三万人", "unparsed", "", "")]),
        ("补助三至五万元。", [("三至五万元", "range", "30000", "元")]),
        ("补助八十至九十万元。", [("八十至九十万元", "range", "800000", "元")]),
        ("约两万五人参加。", [("约两万五人", "quantity", "25000", "人")]),  # 两万五 is 25000, never 20005
        ("捐款一百五元。", [("一百五元", "quantity", "150", "元")]),
        ("捐款242萬660元。", [("242萬660元", "unparsed", "", "")]),  # 2420660, or 242万 and 660
        ("约207万65岁或以上长者受惠。", [("207万65岁或以上", "unparsed", "", "")]),  # never 2070065 years
        ("2021.5.16举办。", [("2021.5.16", "date", "2021-05-16", "")]),  # a date, whole
        ("2021.5.16.3举办。", [("2021.5.16.3", "unparsed", "", "")]),
        ("分別資助120，340，560戶。", [("120", "quantity", "120", "户"), ("340", "quantity", "340", "户"),
                                       ("560戶", "quantity", "560", "户")]),
        ("完成率達百分之十二點五。", [("百分之十二點五", "percent", "12.5", "%")]),
        ("建成50 000多個。", [("50 000多個", "quantity", "50000", "个")]),
        ("共50 000。", [("50 000", "unparsed", "", "")]),
        ("投入1234567890123456789.123456789元。",
         [("1234567890123456789.123456789元", "quantity", "1234567890123456789.123456789", "元")]),
        # Arabic parts between multiplier words: 万 and 亿 close a section, as in a Chinese numeral
        ("投入1亿2千万元。", [("1亿2千万元", "quantity", "120000000", "元")]),
        ("投入1億2千萬元。", [("1億2千萬元", "quantity", "120000000", "元")]),
        ("投入1千2百万元。", [("1千2百万元", "quantity", "12000000", "元")]),
        ("投入3亿零500万元。", [("3亿零500万元", "quantity", "305000000", "元")]),
        ("共1万零2人。", [("1万零2人", "quantity", "10002", "人")]),
        ("共1万2人。", [("1万2人", "unparsed", "", "")]),  # 12000 (一万二) or 10002: not read
        ("共3千5人。", [("3千5人", "unparsed", "", "")]),
        ("共1亿6055元。", [("1亿6055元", "unparsed", "", "")]),  # a tail after 亿 needs eight digits
        ("共1万零2000人。", [("1万零2000人", "unparsed", "", "")]),
        ("共1亿123456万元。", [("1亿123456万元", "unparsed", "", "")]),
        ("共1.5万3千人。", [("1.5万3千", "unparsed", "", "")]),
    ],
)  # fmt: skip
def test_a_numeral_is_read_whole_or_unparsed(text, expected):
    assert [(m.text, m.kind, format_value(m.value), m.unit) for m in extract(text)] == expected


def test_a_number_too_large_for_decimal_arithmetic_is_exact_or_unparsed_never_a_crash():
    found = extract("9" + "万" * 250_000 + "元")
    assert len(found) == 1
    m = found[0]
    assert m.kind == "unparsed" or (m.kind == "quantity" and m.value == Decimal("9E+1000000"))


def test_numbers_with_many_digits_keep_every_digit():
    digits = "7" * 400 + "." + "3" * 400
    m = only(f"共{digits}元。")
    assert format_value(m.value) == digits


_DIGIT = set("0123456789")


def test_no_mention_is_part_of_a_longer_arabic_numeral():
    """Around any mention, the text does not go on with more of the same Arabic numeral."""
    rng = random.Random(12)
    alphabet = "0123456789.,， 万亿元人%至-年月日第约多一二十百"
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        for m in extract(text):
            before, after = text[max(0, m.start - 2) : m.start], text[m.end : m.end + 2]
            assert not (before[-1:] in _DIGIT and m.text[0] in _DIGIT), (text, m)
            assert not (len(before) == 2 and before[0] in _DIGIT and before[1] in ".," and m.text[0] in _DIGIT), (
                text,
                m,
            )
            assert not (after[:1] in _DIGIT and m.text[-1] in _DIGIT), (text, m)
            assert not (len(after) == 2 and after[0] in "." and after[1] in _DIGIT and m.text[-1] in _DIGIT), (text, m)
            # a space and exactly three digits continue a numeral (50 000): never read apart
            assert not (m.text[-1] in _DIGIT and re.match(r" \d{3}(?!\d)", text[m.end :])), (text, m)
            assert not (re.match(r"\d{3}(?!\d)", m.text) and re.search(r"\d $", text[: m.start])), (text, m)


# --- The forms that real reports print, in simplified and traditional script ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 1. a space between number and unit
        ("发放低保金 3800 万元。", ("3800 万元", "quantity", "38000000", "", "元", "exact")),
        ("發放低保金 3800 萬元。", ("3800 萬元", "quantity", "38000000", "", "元", "exact")),
        ("共救助 4025 人。", ("4025 人", "quantity", "4025", "", "人", "exact")),
        ("新增床位430 张。", ("430 张", "quantity", "430", "", "张", "exact")),
        ("新增床位430 張。", ("430 張", "quantity", "430", "", "张", "exact")),
        # 2. a space as the thousands separator
        ("受理申请216 688 宗。", ("216 688 宗", "quantity", "216688", "", "宗", "exact")),
        ("受惠長者302 599人。", ("302 599人", "quantity", "302599", "", "人", "exact")),
        # 3. a range with the unit on both ends
        ("每月补助2339元至2803元。", ("2339元至2803元", "range", "2339", "2803", "元", "range")),
        ("每月補助二三三九元至二八〇三元。", ("二三三九元至二八〇三元", "range", "2339", "2803", "元", "range")),
        # 4. Chinese-numeral percentages, 廿 and 卅
        ("覆盖率百分之百。", ("百分之百", "percent", "100", "", "%", "exact")),
        ("增長三％。", ("三％", "percent", "3", "", "%", "exact")),
        ("佔廿三．五％。", ("廿三．五％", "percent", "23.5", "", "%", "exact")),
        ("历时卅六个月。", ("卅六个月", "quantity", "36", "", "个月", "exact")),
        # 5. bound words not next to the number
        ("每户最高可增加4789元。", ("最高可增加4789元", "quantity", "4789", "", "元", "at_most")),
        ("每戶最高可增加4789元。", ("最高可增加4789元", "quantity", "4789", "", "元", "at_most")),
        ("至少每月5000元。", ("至少每月5000元", "quantity", "5000", "", "元", "at_least")),
        ("参与率40%以上。", ("40%以上", "percent", "40", "", "%", "at_least")),
        ("捐款逾港币一百五十万元。", ("逾港币一百五十万元", "quantity", "1500000", "", "元", "at_least")),
        ("捐款逾港幣一百五十萬元。", ("逾港幣一百五十萬元", "quantity", "1500000", "", "元", "at_least")),
        # 10. money in 万 with no 元, and a counted noun without a measure word
        ("发放低保金3347万。", ("3347万", "quantity", "33470000", "", "元", "exact")),
        ("發放低保金3347萬。", ("3347萬", "quantity", "33470000", "", "元", "exact")),
        ("全县有3.6万残疾人。", ("3.6万", "quantity", "36000", "", "人", "exact")),
        ("全縣有3.6萬殘疾人。", ("3.6萬", "quantity", "36000", "", "人", "exact")),
        # 8. traditional characters
        ("提供24小時服務。", ("24小時", "quantity", "24", "", "小时", "exact")),
        # mixed forms and bare multipliers
        ("發放449萬3000元。", ("449萬3000元", "quantity", "4493000", "", "元", "exact")),
        ("募得善款过亿元。", ("过亿元", "quantity", "100000000", "", "元", "at_least")),
        ("受惠近萬人。", ("近萬人", "quantity", "10000", "", "人", "at_most")),
        ("涉及近五分之一的家庭。", ("近五分之一", "percent", "20", "", "%", "at_most")),
    ],
)
def test_reads_the_forms_of_real_reports(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # 6. fiscal years, and years of the Republic of China calendar
        ("2021-22年度预算。", "date", "2021/2022"),
        ("2021-22年度預算。", "date", "2021/2022"),
        ("09/10年度捐款。", "date", "2009/2010"),
        ("自115年1月起。", "date", "2026-01"),
        # 9. days of the month
        ("11日上午举行。", "date", "---11"),
        ("於29日舉行。", "date", "---29"),
        ("五届五次理事会。", "ordinal", "5"),
        ("召开第九届二次执委会议。", "ordinal", "9"),
        ("召開第九屆二次執委會議。", "ordinal", "9"),
        ("文档编号:31415926市残联工作报告", "number", "31415926"),
    ],
)
def test_reads_dates_and_ordinals_of_real_reports(text, kind, value):
    m = extract(text)[0]
    assert (m.kind, format_value(m.value)) == (kind, value)


@pytest.mark.parametrize(
    "text",
    [
        # 7. 一 as "a": not a count (reported as a word, or not at all)
        "启动一期工程。",
        "这带出一个讯息。",
        "這帶出一個訊息。",
        "送上一个月饼。",
        "送上一個月餅。",
        "這一年，工作扎實。",
        "有一位女士捐款。",
        "三八妇女节慰问。",
        "原文见https://example.org/%E8%A1%9B%E7%A6%8F。",
    ],
)
def test_article_one_and_holiday_names_are_no_figures(text):
    assert [m for m in extract(text) if m.measured] == []


def test_a_duration_in_days_is_no_date():
    assert [m.kind for m in extract("为期3日。")] == ["number"]


def test_no_arabic_digit_is_dropped_silently():
    """Every digit of any text is inside some mention: read, given a kind, or reported unparsed."""
    rng = random.Random(31)
    alphabet = "0123456789.,， 万亿千元人%至-年月日第约多一二十百分之个届《》“”·\n注成前类倍$港"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
        covered = {i for m in extract(text) for i in range(m.start, m.end)}
        assert all(i in covered for i, c in enumerate(text) if c in _DIGIT), text


@pytest.mark.parametrize(
    "unit",
    ["1234567890", "一二三四五六七八九十", "1,111,", "1.1.", "1 111 ", "百分之十二点五，", "《“", "字\n"],
    ids=["digits", "chinese", "thousands", "dotted", "spaced", "percent", "marks", "breaks"],
)
def test_hostile_input_of_100_kb_is_read_in_linear_time(unit):
    """These took from 19 s to 78 s when the patterns backtracked over whole runs; now well under a second."""
    text = unit * (100_000 // len(unit.encode()))
    started = time.process_time()
    extract(text)
    assert time.process_time() - started < 3.0


# --- Forms met in the tuning texts: measure words 类 and 倍, tenths, bound words before 百分之, nouns ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本市为3类对象加发补助。", ("3类", "quantity", "3", "", "类", "exact")),
        ("本市為3類對象加發補助。", ("3類", "quantity", "3", "", "类", "exact")),
        ("救助对象共分四类。", ("四类", "quantity", "4", "", "类", "exact")),
        ("開支增加接近兩倍。", ("接近兩倍", "quantity", "2", "", "倍", "at_most")),
        ("捐款增长了3倍。", ("3倍", "quantity", "3", "", "倍", "exact")),
        ("受惠家庭约四成。", ("约四成", "percent", "40", "", "%", "approx")),
        ("受惠家庭約四成。", ("約四成", "percent", "40", "", "%", "approx")),
        ("长者占七成以上。", ("七成以上", "percent", "70", "", "%", "at_least")),
        ("其中近2成是兒童。", ("近2成", "percent", "20", "", "%", "at_most")),
        ("完成率达六成半。", ("六成半", "percent", "65", "", "%", "exact")),
        ("受助者中逾百分之六十为老人。", ("逾百分之六十", "percent", "60", "", "%", "at_least")),
        ("受助者中逾百分之六十為老人。", ("逾百分之六十", "percent", "60", "", "%", "at_least")),
        ("失业个案少于百分之九。", ("少于百分之九", "percent", "9", "", "%", "at_most")),
        ("受助總人數約為四十二萬。", ("約為四十二萬", "quantity", "420000", "", "人", "approx")),
        ("受助总人数约为四十二万。", ("约为四十二万", "quantity", "420000", "", "人", "approx")),
        ("每人最高可额外领取2万元。", ("最高可额外领取2万元", "quantity", "20000", "", "元", "at_most")),
        ("每人最高可額外領取2萬元。", ("最高可額外領取2萬元", "quantity", "20000", "", "元", "at_most")),
        ("每戶最高可多領8千元。", ("最高可多領8千元", "quantity", "8000", "", "元", "at_most")),
        # money in another currency of 元: a currency word after the number, or a sign or word before it
        ("计划获拨款120万港元。", ("120万港元", "quantity", "1200000", "", "元", "exact")),
        ("計劃獲撥款120萬港元。", ("120萬港元", "quantity", "1200000", "", "元", "exact")),
        ("计划涉及$4.5亿。", ("4.5亿", "quantity", "450000000", "", "元", "exact")),
        ("計劃涉及$4.5億。", ("4.5億", "quantity", "450000000", "", "元", "exact")),
        ("每月可领HK$ 3,200。", ("3,200", "quantity", "3200", "", "元", "exact")),
        ("補助新台幣六十萬。", ("六十萬", "quantity", "600000", "", "元", "exact")),
        ("每人补助3,000至5,000港元。", ("3,000至5,000港元", "range", "3000", "5000", "元", "range")),
    ],
)
def test_reads_the_forms_of_the_tuning_texts(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # years of the Republic of China calendar: a span, after 在, or a fiscal year
        ("本部將於118至119年推動新計畫。", "date", "2029/2030"),
        ("本部将于118至119年推动新计划。", "date", "2029/2030"),
        ("本縣在112年的預算增加。", "date", "2023"),
        ("112年度預算已通過。", "date", "2023"),
        # a point in time relative to now, and a household by its size
        ("比八年前增加。", "word", "8"),
        ("較八年前增加。", "word", "8"),
        ("三個月後再檢討。", "word", "3"),
        ("以三人家庭为例。", "word", "3"),
        ("以三人家庭為例。", "word", "3"),
        ("5人户每月领取更多。", "word", "5"),
        # a footnote mark before a comma: the amount after the comma starts afresh
        ("其中经常资助注3,45亿元。", "word", "3"),
        ("其中經常資助註3,45億元。", "word", "3"),
        # 一 before a place word names a place; a Chinese numeral before 类 names a grade
        ("家住新一村。", "word", "1"),
        ("属于二类地区。", "word", "2"),
        ("屬於二類地區。", "word", "2"),
        ("政策一成不变。", "word", "1"),
    ],
)
def test_words_and_dates_of_the_tuning_texts_are_no_figures(text, kind, value):
    found = extract(text)
    assert (found[0].kind, format_value(found[0].value)) == (kind, value)
    assert found[0].kind != "quantity" or len(found) == 1


def test_the_amount_after_a_footnote_mark_is_read_whole():
    found = [m for m in extract("經常資助註3,45億元(20%)。") if m.measured]
    assert [(m.text, format_value(m.value), m.unit) for m in found] == [
        ("45億元", "4500000000", "元"),
        ("20%", "20", "%"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("成立105年来，会员增加。", [("105年", "quantity")]),  # a length of time, not a year 105 of the ROC
        ("三成员出席。", [("三", "word")]),  # three members, not 30 %
        ("九成九的家庭受惠。", [("九成九", "percent")]),  # 99 %: 九 is a digit of hundredths before 的
        ("十年前后变化很大。", [("十年", "quantity")]),  # about ten years: no point in time
        ("三成为长者。", [("三", "word")]),  # 30 % are elders, or three became elders: not read
    ],
)
def test_forms_near_the_new_ones_give_no_wrong_value(text, expected):
    assert [(m.text, m.kind) for m in extract(text)] == expected


def test_the_session_after_an_ordinal_council_is_no_count():
    """第九届二次 is the second session of the ninth council, not two times."""
    assert [(m.text, m.kind) for m in extract("召开第九届二次执委会议。")] == [
        ("第九届", "ordinal"),
        ("二次", "ordinal"),
    ]


def test_a_dollar_of_another_country_is_no_yuan():
    assert [(m.kind, m.unit) for m in extract("项目获US$5,000资助。")] == [("quantity", "美元")]
    assert [(m.kind, m.unit) for m in extract("项目获A$5,000资助。")] == [("number", "")]
    assert [(m.kind, m.unit) for m in extract("捐款500万美元。")] == [("quantity", "美元")]


# --- More forms of real reports: bare 百 and 千, ranges of shares, counted nouns, kinds and points ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare 百, 千 or 千万 after a bound word
        ("惠及近千人。", ("近千人", "quantity", "1000", "", "人", "at_most")),
        ("逾百人參加。", ("逾百人", "quantity", "100", "", "人", "at_least")),
        ("上千名义工参与。", ("上千名", "quantity", "1000", "", "名", "at_least")),
        ("募得善款逾千万元。", ("逾千万元", "quantity", "10000000", "", "元", "at_least")),
        ("募得善款逾千萬元。", ("逾千萬元", "quantity", "10000000", "", "元", "at_least")),
        # …or before 余 or 多 with no numeral before it
        ("惠及千余人。", ("千余人", "quantity", "1000", "", "人", "at_least")),
        ("捐款萬餘元。", ("萬餘元", "quantity", "10000", "", "元", "at_least")),
        ("百余名志愿者参与。", ("百余名", "quantity", "100", "", "名", "at_least")),
        ("筹得百余万元。", ("百余万元", "quantity", "1000000", "", "元", "at_least")),
        # tenths with a digit of hundredths
        ("八成五的长者满意。", ("八成五", "percent", "85", "", "%", "exact")),
        ("八成五的長者滿意。", ("八成五", "percent", "85", "", "%", "exact")),
        # ranges of shares
        ("约15%至20%的家庭受惠。", ("15%至20%", "percent", "15", "20", "%", "range")),
        ("受惠家庭占百分之十五至二十。", ("百分之十五至二十", "percent", "15", "20", "%", "range")),
        ("受惠家庭佔百分之十五至百分之二十。", ("百分之十五至百分之二十", "percent", "15", "20", "%", "range")),
        ("受惠家庭约三至五成。", ("三至五成", "percent", "30", "50", "%", "range")),
        ("覆盖率提高3至5个百分点。", ("3至5个百分点", "percent", "3", "5", "百分点", "range")),
        ("覆蓋率提高3至5個百分點。", ("3至5個百分點", "percent", "3", "5", "百分点", "range")),
        # a counted noun before a number that ends its clause
        ("受助总人数为1234。", ("1234", "quantity", "1234", "", "人", "exact")),
        ("受助總人數為1234。", ("1234", "quantity", "1234", "", "人", "exact")),
        # a count of kinds, and of the points of a speech
        ("全年开展三类服务。", ("三类", "quantity", "3", "", "类", "exact")),
        ("全年開展三類服務。", ("三類", "quantity", "3", "", "类", "exact")),
        ("会长提出三点要求。", ("三点", "quantity", "3", "", "点", "exact")),
        ("會長提出三點要求。", ("三點", "quantity", "3", "", "点", "exact")),
        # 乡镇 as a measure word; a share written with a slash
        ("服务覆盖12乡镇。", ("12乡镇", "quantity", "12", "", "乡镇", "exact")),
        ("服務覆蓋12鄉鎮。", ("12鄉鎮", "quantity", "12", "", "乡镇", "exact")),
        ("约1/4的家庭受惠。", ("约1/4", "percent", "25", "", "%", "approx")),
        ("全港十八區均有服務。", ("十八區", "quantity", "18", "", "区", "exact")),
    ],
)
def test_reads_more_forms_of_real_reports(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("下午三点开会。", [("三", "word")]),  # a time of day, not three points
        ("近2/3的人受惠。", [("2/3", "unparsed")]),  # no exact decimal: seen, never rounded
        ("1/4举行。", [("1", "number"), ("4", "number")]),  # a date, perhaps: no share
        ("属于二类地区。", [("二类", "word")]),
        ("这是一类新服务。", [("一类", "word")]),  # a kind of, not one kind
        ("十八區區議會開會。", [("十八區區議會", "word")]),  # the name of a body
        ("十八区区议会开会。", [("十八区区议会", "word")]),
        ("增长20%-10%。", [("20%-10%", "unparsed")]),  # a range must rise
    ],
)
def test_near_forms_give_no_figure_or_are_unparsed(text, expected):
    assert [(m.text, m.kind) for m in extract(text)] == expected


# --- Never again: the wrong readings an independent tester found (tests/wrong_readings.py) ---

from wrong_readings import CASES as WRONG_READINGS  # noqa: E402


def _gives(mention, wrong: dict) -> bool:
    fields = {"text": mention.text, "value": format_value(mention.value), "unit": mention.unit, "bound": mention.bound}
    return mention.measured and all(fields[name] == wanted for name, wanted in wrong.items())


@pytest.mark.parametrize(("cause", "text", "wrong", "right"), WRONG_READINGS, ids=[c[1][:24] for c in WRONG_READINGS])
def test_a_wrong_reading_found_once_is_never_given_again(cause, text, wrong, right):
    assert not [m for m in extract(text) if _gives(m, wrong)], f"{cause}: {right}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # mixed numerals in any number of parts, and ranges of them
        ("新臺幣1億2,345萬6,789元。", ("1億2,345萬6,789元", "quantity", "123456789", "", "元", "exact")),
        ("共服务2万3千500人次。", ("2万3千500人次", "quantity", "23500", "", "人次", "exact")),
        ("投入资金3千多万元。", ("3千多万元", "quantity", "30000000", "", "元", "at_least")),
        ("每户补助三至五千元。", ("三至五千元", "range", "3000", "5000", "元", "range")),
        ("捐款额由1元至10万元不等。", ("1元至10万元", "range", "1", "100000", "元", "range")),
        ("每月1万至1万5千元。", ("1万至1万5千元", "range", "10000", "15000", "元", "range")),
        ("约2000 - 3000人参加。", ("2000 - 3000人", "range", "2000", "3000", "人", "range")),
        ("一百○五人。", ("一百○五人", "quantity", "105", "", "人", "exact")),
        ("政府挹注1,200萬元經費。", ("1,200萬元", "quantity", "12000000", "", "元", "exact")),
        # halves, 多 and 角 after the measure word
        ("项目历时两年半。", ("两年半", "quantity", "2.5", "", "年", "exact")),
        ("活动历时1个半小时。", ("1个半小时", "quantity", "1.5", "", "小时", "exact")),
        ("历时3个多月。", ("3个多月", "quantity", "3", "", "个月", "at_least")),
        ("捐款增长了3倍多。", ("3倍多", "quantity", "3", "", "倍", "at_least")),
        ("每人每天补贴12元5角。", ("12元5角", "quantity", "12.5", "", "元", "exact")),
        ("百分之八十多的家庭。", ("百分之八十多", "percent", "80", "", "%", "at_least")),
        # units from the noun, not from the first character of it; currencies
        ("惠及3.6萬市民。", ("3.6萬", "quantity", "36000", "", "人", "exact")),
        ("年满60周岁的老人。", ("60周岁", "quantity", "60", "", "岁", "exact")),
        ("奖学金惠及学生1.2万。", ("1.2万", "quantity", "12000", "", "人", "exact")),
        ("捐款50万欧元。", ("50万欧元", "quantity", "500000", "", "欧元", "exact")),
        # bounds
        ("近3年来共服务。", ("近3年", "quantity", "3", "", "年", "exact")),
        ("65歲或以上長者。", ("65歲或以上", "quantity", "65", "", "岁", "at_least")),
        ("18岁及以下儿童。", ("18岁及以下", "quantity", "18", "", "岁", "at_most")),
        ("本會全年籌得逾$150萬善款。", ("逾$150萬", "quantity", "1500000", "", "元", "at_least")),
        ("約佔全港人口的15%。", ("約佔全港人口的15%", "percent", "15", "", "%", "approx")),
        ("走近300户困难家庭。", ("300户", "quantity", "300", "", "户", "exact")),
        # dates, ordinals and names
        ("本會於一九八五年成立。", ("一九八五年", "date", "1985", "", "", "exact")),
        ("民國110年服務成果。", ("民國110年", "date", "2021", "", "", "exact")),
        ("於99年度推行。", ("99年度", "date", "2010", "", "", "exact")),
        ("21-22年度的计划。", ("21-22年度", "date", "2021/2022", "", "", "exact")),
        ("荣获第3至5名。", ("第3至5名", "ordinal", "3", "", "", "exact")),
        ("党的二十届中央委员会。", ("二十届", "ordinal", "20", "", "", "exact")),
    ],
)
def test_reads_the_forms_the_tester_found(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("约有三、四百人参加。", ["unparsed"]),  # three or four hundred: an estimate
        ("筹得数十万元。", ["unparsed"]),
        ("分别为3，500人。", ["quantity", "quantity"]),  # a list of two, as 分别 says
        ("共有1.200人参加。", ["unparsed"]),
        ("增长率为-3.5%。", ["unparsed"]),  # never 3.5 % without its sign
        ("全年共服务长者12\n345人次。", ["unparsed", "unparsed"]),
        ("本年度服务需求持续上升。\n12\n人手短缺问题仍然严峻。", ["number"]),  # a page number
        ("2.3项目管理", ["unparsed"]),  # a heading number
        ("三万5千元。", ["unparsed"]),
        ("分别获资助3、5万元。", ["number", "quantity"]),  # 3 or 3万: the 3 is not given a unit
    ],
)
def test_what_cannot_be_read_whole_is_unparsed(text, kinds):
    assert [m.kind for m in extract(text)] == kinds


def test_figures_in_quoted_speech_are_read_but_a_quoted_name_keeps_its_numbers():
    speech = extract("理事长表示：“今年共服务3,000人次，较去年增长20%。”")
    assert [(m.text, m.kind, m.unit) for m in speech] == [("3,000人次", "quantity", "人次"), ("20%", "percent", "%")]
    assert [m.kind for m in extract("开展“2021关爱行动”活动。")] == ["name"]


# --- Forms of the third set of real texts, once held back and now tuned on ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共有四万八四〇二人。", ("四万八四〇二人", "quantity", "48402", "", "人", "exact")),
        ("共有四萬八四○二人。", ("四萬八四○二人", "quantity", "48402", "", "人", "exact")),
        ("每辆一00万元。", ("一00万元", "quantity", "1000000", "", "元", "exact")),
        ("每月一二五0元。", ("一二五0元", "quantity", "1250", "", "元", "exact")),
        ("從一O二年起提供服務。", ("一O二年", "date", "2013", "", "", "exact")),
        ("增长率超30%。", ("超30%", "percent", "30", "", "%", "at_least")),
        ("领取期间为一个月。", ("一个月", "quantity", "1", "", "个月", "exact")),
        ("領取期間為一個月。", ("一個月", "quantity", "1", "", "个月", "exact")),
        ("贷款资金不低于20个亿。", ("不低于20个亿", "quantity", "2000000000", "", "元", "at_least")),
        ("百岁以上长者。", ("百岁以上", "quantity", "100", "", "岁", "at_least")),
        ("百歲以上長者。", ("百歲以上", "quantity", "100", "", "岁", "at_least")),
        ("人数约计11万5,899人。", ("约计11万5,899人", "quantity", "115899", "", "人", "approx")),
        ("送出逾 3.1 萬個月餅。", ("逾 3.1 萬個", "quantity", "31000", "", "个", "at_least")),
        ("已有36隊投入服務。", ("36隊", "quantity", "36", "", "队", "exact")),
        ("課程為期12星期。", ("12星期", "quantity", "12", "", "星期", "exact")),
        ("捐贈5000片太陽餅。", ("5000片", "quantity", "5000", "", "片", "exact")),
        ("新建服务站27处。", ("27处", "quantity", "27", "", "处", "exact")),
        ("送贈總值156萬的現金券。", ("156萬", "quantity", "1560000", "", "元", "exact")),
        ("带动3130万脱贫劳动力就业。", ("3130万", "quantity", "31300000", "", "人", "exact")),
    ],
)
def test_reads_the_forms_of_the_third_set(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("發放金額超過3億\n\n    縣府表示", [("超過3億", "元")]),  # an indented line opens a paragraph
        ("实施新一周期规划。", []),  # 周期 is a period, not a week
        ("劃撥帳號：五00三八八七二戶名：本會。", []),  # an account number
    ],
)
def test_third_set_words_are_no_figures(text, expected):
    assert [(m.text, m.unit) for m in extract(text) if m.measured] == expected


# --- Forms of the fourth set of real texts, once held back and now tuned on ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("捐款六万三元。", ("六万三元", "quantity", "63000", "", "元", "exact")),  # an abbreviated numeral
        ("現金捐款驟降2千多筆。", ("2千多筆", "quantity", "2000", "", "笔", "at_least")),
        ("提供5~6餐營養餐食。", ("5~6餐", "range", "5", "6", "餐", "range")),
        ("约3，500人参加。", ("约3，500人", "quantity", "3500", "", "人", "approx")),  # thousands after a comma
        ("共有4，229人受惠。", ("4，229人", "quantity", "4229", "", "人", "exact")),
        ("捐款9800 余万元。", ("9800 余万元", "quantity", "98000000", "", "元", "at_least")),
        ("受助1.4 万余户。", ("1.4 万余户", "quantity", "14000", "", "户", "at_least")),
        ("全市已設服務點720處。", ("720處", "quantity", "720", "", "处", "exact")),
        ("每千人五點二宗。", ("五點二宗", "quantity", "5.2", "", "宗", "exact")),  # a rate: a fraction is fine
        ("每包300公克。", ("300公克", "quantity", "300", "", "公克", "exact")),
        ("資助金額上限為8765元。", ("上限為8765元", "quantity", "8765", "", "元", "at_most")),
        ("近一個月來新增個案。", ("近一個月", "quantity", "1", "", "个月", "exact")),
        ("擠在約10坪的屋內。", ("約10坪", "quantity", "10", "", "坪", "approx")),
        ("每天至少需10片尿布。", ("至少需10片", "quantity", "10", "", "片", "at_least")),
        ("直接受惠人口超过50万。", ("超过50万", "quantity", "500000", "", "人", "at_least")),
        ("惠及全州4.85万低收入高龄老人。", ("4.85万", "quantity", "48500", "", "人", "exact")),
        ("以重度失能者為最多佔51.52%。", ("51.52%", "percent", "51.52", "", "%", "exact")),  # the most, not at most
        ("本报讯 2023/8/2 本报记者", ("2023/8/2", "date", "2023-08-02", "", "", "exact")),
    ],
)
def test_reads_the_forms_of_the_fourth_set(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("政府計劃於新一屆立法會成立後提交。", []),  # the new term
        ("是一名普通务工人员。", []),  # a worker
        ("長照十年計畫已推行。", ["word"]),  # the name of a plan
        ("私立單位分列前3名。", ["ordinal"]),  # a rank
        ("小一至中三學生。", []),  # school years
        ("百歲人瑞獲贈禮金。", []),  # a centenarian, not an age of 100
        ("其中2.5万0-6岁儿童。", ["number", "range"]),  # 2.5万, then ages 0 to 6
        ("第五届四次理事会暨五次常务理事会。", ["ordinal", "ordinal", "ordinal"]),
        ("長照計畫自97年4月開辦。", ["unparsed", "number"]),  # 1997 or ROC 97 (2008): not said
        ("97年及98年的服務量。", ["unparsed", "unparsed"]),
    ],
)
def test_fourth_set_words_are_no_figures(text, kinds):
    assert [m.kind for m in extract(text) if m.kind != "word" or kinds == ["word"]] == kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共投入一亿二元。", ("一亿二元", "quantity", "120000000", "", "元", "exact")),  # 1.2亿
        ("共投入五亿三万元。", ("五亿三万元", "quantity", "500030000", "", "元", "exact")),  # 5亿 and 3万
        ("约3，500多人参加。", ("约3，500多人", "quantity", "3500", "", "人", "at_least")),
        ("受助总人数为12，500。", ("12，500", "quantity", "12500", "", "人", "exact")),
        ("各地共救助3，500人。", ("3，500人", "quantity", "3500", "", "人", "exact")),  # 各地 makes no list
        ("她照顾瘫痪丈夫近30年。", ("近30年", "quantity", "30", "", "年", "at_most")),
        ("每年捐赠50万。", ("50万", "quantity", "500000", "", "元", "exact")),
    ],
)
def test_reads_the_forms_the_third_tester_checked(text, expected):
    assert reading(text) == expected


# --- Forms of the sixth set of real texts, once held back and now tuned on ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新增宿位90床。", ("90床", "quantity", "90", "", "床", "exact")),
        ("全年處理356案。", ("356案", "quantity", "356", "", "案", "exact")),
        ("共回答977題。", ("977題", "quantity", "977", "", "题", "exact")),
        ("全家五口同住。", ("五口", "quantity", "5", "", "口", "exact")),
        ("已送出1,500萬劑。", ("1,500萬劑", "quantity", "15000000", "", "剂", "exact")),
        ("服務遍及15縣市。", ("15縣市", "quantity", "15", "", "县市", "exact")),
        ("共探訪31家次。", ("31家次", "quantity", "31", "", "家次", "exact")),
        ("兒童以智能障礙者占三成七最多。", ("三成七", "percent", "37", "", "%", "exact")),
        ("每月獎助最長6個月。", ("最長6個月", "quantity", "6", "", "个月", "at_most")),
        ("目前募集不及五成。", ("不及五成", "percent", "50", "", "%", "at_most")),
        ("雖然進行了未足2年。", ("未足2年", "quantity", "2", "", "年", "at_most")),
        ("服務人次破286萬。", ("破286萬", "quantity", "2860000", "", "人次", "at_least")),
        ("期間共4年餘。", ("4年餘", "quantity", "4", "", "年", "at_least")),
        ("募得一○九三萬六千元。", ("一○九三萬六千元", "quantity", "10936000", "", "元", "exact")),
        ("近12年来女性增幅较高。", ("近12年", "quantity", "12", "", "年", "exact")),  # the recent past
        ("计划推出近1年半。", ("近1年半", "quantity", "1.5", "", "年", "at_most")),
    ],
)
def test_reads_the_forms_of_the_sixth_set(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("較97年同期增加。", ["unparsed"]),  # 1997 or ROC 97: a year, never 97 years
        ("從95年底以來。", ["unparsed"]),
        ("透過政府一筆過撥款。", []),  # a lump sum, not one item
        ("三部门联合发文。", []),  # 部 is no measure word here
    ],
)
def test_sixth_set_words_are_no_figures(text, kinds):
    assert [m.kind for m in extract(text) if m.kind != "word"] == kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("幫助30年輕人。", [("30", "quantity", "人")]),  # 年 of 年輕 is no measure word
        ("來自3台灣的青年。", [("3", "number", "")]),
        ("资助100元至数百元。", [("100元", "unparsed", ""), ("数百", "unparsed", "")]),  # never 100 元 alone
        ("占三分之二。", [("三分之二", "unparsed", "")]),  # no exact decimal: unparsed whole
        ("约占1/4的家庭。", [("约占1/4", "percent", "%")]),
        ("共4万八四〇二人。", [("4万八四〇二", "unparsed", "")]),  # Arabic run into Chinese digits
    ],
)
def test_what_the_readme_reviewer_found(text, expected):
    assert [(m.text, m.kind, m.unit) for m in extract(text)] == expected


@pytest.mark.parametrize("text", ["，一462元万一一0年零至7", "一$,万亿零二0〇之个〇9年", "第月亿零〇0元二，50〇港-元"])
def test_a_zero_typed_among_chinese_digits_is_never_dropped(text):
    covered = {i for m in extract(text) for i in range(m.start, m.end)}
    assert all(i in covered for i, c in enumerate(text) if c in _DIGIT), extract(text)
