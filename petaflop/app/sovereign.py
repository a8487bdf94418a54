"""Sovereign AI & alliances: who puts money, chips and power where, by country and bloc.

*Flows* come from the graph: ``pfa:Investment`` nodes (investor → investee, amount, form,
status), ``pfa:Deal``/``Contract``/``Partnership`` nodes (their parties, amount, sector; a party
that is a country is the deal's host, the others flow to it), and direct ``investsIn``/
``fundedBy`` links. Each end is placed in a country by the graph — from any graph present,
the reference layer included: a ``Country`` itself, ``locatedIn``/``headquarteredIn`` a
country or a place ``partOf`` one —, then by the display data of ``geo.json`` (the country a
region or site lies in), then, for a state body or fund, by a country named in its name.

A deal is one amount however many parties it has: :func:`country_totals` and
:func:`total_usd` count each deal (each investment node, each funding link) once.
Blocs are the graph's alliances and initiatives with their members (``memberOf``/
``hasMember``), plus the display groupings of ``geo.json``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from foundation.names import norm_name
from petaflop.app.data import PFA, PFID, Atlas, slug

GEO_FILE = Path(__file__).with_name("geo.json")
COUNTRY = PFA.Country
BLOC_CLASSES = (PFA.Alliance, PFA.SovereignAIInitiative)
STATE_CLASSES = (PFA.SovereignWealthFund, PFA.GovernmentBody)
DEAL_CLASSES = (PFA.Deal, PFA.Contract, PFA.Partnership, PFA.Acquisition)
CLUSTER_CLASSES = (PFA.ComputeCluster, PFA.ClusterPhase)
PLACE_LINKS = (PFA.locatedIn, PFA.headquarteredIn)
FOCUS = {
    "us-gulf": ("united-states", "saudi-arabia", "united-arab-emirates", "qatar"),
    "europe": None,  # every country whose display bloc is Europe
    "china": ("china",),
}
GULF = ("saudi-arabia", "united-arab-emirates", "qatar")


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


def _country_names(atlas: Atlas) -> list[tuple[str, str]]:
    """``(normalised name, country IRI)`` for every name of every country, longest first."""
    cached = atlas.__dict__.get("_country_names")
    if cached is None:
        pairs = set()
        for c in atlas.instances_of.get(COUNTRY, ()):
            for name in atlas.all_names(c):
                key = norm_name(name)
                if len(key) >= 2:
                    pairs.add((key, c))
        cached = atlas.__dict__["_country_names"] = sorted(pairs, key=lambda p: (-len(p[0]), p))
    return cached


def country_of(atlas: Atlas, iri: str, _depth: int = 0) -> str | None:
    """The country (pfid IRI) an object is in: graph links, display data, then a state's own name."""
    ent = atlas.entities.get(iri)
    if ent is None or _depth > 4:
        return None
    if COUNTRY in ent.types or COUNTRY in ent.inferred_types:
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
    if (ent.types | ent.inferred_types) & set(STATE_CLASSES):
        names = [norm_name(n) for n in atlas.all_names(iri)]
        for key, c in _country_names(atlas):
            if any(n.startswith(key) for n in names):
                return c
    return None


def position(atlas: Atlas, country: str) -> tuple[float, float] | None:
    """``(lat, lon)`` of a country on the map: geo.json, else the centre of its shape."""
    place = geo().get(slug(country))
    if place:
        return place["lat"], place["lon"]
    from petaflop.app import world

    feature = world.feature_for(atlas.all_names(country))
    return world.centroid(feature) if feature else None


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
    unverified: bool = False  # a link the extraction kept as an unverified claim (below its precision gate)
    planned: bool = False  # pledged or planned (pfa:plannedAmountUSD, or a party named by a link statement)

    def countries(self) -> set[str]:
        return {c for c in (self.source_country, self.target_country) if c}

    @property
    def key(self) -> str:
        """What the amount belongs to: the deal or investment node, else the funding link."""
        return self.node or f"{self.source}>{self.target}"


def _texts(atlas: Atlas, iri: str, local: str) -> str:
    return "; ".join(v.value for v in atlas.values(iri, PFA[local]) if isinstance(v, ox.Literal))


def _links(atlas: Atlas, iri: str, local: str) -> list[str]:
    return [v.value for v in atlas.values(iri, PFA[local]) if isinstance(v, ox.NamedNode)]


