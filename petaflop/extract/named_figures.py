"""Figures a name carries in its own words: a grid connection the report names by its voltage
("REE 110 kV 노드", "Statnett 420 kV 루프 증설", "4×400 kV 변전소 증설") states that voltage
(``gridVoltage``), read from the words of the mention in the text — never from the gazetteer.

A connection written as new or enlarged ("증설", "신규", "신설") is planned; else it is actual.
One rule, ``text:name-figure:voltage``, so the precision gate judges the construction alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.gazetteer import Entity, Gazetteer
from petaflop.extract.resolve import is_a

RULE = "text:name-figure:voltage"
_CARRIERS = ("GridConnection", "Grid")
# one voltage in the mention's words: "110 kV", "420kV" (not a figure inside a longer number)
_KV = re.compile(r"(?<![\d.,×x])(\d{2,4}(?:\.\d+)?)\s?kV(?![A-Za-z])")
# words that make the connection one still to be built
_PLANNED = re.compile(r"증설|신규|신설|건설\s?예정")


def read_named_figures(gaz: Gazetteer, ex: Extraction, text: str, loc: Location,
                       record: Callable[[Entity], str]) -> None:
    """The voltage of each grid connection whose mention in ``text`` names exactly one voltage."""
    try:
        mentions = gaz.find_mentions(text)
    except Exception:  # an extractor never raises on odd text
        return
    for m in mentions:
        ent = gaz.by_id(m.entity_id)
        if not any(is_a(ent.type, t) for t in _CARRIERS):
            continue
        words = text[m.start:m.end]
        volts = _KV.findall(words)
        if len(volts) != 1:
            continue
        status = "planned" if _PLANNED.search(text[m.start:m.end + 8]) else "actual"
        ex.statements.append(Statement(record(ent), "gridVoltage", loc, RULE, value=Decimal(volts[0]),
                                       unit="kV", status=status, raw=words[:60]))
