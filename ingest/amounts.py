"""The grammar of amounts in the report: unit and scale tables, currency prefixes, Korean
numerals (십/백/천, 만/억/조) and the master pattern :mod:`ingest.quantities` matches with.

Pure data and pure functions: the patterns are compiled once at import.
"""

from __future__ import annotations

import re
from decimal import Decimal

D = Decimal

K_SMALL = {"십": D(10), "백": D(100), "천": D(1000)}
K_BIG = {"만": D(10) ** 4, "억": D(10) ** 8, "조": D(10) ** 12}
SCALE = {
    "k": D(1000), "K": D(1000), "thousand": D(1000),
    "M": D(10) ** 6, "mn": D(10) ** 6, "million": D(10) ** 6,
    "B": D(10) ** 9, "bn": D(10) ** 9, "billion": D(10) ** 9,
    "T": D(10) ** 12, "trillion": D(10) ** 12,
}  # fmt: skip

# token → (kind, canonical unit, factor to canonical)
UNITS: dict[str, tuple[str, str, Decimal]] = {
    # energy before power (MWh before MW)
    "TWh": ("energy", "MWh", D(10) ** 6), "GWh": ("energy", "MWh", D(1000)), "MWh": ("energy", "MWh", D(1)),
    "kWh": ("energy", "MWh", D("0.001")), "KWh": ("energy", "MWh", D("0.001")), "Wh": ("energy", "MWh", D("0.000001")),
    "GW": ("power", "MW", D(1000)), "MW": ("power", "MW", D(1)), "kW": ("power", "MW", D("0.001")),
    "KW": ("power", "MW", D("0.001")), "W": ("power", "MW", D("0.000001")),
    "기가와트": ("power", "MW", D(1000)), "메가와트": ("power", "MW", D(1)), "와트": ("power", "MW", D("0.000001")),
    "TB/s": ("bandwidth", "TB/s", D(1)), "TBps": ("bandwidth", "TB/s", D(1)),
    "GB/s": ("bandwidth", "TB/s", D("0.001")), "GBps": ("bandwidth", "TB/s", D("0.001")),
    "MB/s": ("bandwidth", "TB/s", D("0.000001")),
    "Tbps": ("bandwidth", "TB/s", D("0.125")), "Tb/s": ("bandwidth", "TB/s", D("0.125")),
    "Gbps": ("bandwidth", "TB/s", D("0.000125")), "Gb/s": ("bandwidth", "TB/s", D("0.000125")),
    "PB": ("memory", "GB", D(10) ** 6), "TB": ("memory", "GB", D(1000)), "GB": ("memory", "GB", D(1)),
    "MB": ("memory", "GB", D("0.001")), "KB": ("memory", "GB", D("0.000001")),
    "ExaFLOPS": ("compute", "FLOPS", D(10) ** 18), "EFLOPS": ("compute", "FLOPS", D(10) ** 18),
    "EFLOPs": ("compute", "FLOPS", D(10) ** 18), "PetaFLOPS": ("compute", "FLOPS", D(10) ** 15),
    "PFLOPS": ("compute", "FLOPS", D(10) ** 15), "PFLOPs": ("compute", "FLOPS", D(10) ** 15),
    "TFLOPS": ("compute", "FLOPS", D(10) ** 12), "TFLOPs": ("compute", "FLOPS", D(10) ** 12),
    "GFLOPS": ("compute", "FLOPS", D(10) ** 9), "FLOPS": ("compute", "FLOPS", D(1)),
    "POPS": ("compute", "OPS", D(10) ** 15), "TOPS": ("compute", "OPS", D(10) ** 12),
    "%p": ("percent", "%p", D(1)), "%": ("percent", "%", D(1)), "퍼센트": ("percent", "%", D(1)),
    "배": ("multiple", "x", D(1)), "x": ("multiple", "x", D(1)), "×": ("multiple", "x", D(1)),
    "달러": ("money", "USD", D(1)), "불": ("money", "USD", D(1)), "USD": ("money", "USD", D(1)),
    "원": ("money", "KRW", D(1)), "위안": ("money", "CNY", D(1)), "CNY": ("money", "CNY", D(1)),
    "유로": ("money", "EUR", D(1)), "EUR": ("money", "EUR", D(1)), "KRW": ("money", "KRW", D(1)),
    "센트": ("money", "USD", D("0.01")),
    "개월": ("duration", "month", D(1)), "년간": ("duration", "year", D(1)), "년": ("duration", "year", D(1)),
    "주일": ("duration", "week", D(1)), "주": ("duration", "week", D(1)), "시간": ("duration", "hour", D(1)), "분": ("duration", "minute", D(1)),
    "초": ("duration", "second", D(1)), "일": ("duration", "day", D(1)), "달": ("duration", "month", D(1)),
    "hours": ("duration", "hour", D(1)), "hour": ("duration", "hour", D(1)), "hrs": ("duration", "hour", D(1)),
    "h": ("duration", "hour", D(1)), "ms": ("duration", "second", D("0.001")),
    "개": ("count", "count", D(1)), "대": ("count", "count", D(1)), "기": ("count", "count", D(1)),
    "장": ("count", "count", D(1)), "명": ("count", "count", D(1)), "곳": ("count", "count", D(1)),
    "건": ("count", "count", D(1)), "척": ("count", "count", D(1)), "회": ("count", "count", D(1)),
    # length, area, mass, frequency: kept in the unit written (foundation.units converts between them)
    "km": ("length", "km", D(1)), "mm": ("length", "mm", D(1)), "마일": ("length", "mile", D(1)),
    "miles": ("length", "mile", D(1)), "mile": ("length", "mile", D(1)),
    "km2": ("area", "km2", D(1)), "km²": ("area", "km2", D(1)), "㎢": ("area", "km2", D(1)),
    "mm2": ("area", "mm2", D(1)), "mm²": ("area", "mm2", D(1)), "mm^2": ("area", "mm2", D(1)), "m2": ("area", "m2", D(1)),
    "m²": ("area", "m2", D(1)), "㎡": ("area", "m2", D(1)), "제곱미터": ("area", "m2", D(1)),
    "acres": ("area", "acre", D(1)), "acre": ("area", "acre", D(1)), "에이커": ("area", "acre", D(1)),
    "톤": ("mass", "t", D(1)), "t": ("mass", "t", D(1)), "tonnes": ("mass", "t", D(1)), "tonne": ("mass", "t", D(1)),
    "kg": ("mass", "kg", D(1)), "킬로그램": ("mass", "kg", D(1)), "g": ("mass", "g", D(1)), "그램": ("mass", "g", D(1)),
    "mg": ("mass", "mg", D(1)), "밀리그램": ("mass", "mg", D(1)), "lb": ("mass", "lb", D(1)), "lbs": ("mass", "lb", D(1)),
    "oz": ("mass", "oz", D(1)),
    "GHz": ("frequency", "GHz", D(1)), "MHz": ("frequency", "MHz", D(1)),
}  # fmt: skip
#: what may not follow a Korean unit token for it to be that unit ("3달러" is money, "달성" no month)
UNIT_GUARD = {"달": "(?![러성라리해하])", "분": "(?![의기])", "톤": "(?![가-힣])", "마일": "(?!리지|스톤)"}
PREFIX_CURRENCY = {"$": "USD", "\\$": "USD", "US$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR",
                    "₩": "KRW", "￦": "KRW", "RMB": "CNY", "¥": "CNY"}  # fmt: skip