def _parties(atlas: Atlas, iri: str, local: str) -> list[tuple[str, bool]]:
    """A deal's ends by ``local`` (hasInvestor, hasInvestee, hasParty): ``(party, not actual)`` — the plain
    links, then those a link statement names (a pledged deal's parties are planned)."""
    out = [(o, False) for o in _links(atlas, iri, local)]
    seen = {o for o, _ in out}
    for p_, d, o, _status, _node in atlas.stated_links(iri):
        if d == "out" and p_ == PFA[local] and o not in seen:
            out.append((o, True))
            seen.add(o)
    return out


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


def _amount(atlas: Atlas, node: str) -> tuple[float | None, bool]:
    """The largest amount stated as paid, else the largest pledged or planned; and whether it is planned."""
    if paid := atlas.numbers(node, PFA.amountUSD):
        return max(paid), False
    planned = atlas.numbers(node, PFA.plannedAmountUSD)
    return (max(planned), True) if planned else (None, False)


def _line(atlas: Atlas, node: str, prop: str) -> int | None:
    """The first report line of ``node``'s ``prop`` link, else of its link statements (a pledged deal's parties)."""
    for wanted in (prop, PFA.linkStatement):
        for st in atlas.statements(node):
            if st.p == wanted and st.line is not None:
                return st.line
    return None


def flows(atlas: Atlas) -> list[Flow]:
    """Every money flow the graph states (see module docstring), with countries attached."""
    cached = atlas.__dict__.get("_flows")
    if cached is not None:
        return cached
    out: list[Flow] = []
    investments = atlas.instances_of.get(PFA.Investment, set())
    done: set[str] = set()
    for node in sorted(investments):
        amount, planned = _amount(atlas, node)
        investees = _parties(atlas, node, "hasInvestee") or [(None, False)]
        detail = "; ".join(x for x in (_texts(atlas, node, "investorRole"), _texts(atlas, node, "investmentForm"),
                                       _texts(atlas, node, "status")) if x)
        for investor, pledged in _parties(atlas, node, "hasInvestor"):
            for investee, pledged_to in investees:
                chips, power = _chips_power(atlas, [node, *([investee] if investee else [])])
                out.append(Flow("investment", node, investor, investee, amount,
                                _texts(atlas, node, "sector"), detail, chips, power,
                                _line(atlas, node, PFA.hasInvestor), planned=planned or pledged or pledged_to))
    for cls in DEAL_CLASSES:
        for node in sorted(atlas.instances_of.get(cls, set()) - investments):
            stated = _parties(atlas, node, "hasParty")
            parties, pledged = [p for p, _ in stated], {p for p, not_actual in stated if not_actual}
            if not parties or node in done:
                continue
            done.add(node)
            amount, planned = _amount(atlas, node)
            chips, power = _chips_power(atlas, [node])
            detail = _texts(atlas, node, "dealKind")
            hosts = [p for p in parties if p in atlas.entities and COUNTRY in atlas.entities[p].types]
            host = hosts[0] if len(hosts) == 1 else None
            for party in parties:
                if party == host:
                    continue
                out.append(Flow("deal", node, party, host, amount, _texts(atlas, node, "sector"), detail, chips,
                                power, _line(atlas, node, PFA.hasParty), planned=planned or party in pledged))
    seen = {(f.source, f.target) for f in out}
    for s, edges in atlas.out.items():
        for e in edges:
            if e.p == PFA.investsIn and e.is_link and not e.inferred and (s, e.target) not in seen:
                amount, planned = _amount(atlas, s)
                chips, power = _chips_power(atlas, [e.target])
                out.append(Flow("funding", None, s, e.target, amount, "", "", chips, power, planned=planned))
                seen.add((s, e.target))
            elif e.p == PFA.fundedBy and e.is_link and not e.inferred and (e.target, s) not in seen:
                chips, power = _chips_power(atlas, [s])
                out.append(Flow("funding", None, e.target, s, None, "", "", chips, power))
                seen.add((e.target, s))
    for claim in sorted(atlas.instances_of.get(PFA.Claim, ())):
        props = _links(atlas, claim, "claimedProperty")
        about, objects = _links(atlas, claim, "claimAbout"), _links(atlas, claim, "claimedObject")
        if not props or not about or not objects or props[0] not in (PFA.investsIn, PFA.fundedBy):
            continue
        source, target = (about[0], objects[0]) if props[0] == PFA.investsIn else (objects[0], about[0])
        if (source, target) in seen or source not in atlas.entities or target not in atlas.entities:
            continue
        seen.add((source, target))
        chips, power = _chips_power(atlas, [target])
        out.append(Flow("funding", None, source, target, None, "", "", chips, power, unverified=True))
    for f in out:
        f.source_country = country_of(atlas, f.source)
        f.target_country = country_of(atlas, f.target) if f.target else None
    atlas.__dict__["_flows"] = out
    return out


