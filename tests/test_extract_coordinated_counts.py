"""A count over a coordination of chips ("5만 개의 GB200·GB300") says the facility uses every chip of it, not only
the one next to the figure; chips joined by "+" are counts of their own. A title after organisations joined by
"및" or "·" ("A 및 B 창립자 X") is the person's at each of them, not after a former mark nor "와"; an office written
with its parent's name as head ("백악관 과학기술정책실") is part of the parent — on
sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.count_coordinated import coordinated_items, drop_listed_items
from petaflop.extract.count_links import USES_RULE, add_count_chip_uses
from petaflop.extract.facts import EntityRecord, Extraction, Location, Statement
from petaflop.extract.gazetteer import Gazetteer

LOC = Location(2, 2, "III", "test slide", "t1", 2, 3)
LINES = ["가나다 캠퍼스 개요",
         "가나다 캠퍼스는 1만 개의 GB200을 시작으로, 이후 5만 개의 GB200·GB300을 배치하고 H100 3만 개 + H200 2만 개를 더함."]


def _ex(*raws: tuple[str, str]) -> Extraction:
    ex = Extraction()
    ex.add_entity(EntityRecord("ganada-campus", ("ComputeCluster",), "Ganada Campus"))
    for chip in ("nvidia-gb200", "nvidia-gb300", "nvidia-h100", "nvidia-h200"):
        ex.add_entity(EntityRecord(chip, ("GPU",), chip))
    for raw, item in raws:
        ex.statements.append(Statement("ganada-campus", "chipCount", LOC, "text:count-item:clause-topic",
                                       value=Decimal(50000), unit="count", item=item, raw=raw))
    return ex


def _uses(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "usesChip"}


def test_the_chips_coordinated_with_a_counted_chip_are_used_too():
    gaz = Gazetteer.load()
    ex = _ex(("GB200을 시작으로, 이후 5만 개의 GB200·", "nvidia-gb200"))
    assert add_count_chip_uses(ex, gaz, LINES) == 2
    assert _uses(ex) == {("ganada-campus", "nvidia-gb200", USES_RULE), ("ganada-campus", "nvidia-gb300", USES_RULE)}


def test_a_chip_counted_apart_or_a_count_without_the_lines_adds_no_other_chip():
    gaz = Gazetteer.load()
    ex = _ex(("H100 3만 개 + H200 2만 개를", "nvidia-h100"), ("1만 개의 GB200을", "nvidia-gb200"))
    assert add_count_chip_uses(ex, gaz, LINES) == 2
    assert _uses(ex) == {("ganada-campus", "nvidia-h100", USES_RULE), ("ganada-campus", "nvidia-gb200", USES_RULE)}
    bare = _ex(("GB200을 시작으로, 이후 5만 개의 GB200·", "nvidia-gb200"))
    assert add_count_chip_uses(bare) == 1
    assert coordinated_items(gaz, LINES[1], "5만 개의 H100", "nvidia-h100") == []  # words not in the line


def test_a_title_after_organisations_joined_by_and_is_held_at_each(text_reader):
    r, ex = text_reader
    r.read("2025년 Isomorphic Labs 및 OpenAI 창립자 일론 머스크는 새 계획을 밝혔음.", LOC, ())
    r.read("前 알리바바·구글 연구원 리사 수가 합류했다.", LOC, ())
    r.read("메타와 구글 CEO 샘 알트만이 만났다.", LOC, ())
    links = {(f.subject, str(f.obj), f.predicate) for f in ex.facts
             if f.obj_is_entity and f.rule.startswith("text:appositive:")}
    assert ("elon-musk", "isomorphic-labs", "affiliatedWith") in links
    assert ("elon-musk", "openai", "affiliatedWith") in links
    assert not {o for s, o, _ in links if s == "lisa-su" and o == "alibaba"}
    assert ("sam-altman", "google", "leads") in links
    assert ("sam-altman", "meta", "leads") not in links


def test_an_organisation_written_with_its_parents_name_as_head_is_part_of_it(text_reader):
    r, ex = text_reader
    r.read("백악관 과학기술정책실이 새 계획을 발표했다.", LOC, ())
    r.read("중국 상무부가 새 규정을 발표했다.", LOC, ())  # a country's ministry: no parent organisation
    parts = {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "partOf"}
    assert parts == {("office-of-science-and-technology-policy", "white-house", "text:name-parent")}


def test_a_firms_unit_written_with_the_firms_name_alone_makes_no_part(text_reader):
    r, ex = text_reader
    r.read("알리바바 클라우드의 인프라가 압도적이다.", LOC, ())
    assert not [f for f in ex.facts if f.predicate == "partOf" and f.rule == "text:name-parent"]


def test_a_count_over_a_list_keeps_no_one_member_as_its_item_but_every_member_is_used():
    gaz = Gazetteer.load()
    ex = _ex(("GB200을 시작으로, 이후 5만 개의 GB200·", "nvidia-gb200"), ("H100 3만 개 + H200 2만 개를", "nvidia-h100"))
    add_count_chip_uses(ex, gaz, LINES)
    assert drop_listed_items(ex, gaz, LINES) == 1
    assert [s.item for s in ex.statements] == ["", "nvidia-h100"]  # the list's count: no item; a count apart keeps its own
    assert ("ganada-campus", "nvidia-gb300", USES_RULE) in _uses(ex)  # the links the item gave stay
    assert drop_listed_items(ex, gaz, []) == 0  # without the report's lines: nothing to tell
