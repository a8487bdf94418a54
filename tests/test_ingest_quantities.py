"""Table-driven tests of ingest.quantities: every notation the issue lists, and the report's odd ones."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from foundation.units import convert
from ingest.quantities import REFERENCE_DATE, find_quantities, parse_cell, parse_quantity, unit_hint

D = Decimal

# text, kind, unit, value (normalised), extra expectations
CASES = [
    # the report's odd ones
    (
        "1,185억 달러",
        "money",
        "USD",
        D(118_500_000_000),
        {"currency": "USD", "original_value": D(118_500_000_000), "original_unit": "달러"},
    ),
    ("\\$7B", "money", "USD", D(7_000_000_000), {}),
    ("20,000 ExaFLOPS(FP8)", "compute", "FLOPS", D(20_000) * D(10) ** 18, {"precision": "FP8"}),
    ("55만 개", "count", "count", D(550_000), {"counter": "개"}),
    ("3.35 TB/s", "bandwidth", "TB/s", D("3.35"), {}),
    ("1.2GW", "power", "MW", D(1200), {"original_value": D("1.2"), "original_unit": "GW"}),
    # Korean multipliers
    ("2.8조 달러", "money", "USD", D(2_800_000_000_000), {}),
    ("3천 억 달러", "money", "USD", D(300_000_000_000), {}),
    ("1조 2,000억 원", "money", "KRW", D(1_200_000_000_000), {"currency": "KRW"}),
    ("5천만 개", "count", "count", D(50_000_000), {}),
    ("1백만 명", "count", "count", D(1_000_000), {"counter": "명"}),
    # currencies
    ("40억 위안", "money", "CNY", D(4_000_000_000), {"currency": "CNY"}),
    ("190원", "money", "KRW", D(190), {}),
    ("EUR 200M", "money", "EUR", D(200_000_000), {"currency": "EUR"}),
    ("USD 5", "money", "USD", D(5), {}),
    ("$1.21 billion", "money", "USD", D(1_210_000_000), {}),
    ("\\$394 million", "money", "USD", D(394_000_000), {}),
    ("\\$200M", "money", "USD", D(200_000_000), {}),
    ("15센트", "money", "USD", D("0.15"), {}),
    # B/M/K/k suffixes without currency
    ("235B", "number", "", D(235_000_000_000), {}),
    ("128k", "number", "", D(128_000), {}),
    ("1M", "number", "", D(1_000_000), {}),
    # power and energy
    ("34MW", "power", "MW", D(34), {}),
    ("120kW", "power", "MW", D("0.12"), {}),
    ("85W", "power", "MW", D("0.000085"), {}),
    ("약 1,200 와트", "power", "MW", D("0.0012"), {"qualifiers": {"approximate"}}),
    ("300 MWh", "energy", "MWh", D(300), {}),
    ("2 TWh", "energy", "MWh", D(2_000_000), {}),
    # bandwidth, memory, compute
    ("900 GB/s", "bandwidth", "TB/s", D("0.9"), {}),
    ("7.4 TBps", "bandwidth", "TB/s", D("7.4"), {}),
    ("192GB", "memory", "GB", D(192), {}),
    ("2 TB", "memory", "GB", D(2000), {}),
    ("5 PFLOPs (FP8)", "compute", "FLOPS", D(5) * D(10) ** 15, {"precision": "FP8"}),
    ("칩당 최대 3,210 TFLOPs (FP8 기준)", "compute", "FLOPS", D(3210) * D(10) ** 12, {"precision": "FP8"}),  # "… 기준": on FP8
    ("4,614 TFLOPs", "compute", "FLOPS", D(4614) * D(10) ** 12, {}),
    ("2 EFLOPS", "compute", "FLOPS", D(2) * D(10) ** 18, {}),
    ("500 TOPS", "compute", "OPS", D(500) * D(10) ** 12, {}),
    # percent, multiples, counts
    ("30%", "percent", "%", D(30), {}),
    ("12배", "multiple", "x", D(12), {}),
    ("29기", "count", "count", D(29), {"counter": "기"}),
    ("6,500대", "count", "count", D(6500), {"counter": "대"}),
    ("3장", "count", "count", D(3), {"counter": "장"}),
    # qualifiers
    ("약 1,000 MW", "power", "MW", D(1000), {"qualifiers": {"approximate"}}),
    ("5 GW 이상", "power", "MW", D(5000), {"qualifiers": {"lowerBound"}}),
    ("10 GW+", "power", "MW", D(10_000), {"qualifiers": {"lowerBound"}}),
    ("+25.8%", "percent", "%", D("25.8"), {"qualifiers": set()}),  # a leading plus is a sign, not "at least"
    ("3k 미만", "number", "", D(3000), {"qualifiers": {"upperBound"}}),
    ("최대 40만 개", "count", "count", D(400_000), {"qualifiers": {"upperBound"}}),
    ("100억 달러 추정", "money", "USD", D(10_000_000_000), {"qualifiers": {"estimate"}}),
    ("~\\$15 billion", "money", "USD", D(15_000_000_000), {"qualifiers": {"approximate"}}),
    # integer formats count operations, not floating-point ones
    ("354 TFLOPS/s (INT8)", "compute", "OPS", D(354) * D(10) ** 12, {"precision": "INT8"}),
    ("177 TFLOPS/s (FP16/BF16)", "compute", "FLOPS", D(177) * D(10) ** 12, {"precision": "FP16/BF16"}),
    # half a unit of time; months as 달
    ("2년 반", "duration", "year", D("2.5"), {}),
    ("2시간 반", "duration", "hour", D("2.5"), {}),
    ("3달", "duration", "month", D(3), {}),
    # length, area, mass, frequency (kept in the unit written)
    ("약 50km", "length", "km", D(50), {"qualifiers": {"approximate"}}),
    ("500,000 마일", "length", "mile", D(500_000), {}),
    ("260 mm²", "area", "mm2", D(260), {}),
    ("666mm^2", "area", "mm2", D(666), {}),
    ("1,000에이커", "area", "acre", D(1000), {}),
    ("246.3톤", "mass", "t", D("246.3"), {}),
    ("2.35 GHz", "frequency", "GHz", D("2.35"), {}),
]


@pytest.mark.parametrize(("text", "kind", "unit", "value", "extra"), CASES, ids=[c[0] for c in CASES])
def test_single_quantity(text, kind, unit, value, extra):
    q = parse_quantity(text)
    assert q is not None
    assert (q.kind, q.unit, q.value) == (kind, unit, value)
    for name, expected in extra.items():
        got = getattr(q, name)
        assert (set(got) if name == "qualifiers" else got) == expected


RANGES = [
    ("34~35MW", "power", D(34), D(35)),
    ("660~720억 달러", "money", D(66_000_000_000), D(72_000_000_000)),
    ("7.2~7.4 TBps", "bandwidth", D("7.2"), D("7.4")),
    ("1.7 ~ 1.8 TB/s", "bandwidth", D("1.7"), D("1.8")),
    ("\\$5.15 – \\$5.35 billion", "money", D(5_150_000_000), D(5_350_000_000)),
    ("64-128 GB", "memory", D(64), D(128)),
    ("3~9개월", "duration", D(3), D(9)),
]


@pytest.mark.parametrize(("text", "kind", "low", "high"), RANGES, ids=[r[0] for r in RANGES])
def test_ranges(text, kind, low, high):
    q = parse_quantity(text)
    assert q is not None and q.kind == kind
    assert (q.low, q.high, q.value) == (low, high, low)
    assert "range" in q.qualifiers


def test_vague_amount_has_bounds_but_no_value():
    q = parse_quantity("수백 MWh")
    assert q is not None
    assert (q.kind, q.unit, q.value, q.low, q.high) == ("energy", "MWh", None, D(100), D(1000))
    assert q.qualifiers == {"vague"}
    g = parse_quantity("수 GW")
    assert g is not None and (g.low, g.high) == (D(1000), D(10_000))


PERIODS = [
    ("3Q26", "2026-07-01", "2026-09-30", set()),
    ("2H26", "2026-07-01", "2026-12-31", set()),
    ("1H26", "2026-01-01", "2026-06-30", set()),
    ("1Q25", "2025-01-01", "2025-03-31", set()),
    ("Q4'24E", "2024-10-01", "2024-12-31", {"estimate"}),
    ("2025E", "2025-01-01", "2025-12-31", {"estimate"}),
    ("2024 Q2", "2024-04-01", "2024-06-30", set()),
    ("2026년 하반기", "2026-07-01", "2026-12-31", set()),
    ("2026년 말", "2026-10-01", "2026-12-31", set()),
    ("2027년 이후", "2027-01-01", "2027-12-31", {"lowerBound"}),
    ("2030년까지", "2030-01-01", "2030-12-31", {"upperBound"}),
    ("2025년 3월", "2025-03-01", "2025-03-31", set()),
    ("올해", "2025-01-01", "2025-12-31", {"resolved"}),
    ("작년", "2024-01-01", "2024-12-31", {"resolved"}),
    ("내년 상반기", "2026-01-01", "2026-06-30", {"resolved"}),
    ("올해 말", "2025-10-01", "2025-12-31", {"resolved"}),
    ("2025년 Q1", "2025-01-01", "2025-03-31", set()),
    ("2024년 3Q", "2024-07-01", "2024-09-30", set()),
    ("2025년 3~5월", "2025-03-01", "2025-05-31", set()),
    ("2024년 3월~5월", "2024-03-01", "2024-05-31", set()),
    ("작년 10-12월", "2024-10-01", "2024-12-31", {"resolved"}),
    ("9~10월", "2025-09-01", "2025-10-31", {"yearAssumed"}),
    ("올초", "2025-01-01", "2025-03-31", {"resolved"}),
    ("올 하반기", "2025-07-01", "2025-12-31", {"resolved"}),
]


@pytest.mark.parametrize(("text", "start", "end", "quals"), PERIODS, ids=[p[0] for p in PERIODS])
def test_periods(text, start, end, quals):
    q = parse_quantity(text)
    assert q is not None and q.kind == "period"
    assert (q.date_start, q.date_end, set(q.qualifiers)) == (start, end, quals)


DATES = [
    ("9월 3일", "2025-09-03", {"yearAssumed"}),
    ("7월 15일", "2025-07-15", {"yearAssumed"}),
    ("2023년 03월 09일", "2023-03-09", set()),
    ("2025-03-25", "2025-03-25", set()),
]


@pytest.mark.parametrize(("text", "iso", "quals"), DATES, ids=[d[0] for d in DATES])
def test_dates(text, iso, quals):
    q = parse_quantity(text)
    assert q is not None and q.kind == "date"
    assert (q.date_start, q.date_end, set(q.qualifiers)) == (iso, iso, quals)


def test_reference_date_is_a_parameter():
    assert REFERENCE_DATE == date(2025, 9, 3)
    q = parse_quantity("올해", reference=date(2030, 1, 1))
    assert q is not None and q.date_start == "2030-01-01"
    md = parse_quantity("7월 15일", reference=date(2024, 12, 31))
    assert md is not None and md.date_start == "2024-07-15"


def test_names_with_digits_are_not_quantities():
    for name in ("H100", "GB200", "GPT-4.5", "MI308", "B40"):
        assert find_quantities(name) == [], name


def test_a_fraction_or_a_quarter_is_no_minute():
    # "N분의 M" is a fraction (a share, fractions.py) and "N분기" a quarter; "N분" alone stays minutes
    assert [(q.kind, q.raw) for q in find_quantities("점유율의 3분의 1을 잃었다")] == [("percent", "3분의 1")]
    assert [(q.kind, q.raw) for q in find_quantities("2분기에 40억 달러")] == [("period", "2분기"), ("money", "40억 달러")]
    assert [(q.kind, q.unit, q.value) for q in find_quantities("45분 만에 끝났다")] == [("duration", "minute", D(45))]


def test_a_two_digit_year_before_a_month_is_a_date_not_a_duration():
    assert [(q.kind, q.date_start) for q in find_quantities("24년 5월 기준 고용")] == [("period", "2024-05-01")]
    assert [(q.kind, q.raw) for q in find_quantities("약 23년 동안")] == [("duration", "약 23년")]  # no month: years
    assert [(q.kind, q.raw) for q in find_quantities("3~23년 10월")] == [("duration", "3~23년"), ("period", "10월")]


def test_a_lifetime_is_no_vague_count_of_people():
    assert [(q.kind, q.raw) for q in find_quantities("배터리 수명은 10년")] == [("duration", "10년")]
    assert [(q.kind, q.raw) for q in find_quantities("수 명의 연구원과 수십 명의 직원")] == [("count", "수 명"), ("count", "수십 명")]


def test_find_all_with_offsets():
    text = "Abilene 부지는 약 1.2GW, GB200 40만 개, 투자 660~720억 달러 (2026년 하반기)"
    found = find_quantities(text)
    assert [(q.kind, q.raw) for q in found] == [
        ("power", "약 1.2GW"),
        ("count", "40만 개"),
        ("money", "660~720억 달러"),
        ("period", "2026년 하반기"),
    ]
    for q in found:
        assert text[q.start : q.end] == q.raw
    assert found[0].value == D(1200) and found[0].qualifiers == {"approximate"}


def test_free_text_without_quantities():
    assert find_quantities("숫자가 없는 문장") == []
    assert find_quantities("") == []


CELLS = [
    ("190", "투자액 (억 달러)", "money", "USD", D(19_000_000_000)),
    ("116", "금액(USD)", "money", "USD", D(116)),
    ("\\$30", "수익 추정 (십억 달러)", "money", "USD", D(30_000_000_000)),
    ("5 (1.5GW는 재생에너지)", "전체 전력 (GW)", "power", "MW", D(5000)),
    ("160", "DAU (백만명)", "count", "count", D(160_000_000)),
    ("340,000", "전력 사용량 (kWh)", "energy", "MWh", D(340)),
    ("0.56", "프롬프트당 비용 (센트)", "money", "USD", D("0.0056")),
    ("3.35 TB/s", "메모리 대역폭", "bandwidth", "TB/s", D("3.35")),
    ("2", "GPU 임대 단가 (\\$/시간)", "money", "USD/시간", D(2)),
]


@pytest.mark.parametrize(
    ("cell", "header", "kind", "unit", "value"), CELLS, ids=[c[0] + "|" + c[1] for c in CELLS]
)
def test_parse_cell_with_header_hint(cell, header, kind, unit, value):
    q = parse_cell(cell, header)
    assert q is not None
    assert (q.kind, q.unit, q.value) == (kind, unit, value)


def test_parse_cell_empty_and_text():
    for blank in ("", "-", "?", "  "):
        assert parse_cell(blank, "투자액 (억 달러)") is None
    assert parse_cell("대역폭 상한선 1.7 TB/s", None) is None  # text that mentions a number
    assert parse_cell("“H20의 75% 성능”", None) is None


def test_unit_hint():
    h = unit_hint("투자액 (억 달러)")
    assert h is not None and (h.kind, h.unit, h.multiplier, h.currency) == ("money", "USD", D(10) ** 8, "USD")
    assert unit_hint("금액(USD)").multiplier == 1  # type: ignore[union-attr]
    assert unit_hint("전체 전력 (GW)").factor == D(1000)  # type: ignore[union-attr]
    assert unit_hint("투자자") is None
    assert unit_hint("GPU (출시 세대)") is None


def test_to_json_is_plain_data():
    q = parse_quantity("660~720억 달러")
    assert q is not None
    j = q.to_json()
    assert j["value"] == 66_000_000_000 and j["high"] == 72_000_000_000 and j["qualifiers"] == ["range"]
    assert j["span"] == [0, len("660~720억 달러")]


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [("약 2시간 반을 버틴다", "hour", D("2.5")), ("1년 반 동안", "year", D("1.5")), ("3개월 반만에", "month", D("3.5"))],
)
def test_half_after_a_duration_unit(text, unit, value):
    q = next(q for q in find_quantities(text) if q.kind == "duration")
    assert (q.unit, q.value) == (unit, value)


def test_half_is_not_the_start_of_a_word():
    q = find_quantities("10년 반도체 산업")[0]
    assert (q.value, q.raw) == (D(10), "10년")
    assert [(q.low, q.high) for q in find_quantities("1시간 반~2시간")] == [(D("1.5"), D(2))]


def test_a_native_korean_numeral_before_a_counter_is_a_count():
    from ingest.quantities import find_quantities

    got = [(q.value, q.counter, q.raw) for q in find_quantities("두 개의 칩, 세 곳, 네개를, 세대, 한 번, 다섯 명")]
    assert got == [(Decimal(2), "개", "두 개"), (Decimal(3), "곳", "세 곳"), (Decimal(4), "개", "네개"),
                   (Decimal(5), "명", "다섯 명")]


@pytest.mark.parametrize(("text", "value"), [("수출량 353t (▲660% MoM)", D(353)), ("46.4t", D("46.4")),
                                             ("10 tonnes", D(10)), ("5t 이상", D(5))])
def test_tonnes_written_with_a_latin_t(text, value):
    q = find_quantities(text)[0]
    assert (q.kind, q.unit, q.value) == ("mass", "t", value)


@pytest.mark.parametrize(("text", "unit", "value", "tonnes"), [
    ("~48g", "g", D(48), D("0.000048")), ("약 640 g", "g", D(640), D("0.00064")), ("1.5kg", "kg", D("1.5"), D("0.0015")),
    ("30그램", "g", D(30), D("0.00003")), ("250 mg", "mg", D(250), D("0.00000025")), ("2 lbs", "lb", D(2), D("0.00090718474")),
])
def test_weights_below_a_tonne_keep_their_unit_which_converts_to_tonnes(text, unit, value, tonnes):
    q = find_quantities(text)[0]
    assert (q.kind, q.unit, q.value) == ("mass", unit, value)
    assert convert(q.value, q.unit, "t") == tonnes


def test_a_letter_g_is_grams_only_after_a_figure():
    assert [(q.kind, q.value) for q in find_quantities("5G 통신, GB200 3개")] == [("number", D(5)), ("count", D(3))]


def test_a_spaced_or_glued_letter_t_is_no_tonne():
    assert [(q.kind, q.value) for q in find_quantities("3 t")] == [("number", D(3))]
    assert find_quantities("GPT-4t") == []


def test_a_span_of_months_needs_months_in_order_and_a_count_is_no_span():
    assert find_quantities("5~3월") == []
    assert [q.kind for q in find_quantities("GPU 4-5개")] == ["count"]


def test_a_year_after_an_approximation_word_is_a_date_not_a_span():
    # "약 2031년 5월 2일경": the day the figure names, never a span of 2,031 years (nor 5월 2일 in the report's year)
    found = [(q.kind, q.date_start) for q in find_quantities("만기 시점은 약 2031년 5월 2일경으로 추정")]
    assert found == [("date", "2031-05-02")]
    assert [(q.kind, q.date_start) for q in find_quantities("최대 2030년까지 연장")] == [("period", "2030-01-01")]
    # a span of years after "약" is still a span
    assert [(q.kind, q.value) for q in find_quantities("약 20년간 운영")] == [("duration", D(20))]


def test_a_day_written_in_english_month_first_is_a_date():
    # a post's footer and a letterhead: "Mar 4, 2024", "October 2nd, 2023" — not the bare numbers 4 and 2024
    got = [(q.kind, q.date_start) for q in find_quantities("9:15 AM · Mar 4, 2024 · 1.2M Views") if q.kind == "date"]
    assert got == [("date", "2024-03-04")]
    assert [(q.kind, q.date_start) for q in find_quantities("Acme Research October 2nd, 2023")] == [
        ("date", "2023-10-02")]
    assert [(q.kind, q.date_start) for q in find_quantities("Sept. 30, 2022")] == [("date", "2022-09-30")]
    # a word that only starts like a month, or a month and a year without a day, is no day
    assert all(q.kind != "date" for q in find_quantities("Mayday 12, 2020"))


def test_hours_milliseconds_and_a_times_sign_are_units():
    # "30h+", "~8 hours", "5ms", "3×": durations and multiples, not bare numbers
    def got(text):
        return [(q.kind, q.value, q.unit) for q in find_quantities(text)]

    assert got("약30h+ 대기") == [("duration", D(30), "hour")]
    assert got("for ~8 hours of storage") == [("duration", D(8), "hour")]
    assert got("지연 시간은 5ms 미만") == [("duration", D("0.005"), "second")]
    assert got("신규 3× 광학 줌, 최대 30× 디지털") == [("multiple", D(3), "x"), ("multiple", D(30), "x")]
    # a product of figures ("2048 × 2048", "6×200 kV") has no multiple; a name after a figure ("12hi") no hour
    assert got("2048 × 2048 행렬") == [("number", D(2048), ""), ("number", D(2048), "")]
    assert got("6×200 kV") == [("number", D(6), ""), ("number", D(200), "")]
    assert got("HBM3e 12hi") == [("number", D(12), "")]
    assert got("토큰 수×FPS×모델 스텝 수") == []
