"""Counts a hardware table's cell writes with a unit of its own (table_figures.unit_counts)."""

from decimal import Decimal

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Location
from petaflop.extract.table_figures import height_fits, unit_counts

LOC = Location(10, 10, "X", "test table")


def _read(text: str, label: str = "", row: tuple[str, ...] = ("HBM3E 288GB",)) -> set[tuple[str, Decimal, str]]:
    cells = [Cell(t, t, 10, j + 1) for j, t in enumerate((*row, text))]
    table = Table("X-1-1", Span(9, 10), [], [], [Row(10, cells)])
    return {(s.kind, s.value, s.rule) for s in unit_counts(text, "chip-a", LOC, (), "", label, table)}


def test_an_hbm_cell_gives_the_height_and_the_number_of_its_stacks():
    assert _read("HBM3e 12hi 8스택", "메모리") == {
        ("quantity", Decimal(12), "table-reader:quantity@stack-height"),
        ("unitCount", Decimal(8), "table-reader:unitCount@stack-count")}
    assert _read("216GB HBM3e 12hi") == {("quantity", Decimal(12), "table-reader:quantity@stack-height")}


def test_the_height_written_as_channels_before_the_stacks_counts_under_an_hbm_label_only():
    # "12 채널 8개 스택": the counted stacks are the counting reader's ("8개"); the channels give the height
    assert _read("12 채널 8개 스택", "HBM 스택") == {("quantity", Decimal(12), "table-reader:quantity@stack-height")}
    assert _read("12 채널 8개 스택", "구성") == set()  # no word of HBM in the cell or its label
    assert _read("8스택 / 6스택", "HBM") == set()  # two figures: none is the cell's


def test_a_height_written_as_channels_needs_the_rows_memory_to_fit_it():
    # 288 GB over 8 stacks of 12 dies: 3 GB (24 Gb) a die — the 12 is the height
    assert _read("12 채널 8개 스택", "HBM 스택", ("HBM4 288GB",)) == {
        ("quantity", Decimal(12), "table-reader:quantity@stack-height")}
    assert _read("12 채널 4개 스택", "HBM 스택", ("HBM3E 144GB",)) != set()
    # 1024 GB over 16 stacks is 64 GB a stack: 12 dies of 5.3 GB is no die, the 12 is no height
    assert _read("12 채널 16개 스택", "HBM 스택", ("HBM4E 1024GB",)) == set()
    assert _read("12 채널 8개 스택", "HBM 스택", ("듀얼 다이",)) == set()  # no memory in the row: not verified
    assert height_fits("12 채널 8개 스택", "B300 HBM3E 288GB 12 채널 8개 스택")


def test_pixels_need_no_memory_word():
    assert _read("12MP 초광각") == {("quantity", Decimal(12) * 10 ** 6, "table-reader:quantity@pixels")}


def test_a_row_the_lexicon_does_not_know_is_read_under_its_section_rows_measure():
    from types import SimpleNamespace

    from ingest.model import Cell, Row
    from petaflop.extract.lexicon import load_lexicon
    from petaflop.extract.table_remarks import section_label

    reader = SimpleNamespace(lex=load_lexicon(), res=SimpleNamespace(entities_in=lambda text: []))
    def cells(*texts: str) -> list[Cell]:
        return [Cell(t, t, 1, j) for j, t in enumerate(texts, 1)]

    rows = [Row(line=1, cells=cells("작업당 생성 비용", ""), section=True), Row(line=2, cells=cells("로봇 A", "$10")),
            Row(line=3, cells=cells("소요 시간", "5시간"))]
    table = SimpleNamespace(rows=rows)
    assert section_label(reader, table, 2, "로봇 A") == ("로봇 A — 작업당 생성 비용", ":section")
    assert section_label(reader, table, 3, "소요 시간") == ("소요 시간", "")  # a measure of its own
    assert section_label(reader, table, 1, "로봇 A") == ("로봇 A", "")  # no section above


def test_a_remark_saying_what_the_row_makes_or_holds_is_a_count_of_its_own():
    from petaflop.extract.table_remarks import _HOLDS

    assert _HOLDS.search("각 task 당 300개 생성(망치질, 닦기)")
    assert _HOLDS.search("현재 87개 가용성 영역, 29개 region 확보")
    assert not _HOLDS.search("원본 데이터 720개로 24만개의 데이터를 생성하는 방식 설명")


def test_a_rank_label_is_a_word_not_letters_inside_a_name():
    from petaflop.extract.lexicon import load_lexicon

    lex = load_lexicon()
    assert lex.value_for('"Franka" 로봇팔') is None
    assert lex.value_for("Rank").kind == "rank" and lex.value_for("글로벌 순위").kind == "rank"


def test_a_die_word_in_a_mapped_packaging_row_is_the_column_chips_die_count(gaz):
    """"칩렛·패키징 | 2.5D CoWoS-Lite | 4-Chiplet 구조": the packaging row of a chip-per-column table
    links the packaging it names and counts the dies the column's chip is built of (``text:die-count``)."""
    from types import SimpleNamespace

    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor
    from petaflop.extract.text_reader import TextReader
    from tests.test_table_reader import make_table

    ex = Extraction()
    res = Resolver(gaz, ex)
    text = TextReader(res, use_kiwi=False)
    text.start_slide("")
    mapping = next(m for m in load_mappings() if m.id == "chip-generation-compare")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], res,
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: (), text=text)
    t = make_table(["910C 대비 920C의 주요 변화"], ["항목", "현재 주력 910C", "차세대 920C"],
                   [["칩렛·패키징", "2.5D CoWoS-Lite", "4-Chiplet 구조"]], transposed=True)
    te._columns(t, mapping)
    got = [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "unitCount"]
    assert got == [("huawei-ascend-920c", Decimal(4), "text:die-count")]  # none for the 910C: no die word
    assert ("huawei-ascend-910c", "cowos-lite") in {(f.subject, str(f.obj)) for f in ex.facts if f.obj_is_entity}