#: what must precede a Latin unit token for it to be that unit: a bare "t" (tonnes) only glued to its figure ("246.3t")
#: and a bare "g" (grams), "lb" or "oz" only right after it, glued or one space on ("50g", "약 600 g")
_AFTER_FIGURE = r"(?:(?<=\d)|(?<=\d\s))"
#: a times sign only glued to its figure and no product of figures ("5×", never "수×FPS", "4096 × 4096", "4× 400")
LATIN_GUARD = {"t": r"(?<=\d)", "h": r"(?<=\d)", "×": r"(?<=\d)(?!×\s?\d)", "ms": _AFTER_FIGURE, "hrs": _AFTER_FIGURE, "hour": _AFTER_FIGURE,
               "hours": _AFTER_FIGURE, "g": _AFTER_FIGURE, "lb": _AFTER_FIGURE, "lbs": _AFTER_FIGURE, "oz": _AFTER_FIGURE}
LATIN_UNIT_RE = "|".join(
    LATIN_GUARD.get(u, "") + re.escape(u)
    for u in sorted((u for u in UNITS if re.match(r"[A-Za-z%×]", u)), key=len, reverse=True)
)
KOREAN_UNIT_RE = "|".join(
    re.escape(u) + UNIT_GUARD.get(u, "")
    for u in sorted((u for u in UNITS if not re.match(r"[A-Za-z%×]", u)), key=len, reverse=True)
)

NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
KCHAIN = r"(?:\s?[십백천](?:\s?[만억조])?|\s?[만억조])(?:\s?" + NUM + r"\s?(?:[십백천]\s?)?[만억천])*"
AMOUNT = rf"(?:{NUM})(?:{KCHAIN})?"
# "백만 대", "천만 달러": a multiplier written without digits, read only right before a unit word
# (never a column's unit note: "(십억 달러)", "(단위: 백만 달러)")
KWORD = rf"(?<![가-힣(:（])(?<![(:（]\s)(?:[십백천]\s?[만억조]|백\s?억)(?=\s?(?:{KOREAN_UNIT_RE})(?:에서|[은는이가의을를에와과도로만씩])?(?![가-힣]))"
# "수명" (a lifetime) is no "수 명" (several people): a bare 수 glued to 명 is a word
VAGUE = r"(?<![가-힣])수(?!명)\s?(?:[십백천](?:\s?[만억조])?|[만억조])?"
CUR = r"(?:US\$|\\\$|\$|USD\s?|EUR\s?|€|₩|￦|RMB\s?)"
SCALE_RE = r"(?:\s?(?:billion|million|trillion|thousand|bn|mn)\b|\s?[BMKkT](?![A-Za-z0-9]))"
# '2시간 반', '1년 반': a half after a duration unit ('반' closed by a particle or the text's end,
# never the start of a word such as '반도체')
HALF = r"(?:(?<=시간)|(?<=개월)|(?<=[년주일달]))\s?반(?=(?:[을를이가은는의에도]|만에|동안)?(?![가-힣]))"
UNIT = (
    rf"(?:\s?(?:(?P<lu{{n}}>{LATIN_UNIT_RE})(?![A-Za-z0-9])(?:/s)?"
    rf"|(?P<ku{{n}}>{KOREAN_UNIT_RE})(?!비)(?P<half{{n}}>{HALF})?))"
)
PRE = r"(?P<pre>(?:(?<![가-힣])(?:약|대략|최대|최소|최고|최저|무려|거의|최대치)|~|≈|>|<|≥|≤|\+)\s?)?"
# a "+" glued to the figure is a lower bound ("350+명"); spaced, it adds terms ("파트너 1명 + 컨설턴트 4명")
POST = r"(?P<post>\s?(?:이상|이하|미만|초과|넘게|넘는|여|가량|정도|내외|남짓|안팎|추정|예상|전망)|\+(?!\d))?"
#: the number format after a compute figure: in parentheses ("354 TFLOPS (INT8)") or written right after it as
#: one word ("1.3 PFLOPS FP8", "177 TFLOPS FP16/BF16"), never a longer name ("FP8x")
PRECISION = (r"(?:\s?\((?P<prec>(?:FP|INT|BF|TF)\d+[A-Za-z0-9/ ,]*?)\s?(?:기준)?\)"
             r"|\s(?P<prec_word>(?:FP|INT|BF|TF)\d+(?:/(?:FP|INT|BF|TF)\d+)*)(?![A-Za-z0-9]))?")

GENERIC = (
    PRE
    # "약 2026년 3월 8일경": a year after "약" is a date's (the date patterns read it from its year), never a span
    # of two thousand years
    + r"(?!(?:19|20)\d{2}\s?년)"
    + rf"(?P<cur1>{CUR})?"
    + rf"(?P<amt1>{AMOUNT}|{VAGUE}|{KWORD})"
    + rf"(?P<sc1>{SCALE_RE})?"
    + UNIT.format(n=1)
    + "?"
    + r"(?:\s?(?P<sep>~|〜|–|—|-)\s?"
    + rf"(?P<cur2>{CUR})?(?P<amt2>{AMOUNT})(?P<sc2>{SCALE_RE})?)?"
    # "150개 기업", "5억 달러 기업": a unit after a unit is the next word, unless a range sits between them
    + r"(?:(?(sep)|(?(lu1)(?!)|(?(ku1)(?!))))"
    + UNIT.format(n=2)
    + ")?"
    + PRECISION
    + POST
)

