"""prefixed_homes (adjacent_home.py) with a stub gazetteer of invented names: an organisation whose name
is spelt with its country in front is based in that country; a government body, or a name whose rest
is not the organisation's own name, says nothing of a home."""

from __future__ import annotations

from dataclasses import dataclass

from petaflop.extract.adjacent_home import prefixed_homes
from petaflop.extract.gazetteer import Mention


@dataclass
class _E:
    id: str
    type: str


class _Gaz:
    def __init__(self) -> None:
        self.names = {"Freedonia": _E("freedonia", "Country"), "Acme": _E("acme", "Firm"),
                      "Bureau": _E("bureau", "GovernmentBody")}

    def lookup(self, text):
        return self.names.get(text)

    def by_id(self, eid):
        return next((e for e in self.names.values() if e.id == eid), None)


def _pairs(text: str, eid: str) -> list[tuple[str, str]]:
    start = text.index("Freedonia")
    end = text.index(" 사", start) if " 사" in text else len(text)
    m = Mention(eid, start, end, text[start:end])
    return [(o.id, c.id) for o, c in prefixed_homes(text, [m], _Gaz())]


def test_a_name_spelt_with_its_country_in_front():
    assert _pairs("Freedonia Acme 사", "acme") == [("acme", "freedonia")]


def test_a_government_body_or_another_name_after_the_country_gives_no_home():
    assert _pairs("Freedonia Bureau 사", "bureau") == []
    assert _pairs("Freedonia Widgets 사", "acme") == []
