"""Country prefix: Korean writes an organisation's home country right before its name, with only a
space between ("미국 도로교통안전국(NHTSA)", "중국 바이두"): the country is where the organisation is
based (``headquarteredIn``, rule ``adjacent:country-prefix-org``).

The country must be the bare name (not a genitive "미국의", which often names a market), the
organisation must follow at once, and a name that is itself followed by a word glued to it
("중국 엔비디아 매출") still counts: the prefix reads the same way.  A person, a country or a
bloc after the country is not an organisation and is skipped. Nor is an organisation cited as a source
of figures ("영국 Adzuna 데이터에 따르면"): there the country scopes the data, not the organisation.
"""

from __future__ import annotations

import re

from petaflop.extract.resolve import is_a

RULE = "adjacent:country-prefix-org"
#: the organisation named as the source of figures: "… 데이터에 따르면", "… 통계", "… 조사 결과"
_DATA_SOURCE = re.compile(r"\s?(?:의\s)?(?:데이터|자료|통계|조사|집계|설문|보고서|리포트)")


def country_prefix_org(gap: str, first_type: str, second_type: str, after: str = "") -> bool:
    """True when a country name is followed, after one space, by an organisation's name — not one
    that names a source of data ("영국 Adzuna 데이터에 따르면": the country scopes the data)."""
    return gap == " " and is_a(first_type, "Country") and is_a(second_type, "Organization") \
        and not _DATA_SOURCE.match(after)


def prefixed_homes(text: str, mentions: list, gaz) -> list[tuple]:
    """"UAE MGX": an organisation's name spelt with its country in front (the gazetteer
    matched both words as one name) — the same prefix, read from inside the name: (organisation, country)
    pairs, when the words after the country are themselves the organisation's name."""
    out = []
    for m in mentions:
        org = gaz.by_id(m.entity_id)
        head, sep, rest = text[m.start:m.end].partition(" ")
        if not sep or org is None or not is_a(org.type, "Organization") or is_a(org.type, "Country") \
                or is_a(org.type, "GovernmentBody"):  # "美 상무부": a country's own agency is part of it, not based in it
            continue
        country, named = gaz.lookup(head), gaz.lookup(rest)
        if country is not None and is_a(country.type, "Country") and named is not None and named.id == org.id:
            out.append((org, country))
    return out
