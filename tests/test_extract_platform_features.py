"""A "기능 | 설명" table under a caption naming a software platform (table_mappings.toml, platform-features):
a feature row naming a known tool makes that tool part of the platform, judged with the platform-libraries
rule; a row naming no known tool mints nothing and its prose stays about the platform."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_map import load_mappings
from petaflop.extract.tables import TableExtractor
from petaflop.extract.text_reader import TextReader
from tests.test_table_reader import links, make_table


def _read(gaz) -> Extraction:
    ex = Extraction()
    res = Resolver(gaz, ex)
    text = TextReader(res, use_kiwi=False)
    text.start_slide("")
    mapping = next(m for m in load_mappings() if m.id == "platform-features")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], res, SimpleNamespace(mine=lambda *a, **k: []),
                        lambda t: (), text=text)
    te._rows(_table(), mapping)
    return ex


def _table():
    return make_table(["엔비디아 Dynamo 도구에 새로 들어간 기능"], ["기능", "설명", "이점"],
                      [["빨라진 NCCL", "노드 간 통신 개선", "지연 시간 단축"],
                       ["NIXL", "메모리 직접 전송", "전송 속도 향상"],
                       ["자동 라우터", "요청을 나눠 보냄", "적중률 41.5%로 향상"]], chapter="VII")


def test_a_feature_row_naming_a_known_tool_is_part_of_the_captions_platform(gaz):
    ex = _read(gaz)
    assert links(ex, "partOf") == {("nccl", "nvidia-dynamo", "table:platform-libraries:partOf"),
                                   ("nixl", "nvidia-dynamo", "table:platform-libraries:partOf")}
    assert not any(e.startswith("자동") or "router" in e for e in ex.entities)  # a feature is no node


def test_a_feature_row_naming_no_tool_keeps_its_prose_about_the_platform(gaz):
    ex = _read(gaz)
    assert {(s.subject, s.kind, s.value) for s in ex.statements if s.location.line_start == 103} == {
        ("nvidia-dynamo", "share", Decimal("41.5"))}