#: a year: "2025", or written short after an apostrophe ("'23년 8월"), only before 년 and not as a span of
#: years ("'10년 후", "'10년간")
#: or two digits 10-29 before 년 and a month ("23년 10월": October 2023, never 23 years and a month),
#: or two digits 20-29 before 년 and a word of a year's figures ("25년 가이던스", "26년 매출", "25년
#: 상반기": the year 2025 or 2026; never "25년이 되는", "15년 리스", "20년 장기 계약": spans of years)
_YEAR_FIGURE = r"(?:매출|가이던스|연환산|조정|실적|영업이익|순이익|CAPEX|가동\s?목표|상반기|하반기|[1-4]분기)"
YEAR = (r"(?:(?:19|20)\d{2}|(?<![A-Za-z0-9가-힣])['’‘][0-3]\d(?=\s?년(?!\s?(?:후|뒤|간|동안|만에|전|째)))"
        r"|(?<![A-Za-z0-9가-힣'’‘.,~\-])[12]\d(?=\s?년\s?(?:1[0-2]|[1-9])\s?월)"
        rf"|(?<![A-Za-z0-9가-힣'’‘.,~\-+])2\d(?=년\s{_YEAR_FIGURE}))")
#: English month names, full or abbreviated ("Sept" before "Sep": the longer spelling first)
EN_MONTHS = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept(?:ember)?|Sep"
             r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
