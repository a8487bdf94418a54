"""Partners paired without a verb under a partner heading (petaflop/extract/text_partner_pairs.py), on
sentences of our own: "설계 파트너 = …. 구글·OpenAI는 브로드컴, 메타는 미디어텍 등" — and what it must refuse."""
from __future__ import annotations

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VIII", "test slide")


def pairs(text_reader, text: str) -> set[tuple[str, str, str]]:
    r, ex = text_reader
    r.read(text, LOC, ())
    return {(f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.rule == "text:partner:pairs"}


def test_each_topic_firm_partners_the_bare_firm_after_it(text_reader):
    got = pairs(text_reader, "설계 파트너 지형 = 빅테크 전략. 구글·OpenAI·xAI는 브로드컴(대형 ASIC), 메타는 미디어텍 등으로 설명.")
    assert got == {("google", "partnerOf", "broadcom"), ("openai", "partnerOf", "broadcom"),
                   ("xai", "partnerOf", "broadcom"), ("meta", "partnerOf", "mediatek")}


def test_the_heading_may_open_the_same_sentence(text_reader):
    got = pairs(text_reader, "ASIC 파트너로는 구글은 브로드컴, 메타는 미디어텍.")
    assert got == {("google", "partnerOf", "broadcom"), ("meta", "partnerOf", "mediatek")}


@pytest.mark.parametrize("text", [
    "구글은 브로드컴, 메타는 미디어텍 등으로 설명.",                 # no partner heading: a pair says nothing
    "설계 파트너십 현황. 구글은 브로드컴, 메타는 미디어텍.",            # a partnership is read elsewhere
    "설계 파트너 지형. 구글은 브로드컴, 미디어텍 등으로 설명.",          # the firm listed with another: no pair
    "파운드리 파트너 현황. 엔비디아는 TSMC를 선택.",                   # a particle on the second firm: another frame
])
def test_no_pair_without_the_construction(text_reader, text):
    assert pairs(text_reader, text) == set()
