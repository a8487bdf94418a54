"""Country prefix: Korean writes an organisation's home country right before its name, with only a
space between ("미국 도로교통안전국(NHTSA)", "중국 바이두"): the country is where the organisation is
based (``headquarteredIn``, rule ``adjacent:country-prefix-org``).

The country must be the bare name (not a genitive "미국의", which often names a market), the
organisation must follow at once, and a name that is itself followed by a word glued to it
("중국 엔비디아 매출") still counts: the prefix reads the same way.  A person, a country or a
bloc after the country is not an organisation and is skipped, and so is an organisation cited for
its data ("영국 Adzuna 데이터에 따르면": the country qualifies the data).
"""

from __future__ import annotations

import re

from petaflop.extract.resolve import is_a

RULE = "adjacent:country-prefix-org"


#: the organisation cited as a source of data: "영국 Adzuna 데이터에 따르면" — the country is the data's
_CITED = re.compile(r"\s?(?:의\s?)?(?:데이터|자료|통계|조사|집계|보고서)|\s?에\s?따르면")


def country_prefix_org(gap: str, first_type: str, second_type: str, after: str = "") -> bool:
    """True when a country name is followed, after one space, by an organisation's name — not one
    cited for its data ("영국 Adzuna 데이터에 따르면": the UK data of a source, ``after`` the name)."""
    return (gap == " " and is_a(first_type, "Country") and is_a(second_type, "Organization")
            and not _CITED.match(after))
