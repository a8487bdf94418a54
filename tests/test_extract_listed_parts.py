"""Parts listed under a counted whole (listed_parts.py): a bullet about a whole of N tiers, then exactly N
nested bullets "Label: … (Name)." — each name is part of the whole."""

from __future__ import annotations

from ingest.parser import parse_text
from petaflop.extract.pipeline import extract

HEAD = ["VIII. 시험: 네트워킹", "", "3계층 구조", "",
        "- 가나다는 3계층 네트워크 아키텍처라는 청사진을 제시.",
        "- 이 3계층 구조는 시스템 레벨의 해자."]
ITEMS = [" - Scale-Up: 랙 내부를 하나로 묶는다 (NVLink).",
         " - Scale-Out: 랙들을 초고속으로 연결한다 (InfiniBand).",
         " - Scale-Across: 데이터센터를 하나로 통합한다 (Spectrum-XGS)."]


def _parts(lines: list[str]) -> list[tuple[str, str, int]]:
    ex = extract(parse_text("\n".join([*lines, ""])))
    return sorted((f.subject, str(f.obj), f.location.line_start) for f in ex.facts if f.rule == "text:listed-part")


def test_each_listed_item_is_part_of_the_whole_the_lead_in_counts():
    whole = "nvidia-three-tier-network-architecture"
    assert _parts(HEAD + ITEMS) == [("infiniband", whole, 8), ("nvlink", whole, 7), ("spectrum-xgs", whole, 9)]


def test_an_incomplete_list_or_an_item_naming_no_one_thing_links_nothing():
    assert _parts(HEAD + ITEMS[:2]) == []  # two items for three tiers
    assert _parts([*HEAD, *ITEMS[:2], " - Scale-Across: 데이터센터를 하나로 통합한다."]) == []
    assert _parts([*HEAD, *ITEMS[:2], " - Scale-Across: 통합한다 (NVLink, InfiniBand)."]) == []


def test_a_count_of_no_named_whole_opens_no_list():
    lines = ["VIII. 시험: 네트워킹", "", "3계층 구조", "", "- 가나다는 3계층 구조를 제시.", *ITEMS]
    assert _parts(lines) == []
