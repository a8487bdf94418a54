"""Export controls on sentences and tables of our own: every chip of a list a measure names, the chips of a
revenue-share condition, the state that issues a measure (never the country it is about), a destination marked
with 對 before a bare "규제", and a table's "수출 금지" cells as one export ban over the banned chips."""

from __future__ import annotations

from types import SimpleNamespace

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver
from tests.test_table_reader import make_table

LOC = Location(10, 10, "VI", "test slide")


def test_every_chip_of_the_list_a_measure_names_is_under_it(mined):
    got = mined("정부는 B100·H800에 대한 수출 허가 요건을 새로 적용했다.")
    chips = {o for s, p, o, _ in got if p == "appliesToChip"}
    assert chips == {"nvidia-b100", "nvidia-h800"}
    got = mined("새 규정은 H20 · A800까지 수출 금지 발표로 묶었다.")
    assert {o for s, p, o, _ in got if p == "appliesToChip"} == {"nvidia-h20", "nvidia-a800"}


def test_a_chip_outside_the_list_is_not_taken(mined):
    got = mined("B100은 예외이며, 정부는 H800과 A800에 대한 수출 허가 요건을 적용했다.")
    assert {o for s, p, o, _ in got if p == "appliesToChip"} == {"nvidia-h800", "nvidia-a800"}


def test_the_chips_of_a_revenue_share_paid_to_the_state(mined):
    got = mined("가나다전자는 칩(H20·MI308) 판매 매출의 20%를 정부에 납부하는 ‘수익 공유’를 해야 한다.")
    assert {(s, o) for s, p, o, _ in got if p == "appliesToChip"} == {
        ("15-revenue-share-on-china-ai-chips", "nvidia-h20"), ("15-revenue-share-on-china-ai-chips", "amd-mi308")}


def test_the_issuer_is_the_topic_the_owner_or_the_name_before_a_comma(mined):
    assert ("h20-export-license-requirement", "issuedBy", "united-states", "relation:measure-issuer") in mined(
        "미국의 B100 수출 라이선스 요건으로 가나다전자는 손실을 봤다.")
    assert ("2024-h20-a800-restrictions", "issuedBy", "united-states", "relation:measure-issuer") in mined(
        "美, B100까지 금지·대역폭 한도 강화")
    got = mined("트럼프 행정부는 UAE가 매년 GPU 10만 개를 들여올 수 있게 하는 수출 쿼터를 검토했다.")
    assert {(s, o) for s, p, o, _ in got if p == "issuedBy"} == {("uae-gpu-export-quota", "trump-administration")}
    assert ("uae-gpu-export-quota", "restrictsExportTo", "united-arab-emirates",
            "relation:export-restriction-country") in got


def test_a_policy_announced_by_a_topic_marked_body(mined):
    got = mined("FDA는 지난달, AI 활용 신약 개발 초안 지침 발표.")
    assert ("fda-ai-drug-development-guidance", "issuedBy", "us-food-and-drug-administration",
            "relation:measure-issuer") in got


def test_a_destination_marked_before_a_bare_rule_word(mined):
    got = mined("High (對中 규제: 'OCT 7 Rule' 시행)")
    assert ("october-7-2022-export-rule", "restrictsExportTo", "china", "relation:export-restriction-country") in got
    assert not any(p == "issuedBy" for _, p, _, _ in got)


def test_a_tables_export_ban_cells_are_one_ban_over_its_banned_chips(gaz):
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "china-export-gpus")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    t = make_table(["가나다의 對중국 수출 GPU 비교"], ["GPU", "수출 규제", "메모리 대역폭"],
                   [["A100", "수출 금지", "2.0 TB/s"], ["H20", "사실상 허용", "4.0 TB/s"], ["B200", "수출 금지", "8 TB/s"]])
    te._rows(t, mapping)
    facts = {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity}
    ban = "china-export-gpus-export-ban"
    assert {(o, r) for s, p, o, r in facts if s == ban and p == "appliesToChip"} == {
        ("nvidia-a100", "table:china-export-gpus:appliesToChip"), ("nvidia-b200", "table:china-export-gpus:appliesToChip")}
    assert {(o, r) for s, p, o, r in facts if s == ban and p == "restrictsExportTo"} == {
        ("china", "table:china-export-gpus:restrictsExportTo")}
    assert ex.entities[ban].types == ("ExportBan",) and ex.entities[ban].name_ko == "수출 금지"
    assert ex.entities[ban].name_en == "Export ban to China"


def test_a_caption_country_that_is_no_destination_is_not_restricted(gaz):
    from petaflop.extract.table_code_measures import caption_destinations

    tx = SimpleNamespace(res=Resolver(gaz, Extraction()))
    assert caption_destinations(tx, "미국산 GPU의 중국향 출하") == ["china"]
    assert caption_destinations(tx, "미국의 GPU 라인업") == []
    assert caption_destinations(tx, "대중국 수출 칩") == ["china"]
