"""Audit 23 (b): in a table of plans announced in a month ("시점 · 발표 주체 | … | 설비 용량 | 전력망 …"),
the row's date is the announcement's: it does not date the plan's figures (a planned share of renewables)."""

from __future__ import annotations

from types import SimpleNamespace

from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from petaflop.extract.text_reader import TextReader
from tests.test_table_reader import make_table

_HEADER = ["시점 · 발표 주체", "국가", "프로젝트/정책", "설비 용량·전력", "전력망(그리드) 확충·연계 방안", "엔비디아 협력·칩 스펙"]


def _extract(gaz, rows: list[list[str]]) -> Extraction:
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    res = Resolver(gaz, ex)
    text = TextReader(res, use_kiwi=False)
    text.start_slide("")
    mapping = next(m for m in load_mappings() if m.id == "europe-ai-projects")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], res, SimpleNamespace(mine=lambda *a, **k: []),
                        lambda t: (), text=text)
    te._rows(make_table(["올해 1분기부터 발표된 유럽의 데이터센터 계획"], _HEADER, rows), mapping)
    return ex


def test_an_announcement_month_does_not_date_the_planned_share(gaz):
    ex = _extract(gaz, [["3월 가나다텔레콤", "포르투갈", "“Edge Grid” - 전국 200 노드", "40 MW",
                         "재생 전력 비율 70%; 150 kV 노드 병행", "DGX B200 SuperPOD 100개"]])
    shares = [(s.value, s.time.text if s.time else "") for s in ex.statements if s.kind == "share"]
    assert [(int(v), t) for v, t in shares] == [(70, "")]