def blocs(atlas: Atlas, lang: str = "en") -> dict[str, tuple[str, set[str]]]:
    """Bloc filters: ``{key: (label, member countries)}`` — the graph's alliances and initiatives
    with at least one member placed in a country, and the display blocs of geo.json."""
    out: dict[str, tuple[str, set[str]]] = {}
    for cls in BLOC_CLASSES:
        for b in sorted(atlas.instances_of.get(cls, set())):
            members = set()
            for p, _, other, _ in atlas.links(b):
                if p in (PFA.memberOf, PFA.hasMember):
                    c = country_of(atlas, other)
                    if c:
                        members.add(c)
            if members:
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


def total_usd(items: list[Flow]) -> float:
    """The stated amounts of the flows, each deal or investment counted once."""
    amounts: dict[str, float] = {}
    for f in items:
        if f.amount_usd:
            amounts[f.key] = max(amounts.get(f.key, 0.0), f.amount_usd)
    return sum(amounts.values())


def country_totals(items: list[Flow]) -> dict[str, dict]:
    """Per country: flows, amounts received and sent (each deal once per country and side), chips, power."""
    totals: dict[str, dict] = defaultdict(lambda: {"in_usd": 0.0, "out_usd": 0.0, "flows": 0, "chips": set(),
                                                   "power_mw": 0.0, "_seen": set()})
    for f in items:
        for c, side in ((f.source_country, "out_usd"), (f.target_country, "in_usd")):
            if not c:
                continue
            t = totals[c]
            t["flows"] += 1
            if f.amount_usd and (f.key, side) not in t["_seen"]:
                t["_seen"].add((f.key, side))
                t[side] += f.amount_usd
                if f.power_mw:
                    t["power_mw"] += f.power_mw
            t["chips"].update(f.chips)
    for t in totals.values():
        del t["_seen"]
    return dict(totals)


def arcs(atlas: Atlas, items: list[Flow]) -> list[dict]:
    """One arc per (source country, target country): amounts summed (each deal once), flows counted."""
    by_pair: dict[tuple[str, str], dict] = {}
    for f in items:
        a, b = f.source_country, f.target_country
        if not a or not b or a == b:
            continue
        arc = by_pair.setdefault((a, b), {"source": a, "target": b, "usd": {}, "flows": 0})
        arc["flows"] += 1
        if f.amount_usd:
            arc["usd"][f.key] = max(arc["usd"].get(f.key, 0.0), f.amount_usd)
    out = []
    for arc in by_pair.values():
        arc["usd"] = sum(arc["usd"].values())
        out.append(arc)
    return sorted(out, key=lambda r: (-r["usd"], r["source"], r["target"]))


def stack(atlas: Atlas, countries: set[str]) -> dict[str, list[str]]:
    """A country's own stack: clusters located there, organisations headquartered there, and the
    chips those organisations design or make (by the graph's links)."""
    out: dict[str, list[str]] = {"clusters": [], "organisations": [], "chips": []}
    for i in sorted({i for cls in CLUSTER_CLASSES for i in atlas.instances_of.get(cls, ())}):
        if country_of(atlas, i) in countries:
            out["clusters"].append(i)
    orgs = []
    for i in sorted(atlas.instances_of.get(PFA.Organization, ())):
        if atlas.is_aux(i):
            continue
        if any(country_of(atlas, v.value) in countries for v in atlas.values(i, PFA.headquarteredIn)
               if isinstance(v, ox.NamedNode)) or country_of(atlas, i) in countries:
            orgs.append(i)
    out["organisations"] = orgs
    chips = set()
    for org in orgs:
        for _p, _, other, _ in atlas.links(org):
            if atlas.entities.get(other) and PFA.Chip in (atlas.entities[other].types | atlas.entities[other].inferred_types):
                chips.add(other)
    out["chips"] = sorted(chips)
    return out


def places_in(atlas: Atlas, countries: set[str], classes: tuple[str, ...] = CLUSTER_CLASSES) -> list[str]:
    """Objects of ``classes`` located in one of ``countries``."""
    out = []
    for cls in classes:
        for i in atlas.instances_of.get(cls, set()):
            if country_of(atlas, i) in countries and i not in out:
                out.append(i)
    return sorted(out, key=lambda i: atlas.label(i).casefold())
