"""The gold annotation (tests/gold/) keeps its protocol: every line of the report in a span,
every evidence string on its line, every class, property, kind, unit and qualifier known.
Bad gold rows fail with a message naming the file, the row and the problem."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path

import pytest

from petaflop.evaluate.gold import (
    FACT_COLUMNS,
    SPAN_COLUMNS,
    GoldError,
    load_gold,
    parse_qualifiers,
    parse_value,
)

GOLD = Path(__file__).parent / "gold"
FIRST, LAST = 1, 5774  # the title line to the last line of the report


@pytest.fixture(scope="module")
def report_lines(report_path):
    return report_path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def gold(report_lines):
    return load_gold(GOLD, report_lines)


def test_the_gold_tiles_the_whole_report_without_a_gap(gold, report_lines):
    spans = sorted(gold.spans, key=lambda s: s.start)
    assert spans[0].start == FIRST and spans[-1].end == LAST
    for a, b in itertools.pairwise(spans):
        assert b.start == a.end + 1, f"lines {a.end + 1}-{b.start - 1} are in no span ({a.file}, {b.file})"
    assert report_lines[2].startswith("AI 현황 보고서")  # the title, after two blank lines
    assert LAST == len(report_lines)


def test_the_gold_is_large_and_covers_every_chapter(gold):
    assert len(gold.facts) >= 3000
    chapters = {f.chapter for f in gold.facts}
    assert chapters == {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "conclusion"}
    kinds = {f.relation_kind for f in gold.facts}
    assert kinds == {"link", "kind"}
    assert len({f.id for f in gold.facts}) == len(gold.facts)


def test_every_fact_lies_in_a_facts_span_and_none_spans_hold_none(gold):
    for f in gold.facts:
        span = gold.span_of(f.line_start)
        assert span is not None and span.status == "facts", f.id
    for s in gold.spans:
        if s.status == "none":
            assert not any(s.start <= f.line_start <= s.end for f in gold.facts)


def test_every_evidence_is_on_its_line(gold, report_lines):
    for f in gold.facts:
        assert any(f.evidence in report_lines[n - 1] for n in range(f.line_start, f.line_end + 1)), f.id
        assert len(f.evidence) <= 60


def test_the_second_annotation_keeps_the_protocol_too(report_lines):
    second = load_gold(GOLD / "iaa", report_lines)
    assert len(second.facts) >= 300
    lines = sum(s.end - s.start + 1 for s in second.spans)
    assert lines >= 476  # 10 % of chapters III–X
    assert len({f.chapter for f in second.facts}) >= 4


def test_values_parse_with_units_scales_ranges_and_signs():
    v = parse_value("19B USD")
    assert (v.low, v.unit, v.dimension) == (19_000_000_000, "USD", "money")
    v = parse_value("34~35 MW")
    assert (v.low, v.high, v.is_range) == (34, 35, True)
    assert parse_value("1.2 GW").low == 1200  # canonical unit of power: MW
    assert parse_value("-44.1 %").low == Decimal("-44.1")
    assert parse_value("200K").low == 200_000 and parse_value("200K").dimension == "number"
    assert parse_value("12 parsecs") is None
    quals, flags = parse_qualifiers("status=planned; time=2026-H1; per=1M tokens; approx")
    assert quals == {"status": "planned", "time": "2026-H1", "per": "1M tokens"} and flags == {"approx"}


def _write_chunk(tmp_path: Path, rows: list[str], spans: list[str] | None = None) -> Path:
    d = tmp_path / "gold"
    d.mkdir()
    (d / "1884-1886.tsv").write_text("\t".join(FACT_COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (d / "1884-1886.spans.tsv").write_text(
        "\t".join(SPAN_COLUMNS) + "\n" + "\n".join(spans or ["1884-1886\tfacts\t"]) + "\n", encoding="utf-8")
    return d


_GOOD = "1884-001\tIV\t1886\tAmazon\tFirm\tcapex\t118.5B USD\t\ttime=2025\t1,185억 달러\t"


def test_a_good_chunk_loads(tmp_path, report_lines):
    gold = load_gold(_write_chunk(tmp_path, [_GOOD]), report_lines)
    (fact,) = gold.facts
    assert (fact.subject, fact.relation, fact.value.low) == (("Amazon",), "capex", 118_500_000_000)


@pytest.mark.parametrize(("row", "message"), [
    (_GOOD.replace("\tcapex\t", "\tcapexx\t"), "row 1884-001: relation 'capexx' is neither an object property"),
    (_GOOD.replace("\tFirm\t", "\tCompany\t"), "row 1884-001: subject_type 'Company' is not a class"),
    (_GOOD.replace("1,185억 달러", "1,186억 달러"), "row 1884-001: evidence '1,186억 달러' is not on line(s) 1886"),
    (_GOOD.replace("118.5B USD", "118.5B parsecs"), "row 1884-001: object '118.5B parsecs' is not a value"),
    (_GOOD.replace("time=2025", "status=guessed"), "row 1884-001: status 'guessed' is not one of"),
    (_GOOD.replace("time=2025", "headr=x"), "row 1884-001: unknown qualifier 'headr'"),
    (_GOOD.replace("118.5B USD", "118.5 MW"), "is power, but kind capex measures money"),
])  # fmt: skip
def test_a_bad_row_is_an_error_naming_the_row(tmp_path, report_lines, row, message):
    with pytest.raises(GoldError) as err:
        load_gold(_write_chunk(tmp_path, [row]), report_lines)
    assert message in str(err.value)
    assert "1884-1886.tsv:2" in str(err.value)


def test_a_gap_between_spans_is_an_error(tmp_path, report_lines):
    with pytest.raises(GoldError, match="lines 1885-1885 are in no span"):
        load_gold(_write_chunk(tmp_path, [_GOOD], ["1884-1884\tnone\theading", "1886-1886\tfacts\t"]), report_lines)
