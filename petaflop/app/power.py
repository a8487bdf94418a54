"""Power: clusters by current and planned power, their on-site assets and grid links, time to power.

An asset is tied to a cluster when the graph says so — ``poweredBy``/``suppliesPowerTo``
(directly or through a phase), or a claim about the cluster that counts the asset (``208
Megapacks``). Assets and clusters that the report only presents together on one slide are
listed separately as *mentioned on the same slide*, so a reader can see what the report
puts side by side without it being asserted as a link.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from foundation.names import local_name
from petaflop.app.data import PFA, Atlas, format_literal

CLUSTER_CLASSES = (PFA.ComputeCluster, PFA.ClusterPhase)
ASSET_CLASSES = (PFA.PowerAsset, PFA.GasTurbine, PFA.BatteryStorage, PFA.FuelCell, PFA.SolarPV,
                 PFA.NuclearPlant, PFA.GridConnection, PFA.Grid, PFA.PowerTechnology,
                 PFA.UtilityOrGridOperator, PFA.DieselGenerator)
ONSITE = PFA.OnSitePowerAsset
CURRENT = PFA.powerCapacityMW
PLANNED = PFA.plannedPowerMW
# literal properties that say when power arrives or how long it takes
TIME_WORDS = ("date", "period", "timetopower", "months", "schedule", "leadtime")


@dataclass
class ClusterPower:
    iri: str
    label: str
    kind: str
    current_mw: float | None
    planned_mw: float | None
    stated: list[tuple[str, float, int | None, bool]]  # (property local name, MW, line, conflicting)
    assets: list[tuple[str, str]] = field(default_factory=list)  # (asset iri, how: link/claim)
    same_slide: list[str] = field(default_factory=list)
    chips: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


@dataclass
class AssetView:
    iri: str
    label: str
    kind: str
    onsite: bool
    grid: bool
    capacity_mw: list[float]
    clusters: list[tuple[str, str]]  # (cluster iri, how)
    facts: list[tuple[str, str]]  # (property label, value) other literal facts


def _members(atlas: Atlas, classes: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for cls in classes:
        out |= atlas.instances_of.get(cls, set())
    return out


def _asset_links(atlas: Atlas, clusters: set[str], assets: set[str]) -> dict[str, list[tuple[str, str]]]:
    """``{cluster: [(asset, how)]}`` from poweredBy/suppliesPowerTo and from counting claims."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for c in clusters:
        for p, _d, other, _ in atlas.links(c):
            if other in assets and p in (PFA.poweredBy, PFA.suppliesPowerTo, PFA.hasPart, PFA.hasPhase):
                out[c].append((other, local_name(p)))
        for claim in atlas.claims(c):
            for item in atlas.values(claim, PFA.countedItem):
                if isinstance(item, ox.NamedNode) and item.value in assets:
                    value = atlas.values(claim, PFA.quantityValue)
                    n = format_literal(value[0]) if value else "?"
                    out[c].append((item.value, f"claim: {n} ×"))
    for c in list(out):
        seen: dict[str, str] = {}
        for a, how in out[c]:
            seen.setdefault(a, how)
        out[c] = list(seen.items())
    return out


def _slides(atlas: Atlas, iris: set[str]) -> dict[str, set[str]]:
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in sorted(iris))
    rows = atlas.backend.select(f"""
        SELECT DISTINCT ?s ?slide WHERE {{
          VALUES ?s {{ {values} }}
          GRAPH pfg:provenance {{ ?st rdf:subject ?s ; prov:wasDerivedFrom ?loc }}
          GRAPH ?g {{ ?loc pfa:slideTitle ?slide }} }}""")
    out: dict[str, set[str]] = defaultdict(set)
    for s, slide in rows:
        out[s.value].add(slide.value)
    return out


def clusters(atlas: Atlas, lang: str = "en") -> list[ClusterPower]:
    """Clusters and phases with any stated power, largest first."""
    cl = _members(atlas, CLUSTER_CLASSES)
    assets = _members(atlas, ASSET_CLASSES)
    links = _asset_links(atlas, cl, assets)
    slides = _slides(atlas, cl | assets)
    out = []
    for c in cl:
        stated = []
        for st in atlas.statements(c):
            if st.p in (CURRENT, PLANNED) and isinstance(st.o, ox.Literal):
                stated.append((local_name(st.p), float(st.o.value), st.line, st.conflicting))
        cur, plan = atlas.numbers(c, CURRENT), atlas.numbers(c, PLANNED)
        linked_assets = links.get(c, [])
        tied = {a for a, _ in linked_assets}
        same = sorted((a for a in assets if a not in tied and slides.get(a, set()) & slides.get(c, set())),
                      key=lambda a: atlas.label(a, lang).casefold())
        cls = atlas.primary_type(c)
        out.append(ClusterPower(
            c, atlas.label(c, lang), atlas.class_label(cls, lang) if cls else "",
            max(cur) if cur else None, max(plan) if plan else None,
            sorted(set(stated), key=lambda s: (s[0], -s[1], s[2] or 0)), linked_assets, same,
            [v.value for v in atlas.values(c, PFA.usesChip) if isinstance(v, ox.NamedNode)],
            [v.value for v in atlas.values(c, PFA.locatedIn) if isinstance(v, ox.NamedNode)]))
    out.sort(key=lambda c: (-(max(c.current_mw or 0, c.planned_mw or 0)), c.label.casefold()))
    return out


def assets(atlas: Atlas, lang: str = "en") -> list[AssetView]:
    """On-site assets, grid connections, grids and power technologies, with what they power."""
    cl = _members(atlas, CLUSTER_CLASSES)
    items = _members(atlas, ASSET_CLASSES)
    links = _asset_links(atlas, cl, items)
    by_asset: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for c, pairs in links.items():
        for a, how in pairs:
            by_asset[a].append((c, how))
    out = []
    for a in items:
        ent = atlas.entities[a]
        types = ent.types | ent.inferred_types
        cls = atlas.primary_type(a)
        facts = []
        for e in atlas.edges_out(a):
            if isinstance(e.o, ox.Literal) and e.p.startswith(PFA) and e.p != CURRENT:
                facts.append((atlas.prop_label(e.p, lang), format_literal(e.o, atlas.unit(e.p), lang)))
        out.append(AssetView(a, atlas.label(a, lang), atlas.class_label(cls, lang) if cls else "",
                             ONSITE in types, bool(types & {PFA.GridConnection, PFA.Grid}),
                             atlas.numbers(a, CURRENT), sorted(by_asset.get(a, [])), facts))
    out.sort(key=lambda v: (not v.clusters, v.kind, v.label.casefold()))
    return out


def time_to_power(atlas: Atlas, lang: str = "en") -> list[dict]:
    """Every stated date or duration on clusters, phases and power assets ("where stated")."""
    rows = []
    for i in sorted(_members(atlas, CLUSTER_CLASSES + ASSET_CLASSES)):
        for e in atlas.edges_out(i):
            if not isinstance(e.o, ox.Literal) or not e.p.startswith(PFA):
                continue
            name = local_name(e.p).casefold()
            if any(w in name for w in TIME_WORDS):
                sts = atlas.statements_for(i, e.p, e.o)
                rows.append({"object": atlas.label(i, lang), "id": i, "property": atlas.prop_label(e.p, lang),
                             "value": format_literal(e.o, atlas.unit(e.p), lang),
                             "line": sts[0].line if sts else None})
    return rows
