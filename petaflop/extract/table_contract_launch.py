"""A contract-table row that launches a named product: "'<gloss>(<Name>)'를 출시" — the row's date is
when that product was announced, not a date of the deal (the deal is the launch's setting; the row
says what came out). The product is the one the quoted name resolves to (the last one named in the
quote: a parenthesis after a gloss gives the official name); a launch of an unnamed thing ("AI 기반
플랫폼을 출시") or of a quote naming no product leaves the row's date with the deal.
Rule ``table:contracts:launch:announcedDate``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from foundation.periods import Period
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver

_LAUNCHED = re.compile(r"['‘“\"]([^'’”\"]{2,80})['’”\"]\s?(?:을|를)\s?(?:새로\s?|공동\s?)?(?:출시|공개|발표)")
_PRODUCTS = ("AIProduct", "SoftwarePlatform", "AIModel", "Hardware")


def launched_product(res: Resolver, desc: str) -> str:
    """The product a row's description says was launched ('<name>'를 출시), else ""."""
    m = _LAUNCHED.search(desc)
    if m is None:
        return ""
    found = [e for e in res.entities_in(m.group(1)) if any(is_a(e.type, t) for t in _PRODUCTS)]
    return res.record(found[-1]) if found else ""


def date_launch(ex: Extraction, product: str, period: Period, loc: Location, sources: tuple[str, ...],
                raw: str) -> None:
    ex.statements.append(Statement(product, "announcedDate", loc, "table:contracts:launch:announcedDate",
                                   time=period, sources=sources, raw=raw[:60]))