#: the month an English name starts with ("Jul", "August": its first three letters)
EN_MONTH_NUMBER = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
PERIOD_PART = r"(?:상반기|하반기|[1-4]분기|초|말|중반|중순|연말|연초|이후|이전|까지|내)"
PATTERNS = [
    ("iso", rf"(?<!\d)(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    ("ymd", rf"(?<!\d)(?P<y>{YEAR})\s?년\s?(?P<m>\d{{1,2}})\s?월\s?(?P<d>\d{{1,2}})\s?일"),
    # a day written in English, month first: "Jul 28, 2025", "August 18th, 2025" (a post's or a letterhead's date)
    ("mdy", rf"(?<![A-Za-z])(?P<mon>{EN_MONTHS})\.?\s(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s(?P<y>(?:19|20)\d{{2}})(?!\d)"),
    # a span of months: "3~5월", "2025년 3월~5월", "올해 3~5월" (before a year or a month alone takes its start)
    ("mrange", rf"(?<![\d.,])(?:(?P<y>{YEAR})\s?년\s?|(?P<rel>올해|금년|작년|지난해|내년)\s?)?"
               r"(?P<m1>1[0-2]|0?[1-9])\s?월?\s?[~∼-]\s?(?P<m2>1[0-2]|0?[1-9])\s?월(?![간별급])"),
    # a span of years: "2023~2025년", "2023년~2025년", "2026~27년" (before a year alone takes its start)
    ("yrange", r"(?<![\d.,])(?P<y1>(?:19|20)\d{2})\s?년?\s?[~∼-]\s?(?P<y2>(?:19|20)\d{2}|\d{2}(?=년))\s?년"
               r"(?!\s?\d{1,2}\s?월)"),
    # a quarter of a year: "2025 Q1", "2025년 Q1", "2025년 1Q" (before a year alone takes "2025년")
    ("yq2", rf"(?<![A-Za-z0-9])(?P<y>{YEAR})\s?년?\s?(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?P<e>E)?(?![0-9A-Za-z])"),
    # a month of a year, written or named relative to the report's ("작년 9월", "올 1월"; "올해 1월 13일" is a day)
    ("ym", rf"(?<!\d)(?:(?P<y>{YEAR})\s?년|(?P<rel>올해|금년|작년|지난해|내년|재작년|(?<![가-힣])올)"
           r"(?=\s?\d{1,2}\s?월(?![간별급])(?!\s?\d{1,2}\s?일)))\s?(?P<m>\d{1,2})\s?월(?:\s?(?P<part>초|중순|말|이후|까지))?"),
    ("y", rf"(?<!\d)(?P<y>{YEAR})\s?년(?:\s?(?P<part>{PERIOD_PART}))?(?:\s?(?P<part2>이후|이전|까지))?"),
    ("qy", r"(?<![A-Za-z0-9])(?P<q>[1-4])\s?Q\s?'?(?P<y>\d{2}|\d{4})(?P<e>E)?(?![0-9])"),
    ("yq", r"(?<![A-Za-z0-9])Q(?P<q>[1-4])\s?'?(?P<y>\d{2}|\d{4})(?P<e>E)?(?![0-9])"),
    ("hy", r"(?<![A-Za-z0-9])(?P<h>[12])\s?H\s?'?(?P<y>\d{2}|\d{4})(?P<e>E)?(?![0-9])"),
    ("ye", rf"(?<![A-Za-z0-9])(?P<y>{YEAR})E(?![A-Za-z0-9])"),
    # a fiscal year: "FY2023", "FY25", "FY'24" (the year the report names it by)
    ("fy", r"(?<![A-Za-z0-9])FY\s?['’]?(?P<y>(?:19|20)\d{2}|\d{2})(?P<e>E)?(?![0-9A-Za-z])"),
    # a quarter or half of the report's year written alone: "3분기에", "하반기 출시" (not "4분기 연속", "2분기 만에")
    ("qbare", r"(?<![\d.,A-Za-z])(?:(?P<q>[1-4])\s?분기|(?<![가-힣])(?P<h>상|하)반기)(?!\s?(?:연속|째|마다|만에|동안|간))"),
    ("md", r"(?<![\d.])(?P<m>1[0-2]|0?[1-9])\s?월\s?(?P<d>[0-3]?\d)\s?일"),
    ("mpart", r"(?<![\d.])(?P<m>1[0-2]|0?[1-9])\s?월(?:\s?(?P<part>초|중순|말))?(?![간별급])(?!\s?\d{1,2}\s?일)"),
    (
        "rel",
        r"(?P<rel>올해|금년|작년|지난해|내년|재작년|내후년|(?<![가-힣])올(?=\s?(?:초|상반기|하반기)))"
        r"(?:\s?(?P<part>상반기|하반기|[1-4]분기|초|말|연말))?"
        # the report's year's end, start or course written alone: "연말까지", "연초", "연내에"
        r"|(?<![가-힣])(?P<own>연말|연초|연내)(?!\s?기준)(?P<by>까지)?(?=에|부터|\s|[,.]|$)",
    ),
    ("generic", r"(?<![A-Za-z0-9.,])(?<![A-Za-z]-)" + GENERIC),
]
MASTER = re.compile(
    "|".join(f"(?P<_{name}>{pat.replace('(?P<', f'(?P<{name}_').replace('(?(', f'(?({name}_')})"
             for name, pat in PATTERNS)
)


def match_group(m: re.Match[str], kind: str, name: str) -> str | None:
    return m.group(f"{kind}_{name}")


# --------------------------------------------------------------------------- numbers


def amount(text: str) -> Decimal:
    """Korean/Arabic amount with 십/백/천 and 만/억/조: ``1조 2,000억`` → 1.2e12."""
    total = D(0)
    small = D(0)
    cur: Decimal | None = None
    for num, sm, big in re.findall(r"(\d[\d,]*(?:\.\d+)?)|([십백천])|([만억조])", text):
        if num:
            if cur is not None:  # two numbers in a row: keep the running group
                small += cur
            cur = D(num.replace(",", ""))
        elif sm:
            small += (cur if cur is not None else D(1)) * K_SMALL[sm]
            cur = None
        else:
            group = small + (cur if cur is not None else D(0))
            total += (group if group else D(1)) * K_BIG[big]
            small, cur = D(0), None
    return total + small + (cur if cur is not None else D(0))


def vague_bounds(text: str) -> tuple[Decimal, Decimal]:
    """``수백`` → (100, 1000): 'several hundred' is bounded by the next power."""
    mult = D(1)
    for ch in text:
        if ch in K_SMALL:
            mult *= K_SMALL[ch]
        elif ch in K_BIG:
            mult *= K_BIG[ch]
    return mult, mult * 10


def norm(v: Decimal) -> Decimal:
    """Exact decimal without exponent noise (``1.9E+10`` → ``19000000000``)."""
    if v == v.to_integral_value():
        return v.quantize(D(1))
    return v.normalize()


NATIVE_NUMBERS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}  # "한 분기", "두 달": one table for every reader
#: a count in a native Korean numeral: "두 개의 칩", "세 곳", "네개" (a counter other than 개 only after a space: "세대" is a generation); not "한": "한 대는 40MW" is one unit's figure, not a count
NATIVE_WORDS = {word: n for word, n in NATIVE_NUMBERS.items() if word != "한"}
NATIVE_COUNT = re.compile(r"(?<![가-힣A-Za-z0-9])(두|세|네|다섯|여섯|일곱|여덟|아홉|열)(?:\s?(개)|\s(대|기|곳|명|척))"
                          r"(?=[은는이가의을를에와과도로만씩\s,.)]|$)")
