"""Names of objects in the UI's language.

* :func:`korean_name` — the report's own Korean spelling of an object: its ``rdfs:label@ko``, or
  else the most name-like Korean alias (all Hangul preferred; ``Stargate(스타게이트)`` gives
  ``스타게이트``);
* :func:`display_name` — the name shown: the label in the language asked for; for nodes whose
  label the build generated (``ExportControlEvent: NVIDIA → United States``, several identical)
  a name composed in that language from the node's own facts — *what · when · who* for events,
  *investors → investees* for investments, the parties of a deal.
"""

from __future__ import annotations

import re
from typing import Protocol

import pyoxigraph as ox

from foundation.names import HANGUL, local_name
from foundation.namespaces import PFA
from petaflop.app.records import Entity


class Atlas(Protocol):
    """What naming asks of the graph (:class:`petaflop.app.data.Atlas` is one)."""

    entities: dict[str, Entity]

    def label(self, iri: str, lang: str = "en") -> str: ...

    def values(self, iri: str, prop: str) -> list: ...

    def primary_type(self, iri: str) -> str | None: ...

    def class_label(self, iri: str, lang: str = "en") -> str: ...

_LATIN = re.compile(r"[A-Za-z]")
_PAREN_HANGUL = re.compile(r"\(([\uac00-\ud7a3][\uac00-\ud7a3\s·\d]*)\)")
_GENERATED = re.compile(r"^([A-Z][A-Za-z]+): (.*)$")
DATE_PROPS = (PFA.eventDate, PFA.effectiveDate, PFA.announcedDate)


def korean_name(ent: Entity) -> str:
    """The report's Korean name for an object, or ``""``."""
    if ent.labels.get("ko"):
        return ent.labels["ko"]
    candidates: list[str] = []
    for text, lang in ent.alt:
        if lang != "ko" or not HANGUL.search(text):
            continue
        candidates.append(text.strip())
        candidates.extend(m.group(1).strip() for m in _PAREN_HANGUL.finditer(text))
    if not candidates:
        return ""
    return min(candidates, key=lambda c: (bool(_LATIN.search(c)), "(" in c, len(c), c))


def _generated(ent: Entity) -> str | None:
    """The class local name of a build-generated English label (``Investment: A → B``), if it is one."""
    label = ent.labels.get("en", "")
    m = _GENERATED.match(label)
    if m and any(local_name(t) == m.group(1) for t in ent.types):
        return m.group(1)
    return None


def _names(atlas: Atlas, iris, lang: str, limit: int = 3) -> str:
    names = [atlas.label(i, lang) for i in iris]
    more = len(names) - limit
    return " · ".join(names[:limit]) + (f" +{more}" if more > 0 else "")


def _links(atlas: Atlas, iri: str, local: str) -> list[str]:
    return [v.value for v in atlas.values(iri, PFA[local]) if isinstance(v, ox.NamedNode)
            and v.value in atlas.entities]


def composed_name(atlas: Atlas, ent: Entity, lang: str) -> str | None:
    """A name made in ``lang`` from the node's facts (events, investments, deals), or None."""
    iri = ent.iri
    cls = atlas.primary_type(iri)
    what = atlas.class_label(cls, lang) if cls else ""
    dates = [v.value for p in DATE_PROPS for v in atlas.values(iri, p)]
    if dates:  # an event or measure with a date: what · when · who
        chips = _links(atlas, iri, "concernsChip") + _links(atlas, iri, "appliesToChip")
        who = _links(atlas, iri, "issuedBy")
        parts = [what + (f" ({_names(atlas, chips, lang, 2)})" if chips else ""), min(dates)]
        if who:
            parts.append(_names(atlas, who, lang, 2))
        return " · ".join(parts)
    investors, investees = _links(atlas, iri, "hasInvestor"), _links(atlas, iri, "hasInvestee")
    if investors or investees:
        return f"{what}: {_names(atlas, investors, lang)} → {_names(atlas, investees, lang)}"
    parties = _links(atlas, iri, "hasParty")
    if parties:
        return f"{what}: {_names(atlas, parties, lang)}"
    return None


def display_name(atlas: Atlas, ent: Entity, lang: str) -> str:
    if _generated(ent):
        composed = composed_name(atlas, ent, lang)
        if composed:
            return composed
        generated = _GENERATED.match(ent.labels["en"])
        assert generated is not None  # _generated(ent) matched it
        rest = generated.group(2)
        cls = atlas.primary_type(ent.iri)
        return f"{atlas.class_label(cls, lang)}: {rest}" if cls else rest
    if lang == "ko":
        ko = korean_name(ent)
        if ko:
            return ko
    if ent.labels.get(lang):
        return ent.labels[lang]
    for other in ("en", "ko"):
        if ent.labels.get(other):
            return ent.labels[other]
    if ent.alt:
        return ent.alt[0][0]
    return local_name(ent.iri)
