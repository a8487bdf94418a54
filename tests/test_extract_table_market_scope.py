"""A market named in a key-value table's share label says where the share is held, not whose it is
(table_market_scope.py, shared by the plain and the mapped key-value readers); a place does so in any
market label; a market keeps its own size."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.table_market_scope import scope_classes
from tests.test_table_reader import make_table


def test_scope_classes():
    assert scope_classes("가나 클라우드 시장 점유율") == ("Place", "MarketSegment")
    assert scope_classes("가나 클라우드 시장 규모") == ("Place",)
    assert scope_classes("연간 성장률") == ()


def test_a_markets_share_label_gives_the_share_to_the_captions_entity(table_reader):
    r, ex = table_reader
    r.read(make_table(["알리바바 클라우드 주요 지표"], ["구분", "수치"],
                      [["중국 클라우드 시장 점유율", "27%"], ["중국 클라우드 시장 규모", "$9.5B"]]))
    got = {(s.subject, s.kind, s.value) for s in ex.statements}
    assert ("alibaba-cloud", "marketShare", Decimal(27)) in got
    assert not any(subj == "chinese-cloud-market" and kind in ("marketShare", "share") for subj, kind, _ in got)
    assert ("chinese-cloud-market", "marketSize", Decimal(9500000000)) in got
