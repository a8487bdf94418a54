"""A cell naming a person by their role at an organisation ("<org>의 창업자") does not name the organisation."""

from __future__ import annotations


def _resolver(gaz):
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver

    ex = Extraction()
    return Resolver(gaz, ex), ex


def test_a_founder_of_a_firm_is_not_the_firm(gaz):
    res, ex = _resolver(gaz)
    assert res.resolve_cell("바이두의 창업자", "Organization", create=True) == []
    assert res.resolve_cell("바이두(百度)의 공동 창업자", "Organization", create=True) == []
    assert ex.entities == {}  # nor a new organisation named by the whole cell


def test_the_firm_itself_and_a_firm_beside_a_role_are_still_named(gaz):
    res, _ex = _resolver(gaz)
    assert res.resolve_cell("바이두", "Organization") == ["baidu"]
    assert res.resolve_cell("바이두의 AI 부문", "Organization") == ["baidu"]
    assert res.resolve_cell("바이두의 창업자", "") == ["baidu"]  # any type asked: the mention stays


def test_a_new_thing_named_in_mixed_korean_is_labelled_in_korean(gaz):
    res, ex = _resolver(gaz)
    [eid] = res.resolve_cell("ZXQ 국부펀드 등", "Organization", create=True)
    rec = ex.entities[eid]
    assert (rec.name_en, rec.name_ko) == ("", "ZXQ 국부펀드 등")  # never a Korean string tagged @en
    [eid] = res.resolve_cell("ZXQ Capital", "Organization", create=True)
    assert (ex.entities[eid].name_en, ex.entities[eid].name_ko) == ("ZXQ Capital", "")
