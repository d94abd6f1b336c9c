"""Make report text regular enough for one set of patterns, without losing the way back to the original.

Both steps keep offsets recoverable: the character maps replace one character with one character, and
the joining of layout breaks records where it removed text.
"""

from bisect import bisect_right
from dataclasses import dataclass
import re

# Full-width digits and signs become ASCII; the Chinese comma stays, because it is punctuation.
_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)} | {
    "．": ".",
    "％": "%",
    "～": "~",
    "－": "-",
    "（": "(",
    "）": ")",
    "○": "〇",  # the zero of Taiwan and Hong Kong typesetting (一○五)
    "〜": "~",
    "∼": "~",
    "―": "—",
    "‐": "-",
    "−": "-",
    "﹣": "-",
    "\u2009": " ",  # thin and narrow no-break spaces, as thousands separators
    "\u202f": " ",
    "\u00a0": " ",
}

# Traditional forms of the characters the patterns look at. A small fixed map keeps the
# extractor free of a conversion library and keeps every character in place.
_TRADITIONAL = dict(
    zip(
        "萬億餘約戶場個屆項兩週數點過進來張條臺間冊歲頁種輛節隻獎對級縣區鄉鎮筆門倉達總計與"
        "時這訊餅將為獲領發補貼資經費幣於滿額問殘農兒婦學眾職願貧員噸畝課鐘類註後議會內佔國從帳號隊處單劑題層棟顆門組趟雙塊長幾輕灣",
        "万亿余约户场个届项两周数点过进来张条台间册岁页种辆节只奖对级县区乡镇笔门仓达总计与"
        "时这讯饼将为获领发补贴资经费币于满额问残农儿妇学众职愿贫员吨亩课钟类注后议会内占国从帐号队处单剂题层栋颗门组趟双块长几轻湾",
        strict=True,
    )
)

_TABLE = str.maketrans(_FULLWIDTH | _TRADITIONAL)

# A line that ends without closing punctuation and whose next line starts with an ideograph was
# broken by the page layout (抵抗 / 风险). Headings are short lines with a space, or start with a
# number or a marker, and are never joined.
# A line that starts indented opens a paragraph, and is never joined to the line before it.
_BREAK = re.compile(r"(?<=[\u4e00-\u9fff\d“”《》、])[ \t\u3000\r]*\n(?:[ \t\u3000\r]*\n)*(?=[\u4e00-\u9fff“《])")
_HEADING = re.compile(r"^\s*(?:\d+\s|[□▲—])|\S\s+\S")
# A page number alone on its line, or a caption's number (表1, 图2.3), is not joined to what follows.
_NUMBER_LINE = re.compile(r"^\s*\d+\s*$|[表图圖]\s*\d+(?:\.\d+)*\s*$")


_CN_DIGITS = "〇一二三四五六七八九"
_ZERO_AMONG_DIGITS = re.compile(f"(?<=[{_CN_DIGITS}])[0O]+(?=[{_CN_DIGITS}万亿百千元年])")
_MAPPED = re.compile("[" + re.escape("".join(_FULLWIDTH | _TRADITIONAL)) + "]")


def normalize(text: str) -> str:
    """Map full-width and traditional characters to the forms the patterns use, one for one."""
    # translate() walks every character in Python-level lookups; most text needs none of it.
    text = text.translate(_TABLE) if _MAPPED.search(text) else text
    # A zero typed as 0 or O among Chinese digits (一00萬, 一O二年, 一二五0元) is 〇, one for one.
    return _ZERO_AMONG_DIGITS.sub(lambda m: "〇" * len(m[0]), text) if "0" in text or "O" in text else text


@dataclass(frozen=True)
class Joined:
    """Text with layout breaks removed, and the means to map its offsets back."""

    text: str
    _cuts: tuple[int, ...]  # offsets in `text` at which removed text was
    _shifts: tuple[int, ...]  # characters removed before each cut, cumulative

    def original(self, offset: int) -> int:
        """The offset in the original text of the character at `offset` here."""
        i = bisect_right(self._cuts, offset)
        return offset + (self._shifts[i - 1] if i else 0)


def join_layout_breaks(text: str) -> Joined:
    """Remove line breaks that the page layout put inside a sentence."""
    parts, cuts, shifts = [], [], []
    kept = removed = 0
    last = 0
    for m in _BREAK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : m.start()]
        if (_HEADING.search(line) and not _is_sentence(line)) or _NUMBER_LINE.search(line):
            continue
        parts.append(text[last : m.start()])
        kept += m.start() - last
        removed += m.end() - m.start()
        cuts.append(kept)
        shifts.append(removed)
        last = m.end()
    parts.append(text[last:])
    return Joined("".join(parts), tuple(cuts), tuple(shifts))


def layout_breaks(text: str, context: int = 4) -> list[tuple[int, str]]:
    """Where the layout broke a sentence: the offset of each break and the words either side of it."""
    joined = join_layout_breaks(normalize(text))
    found = []
    for cut in joined._cuts:
        at = joined.original(cut)  # the first character after the removed break
        before = text[:at].rstrip()[-context:]
        found.append((len(text[:at].rstrip()), f"{before} / {text[at : at + context]}"))
    return found


def _is_sentence(line: str) -> bool:
    """Body lines carry commas; headings and bylines do not."""
    return "," in line or "，" in line or "。" in line
