"""Sovereign AI & alliances: who puts money, chips and power where, by country and bloc.

*Flows* come from the graph: ``pfa:Investment`` nodes (investor → investee, amount, form,
status), ``pfa:Deal``/``Contract``/``Partnership`` nodes (their parties, amount, sector),
and direct ``investsIn``/``fundedBy`` links of funds and states. Each end is placed in a
country by the graph (a ``Country`` itself; ``locatedIn``/``headquarteredIn`` a country or a
region ``partOf`` one) or, for a region or site without that link, by the display data in
``geo.json`` (coordinates, the country a region lies in, a display bloc). Chips and power
"flowing through" a flow are those of the clusters it reaches (``usesChip``, power in MW)
and the chips a deal names (``involvesChip``/``procures``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from petaflop.app.data import PFA, PFID, Atlas, slug

GEO_FILE = Path(__file__).with_name("geo.json")
COUNTRY = PFA.Country
BLOC_CLASSES = (PFA.Alliance, PFA.SovereignAIInitiative)
FUND_CLASSES = (PFA.SovereignWealthFund, PFA.GovernmentBody)
DEAL_CLASSES = (PFA.Deal, PFA.Contract, PFA.Partnership, PFA.Acquisition)
CLUSTER_CLASSES = (PFA.ComputeCluster, PFA.ClusterPhase)
PLACE_LINKS = (PFA.locatedIn, PFA.headquarteredIn)
FOCUS = {
    "us-gulf": ("united-states", "saudi-arabia", "united-arab-emirates", "qatar"),
    "europe": None,  # every place whose display bloc is Europe
    "china": ("china",),
}


@lru_cache(maxsize=1)
def geo() -> dict[str, dict]:
    """Display data: ``{slug: {"lat", "lon", "country"?, "bloc"?}}`` (see geo.json's ``_about``)."""
    return json.loads(GEO_FILE.read_text(encoding="utf-8"))["places"]


def bloc_of_country(country_slug: str) -> str:
    return geo().get(country_slug, {}).get("bloc", "")


def focus_countries(name: str) -> list[str]:
    if name == "europe":
        return sorted(k for k, v in geo().items() if v.get("bloc") == "Europe" and "country" not in v)
    return list(FOCUS.get(name) or ())


def country_of(atlas: Atlas, iri: str, _depth: int = 0) -> str | None:
    """The country (pfid IRI) an object is in, by the graph first, then the display data."""
    ent = atlas.entities.get(iri)
    if ent is None or _depth > 3:
        return None
    if COUNTRY in ent.types:
        return iri
    for prop in (*PLACE_LINKS, PFA.partOf):
        for v in atlas.values(iri, prop):
            if isinstance(v, ox.NamedNode):
                c = country_of(atlas, v.value, _depth + 1)
                if c:
                    return c
    place = geo().get(slug(iri), {})
    if place.get("country"):
        return PFID + place["country"]
    return None


@dataclass
class Flow:
    kind: str  # "investment", "deal", "funding"
    node: str | None  # the Investment/Deal node, if any
    source: str
    target: str | None
    amount_usd: float | None = None
    sector: str = ""
    detail: str = ""
    chips: list[str] = field(default_factory=list)
    power_mw: float | None = None
    line: int | None = None
    source_country: str | None = None
    target_country: str | None = None

    def countries(self) -> set[str]:
        return {c for c in (self.source_country, self.target_country) if c}


def _texts(atlas: Atlas, iri: str, local: str) -> str:
    return "; ".join(v.value for v in atlas.values(iri, PFA[local]) if isinstance(v, ox.Literal))


def _links(atlas: Atlas, iri: str, local: str) -> list[str]:
    return [v.value for v in atlas.values(iri, PFA[local]) if isinstance(v, ox.NamedNode)]


def _chips_power(atlas: Atlas, iris: list[str]) -> tuple[list[str], float | None]:
    chips: dict[str, None] = {}
    power = []
    for i in iris:
        for prop in ("usesChip", "involvesChip", "procures"):
            for c in _links(atlas, i, prop):
                chips.setdefault(c, None)
        ent = atlas.entities.get(i)
        if ent and (ent.types | ent.inferred_types) & set(CLUSTER_CLASSES):
            power += atlas.numbers(i, PFA.powerCapacityMW) + atlas.numbers(i, PFA.plannedPowerMW)
    return list(chips), (max(power) if power else None)


def _line(atlas: Atlas, node: str, prop: str) -> int | None:
    for st in atlas.statements(node):
        if st.p == prop and st.line is not None:
            return st.line
    return None


def flows(atlas: Atlas) -> list[Flow]:
    """Every money flow the graph states (see module docstring), with countries attached."""
    out: list[Flow] = []
    investments = atlas.instances_of.get(PFA.Investment, set())
    done: set[str] = set()
    for node in sorted(investments):
        amounts = atlas.numbers(node, PFA.amountUSD)
        investees = _links(atlas, node, "hasInvestee") or [None]
        detail = "; ".join(x for x in (_texts(atlas, node, "investorRole"), _texts(atlas, node, "investmentForm"),
                                       _texts(atlas, node, "status")) if x)
        for investor in _links(atlas, node, "hasInvestor"):
            for investee in investees:
                chips, power = _chips_power(atlas, [node, *([investee] if investee else [])])
                out.append(Flow("investment", node, investor, investee, max(amounts) if amounts else None,
                                _texts(atlas, node, "sector"), detail, chips, power,
                                _line(atlas, node, PFA.hasInvestor)))
    for cls in DEAL_CLASSES:
        for node in sorted(atlas.instances_of.get(cls, set()) - investments):
            parties = _links(atlas, node, "hasParty")
            if not parties or node in done:
                continue
            done.add(node)
            amounts = atlas.numbers(node, PFA.amountUSD)
            chips, power = _chips_power(atlas, [node])
            detail = _texts(atlas, node, "dealKind")
            for party in parties:
                out.append(Flow("deal", node, party, None, max(amounts) if amounts else None,
                                _texts(atlas, node, "sector"), detail, chips, power, _line(atlas, node, PFA.hasParty)))
    seen = {(f.source, f.target) for f in out}
    for s, edges in atlas.out.items():
        for e in edges:
            if e.p == PFA.investsIn and e.is_link and not e.inferred and (s, e.target) not in seen:
                amounts = atlas.numbers(s, PFA.amountUSD)
                chips, power = _chips_power(atlas, [e.target])
                out.append(Flow("funding", None, s, e.target, max(amounts) if amounts else None, "", "",
                                chips, power))
                seen.add((s, e.target))
            elif e.p == PFA.fundedBy and e.is_link and not e.inferred and (e.target, s) not in seen:
                chips, power = _chips_power(atlas, [s])
                out.append(Flow("funding", None, e.target, s, None, "", "", chips, power))
                seen.add((e.target, s))
    for f in out:
        f.source_country = country_of(atlas, f.source)
        f.target_country = country_of(atlas, f.target) if f.target else None
    return out


def blocs(atlas: Atlas, lang: str = "en") -> dict[str, tuple[str, set[str]]]:
    """Bloc filters: ``{key: (label, member countries)}`` — the graph's alliances and initiatives
    (members through ``memberOf``/``hasMember`` links) and the display blocs of geo.json."""
    out: dict[str, tuple[str, set[str]]] = {}
    for cls in BLOC_CLASSES:
        for b in sorted(atlas.instances_of.get(cls, set())):
            members = set()
            for p, _, other, _ in atlas.links(b):
                if p in (PFA.memberOf, PFA.hasMember):
                    c = country_of(atlas, other)
                    if c:
                        members.add(c)
            out[slug(b)] = (atlas.label(b, lang), members)
    by_display: dict[str, set[str]] = defaultdict(set)
    for key, place in geo().items():
        if place.get("bloc") and "country" not in place:
            by_display[place["bloc"]].add(PFID + key)
    for name, members in sorted(by_display.items()):
        out["display:" + name] = (name, members)
    return out


def filter_flows(items: list[Flow], countries: set[str] | None, bloc_entities: set[str] | None = None) -> list[Flow]:
    """Flows touching any of ``countries`` or naming one of ``bloc_entities`` (None: no filter)."""
    if not countries and not bloc_entities:
        return list(items)
    countries = countries or set()
    bloc_entities = bloc_entities or set()
    return [f for f in items if f.countries() & countries or {f.source, f.target, f.node} & bloc_entities]


def country_totals(items: list[Flow]) -> dict[str, dict]:
    """Per country: flows, the sum of stated amounts received and sent, chips and power reached."""
    totals: dict[str, dict] = defaultdict(lambda: {"in_usd": 0.0, "out_usd": 0.0, "flows": 0, "chips": set(),
                                                   "power_mw": 0.0})
    for f in items:
        for c, side in ((f.source_country, "out_usd"), (f.target_country, "in_usd")):
            if not c:
                continue
            t = totals[c]
            t["flows"] += 1
            if f.amount_usd:
                t[side] += f.amount_usd
            t["chips"].update(f.chips)
            if f.power_mw:
                t["power_mw"] += f.power_mw
    return dict(totals)


def places_in(atlas: Atlas, countries: set[str], classes: tuple[str, ...] = CLUSTER_CLASSES) -> list[str]:
    """Objects of ``classes`` located in one of ``countries`` (the country's own stack)."""
    out = []
    for cls in classes:
        for i in atlas.instances_of.get(cls, set()):
            if country_of(atlas, i) in countries and i not in out:
                out.append(i)
    return sorted(out, key=lambda i: atlas.label(i).casefold())
