"""Search Around: a canvas of objects that grows link by link, rebuilt from its address; shortest paths.

* :func:`entity_graph` — the objects and their links as a networkx ``MultiDiGraph`` (auxiliary
  nodes and ontology terms left out; a link and its inverse count once);
* :class:`Canvas` — what the analyst has on screen: objects with fixed positions, one edge per
  relation (a link and its inverse merged, the direction kept), and *group* nodes standing in
  for fan-outs over the cap (``+37 · uses chip``). A node's position is computed once, when it
  appears, and never changes, so expanding never moves what is already drawn;
* :func:`replay` — a canvas from its operations (``seed``, then ``x:slug`` expand,
  ``x2:slug`` expand two hops, ``m:slug|link|dir`` show the next of a group, ``c:slug``
  collapse). The operations are the canvas's URL state, so a permalink redraws the same canvas;
* :func:`elements` — the canvas as Cytoscape elements (hidden objects, excluded types and link
  types left out; pinned positions applied), plus its legend. Links the report states as planned,
  a target, a forecast or an estimate (link statements) are followed when expanding and drawn
  dashed, their status in the label and tooltip ("owns (planned)"); an actual link wins;
* :func:`shortest_paths` — networkx over the undirected view, each step with its triple.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from foundation.names import local_name
from petaflop.app.data import Atlas, Statement, iri_of, slug

GROUP_COLORS = {
    "organisations": "#4e79a7", "hardware": "#f28e2b", "facilities": "#e15759", "energy": "#76b7b2",
    "policy": "#59a14f", "geography": "#edc948", "deals": "#b07aa1", "models": "#ff9da7",
    "sources": "#9c755f", "other": "#bab0ac",
}
GROUP_SHAPES = {
    "organisations": "ellipse", "hardware": "round-diamond", "facilities": "round-rectangle", "energy": "round-triangle",
    "policy": "round-octagon", "geography": "diamond", "deals": "round-hexagon", "models": "round-pentagon",
    "sources": "round-tag", "other": "ellipse",
}
PLANNED_COLOR = "#8e6cc8"  # link statements (planned, target, forecast, estimate): the canvas draws them dashed
RADIUS = 230.0
MAX_NODES = 400
MAX_OPS = 60


def entity_graph(atlas: Atlas) -> nx.MultiDiGraph:
    """Every object (but auxiliary nodes) and every link between two of them; built once per Atlas."""
    cached = getattr(atlas, "_nx_graph", None)
    if cached is not None:
        return cached
    g = nx.MultiDiGraph()
    for iri in atlas.entities:
        if not atlas.is_aux(iri):
            g.add_node(iri)
    for iri in list(g.nodes):
        for p, direction, other, inferred in atlas.links(iri):
            if other not in g:
                continue
            s, o = (iri, other) if direction == "out" else (other, iri)
            g.add_edge(s, o, key=p, inferred=inferred)
    atlas._nx_graph = g
    return g


def _undirected(atlas: Atlas) -> nx.Graph:
    cached = getattr(atlas, "_nx_undirected", None)
    if cached is not None:
        return cached
    g = nx.Graph()
    for s, o, p, data in entity_graph(atlas).edges(keys=True, data=True):
        if g.has_edge(s, o):
            g[s][o]["triples"].append((s, p, o, data["inferred"]))
        else:
            g.add_edge(s, o, triples=[(s, p, o, data["inferred"])])
    atlas._nx_undirected = g
    return g


@dataclass
class PathStep:
    s: str
    p: str
    o: str
    inferred: bool
    forward: bool  # True when the path walks s → o
    statements: list[Statement] = field(default_factory=list)


def shortest_paths(atlas: Atlas, a: str, b: str, max_paths: int = 3) -> list[list[PathStep]]:
    """Up to ``max_paths`` shortest paths between two objects, each link with its provenance.

    Links are walked in either direction; between two consecutive objects the asserted link
    is preferred to an inferred one. An empty list means the two are not connected.
    """
    g = _undirected(atlas)
    if a not in g or b not in g:
        return []
    if a == b:
        return [[]]
    try:
        paths = list(itertools.islice(nx.all_shortest_paths(g, a, b), max_paths))
    except nx.NetworkXNoPath:
        return []
    out = []
    for nodes in paths:
        steps = []
        for x, y in itertools.pairwise(nodes):
            triples = sorted(g[x][y]["triples"], key=lambda t: (t[3], t[1]))
            s, p, o, inferred = triples[0]
            steps.append(PathStep(s, p, o, inferred, forward=(s == x), statements=atlas.statements_for(s, p, o)))
        out.append(steps)
    return out


def link_type_counts(atlas: Atlas, node: str, lang: str = "en") -> list[tuple[str, str, str, int]]:
    """``(predicate, direction, label, count)`` for the links of a node, most frequent first."""
    counts: Counter[tuple[str, str]] = Counter()
    for p, direction, _other, _ in atlas.links(node):
        counts[(p, direction)] += 1
    rows = [(p, d, atlas.prop_label(p, lang, inverse=d == "in"), n) for (p, d), n in counts.items()]
    rows.sort(key=lambda r: (-r[3], r[2].casefold()))
    return rows


def canonical(atlas: Atlas, s: str, p: str, o: str) -> tuple[str, str, str]:
    """One reading of a relation and its inverse: the property the ontology defines first (the
    other's definition reads "Inverse of …"; else the smaller IRI), oriented to match."""
    inv = atlas.inverse_of(p)
    if not inv:
        return s, p, o
    p_is_inverse = atlas.props.get(p) is not None and atlas.props[p].definition.startswith("Inverse of")
    inv_is_inverse = atlas.props.get(inv) is not None and atlas.props[inv].definition.startswith("Inverse of")
    if (p_is_inverse and not inv_is_inverse) or (p_is_inverse == inv_is_inverse and inv < p):
        return o, inv, s
    return s, p, o


@dataclass
class Node:
    id: str
    x: float
    y: float
    parent: str | None = None
    group: dict | None = None  # for a stand-in node: {"of": node, "p": …, "direction": …, "rest": [iris]}


@dataclass
class Canvas:
    """The Search Around state (see module docstring). Plain data."""

    seed: str | None = None
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: set[tuple[str, str, str]] = field(default_factory=set)  # canonical (s, p, o) between objects
    expanded: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    truncated: bool = False  # a replay stopped at MAX_NODES
    claims: bool = False  # also follow unverified links (claims below the extraction's precision gate)
    claimed_edges: set[tuple[str, str, str]] = field(default_factory=set)
    stated_edges: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)  # not actual: edge -> statuses

    @classmethod
    def start(cls, seed: str, claims: bool = False) -> Canvas:
        c = cls(seed=seed, claims=claims)
        c.nodes[seed] = Node(seed, 0.0, 0.0)
        return c

    def links_of(self, atlas: Atlas, node: str) -> list[tuple[str, str, str, bool]]:
        """The node's links, with its unverified ones when the canvas follows them."""
        out = list(atlas.links(node))
        out += [(p, d, o, False) for p, d, o, _status, _node in atlas.stated_links(node)]
        if self.claims:
            out += [(p, d, o, True) for p, d, o, _ in atlas.claimed_links(node)]
        return out

    @property
    def entity_nodes(self) -> list[str]:
        return [n for n, node in self.nodes.items() if node.group is None]

    def _place(self, parent: str, count: int) -> list[tuple[float, float]]:
        """Positions for ``count`` new children of ``parent``: rings (a full circle around the seed,
        an arc facing away from the grandparent elsewhere), at most ``RING`` children per ring."""
        p = self.nodes[parent]
        taken = sum(1 for n in self.nodes.values() if n.parent == parent)
        if p.parent is None or p.parent not in self.nodes:
            base, spread, ring_size = -math.pi / 2, 2 * math.pi, 20
        else:
            gp = self.nodes[p.parent]
            base = math.atan2(p.y - gp.y, p.x - gp.x)
            spread, ring_size = math.pi * 1.1, 11
        out = []
        for k in range(taken, taken + count):
            ring, slot = divmod(k, ring_size)
            radius = RADIUS * (1 + 0.55 * ring)
            offset = 0.5 if ring % 2 else 0.0  # alternate rings interleave
            if spread >= 2 * math.pi:
                angle = base + spread * (slot + offset) / ring_size
            else:
                angle = base - spread / 2 + spread * (slot + 0.5 + offset / 2) / ring_size
            out.append((round(p.x + radius * math.cos(angle), 1), round(p.y + radius * math.sin(angle), 1)))
        return out

    def _add_links_among(self, atlas: Atlas, node: str) -> None:
        for p, direction, other, _ in atlas.links(node):
            if other in self.nodes and self.nodes[other].group is None:
                s, o = (node, other) if direction == "out" else (other, node)
                self.edges.add(canonical(atlas, s, p, o))
        if self.claims:
            for p, direction, other, _ in atlas.claimed_links(node):
                if other in self.nodes and self.nodes[other].group is None:
                    s, o = (node, other) if direction == "out" else (other, node)
                    edge = canonical(atlas, s, p, o)
                    if edge not in self.edges:
                        self.claimed_edges.add(edge)
        for p, direction, other, status, _ in atlas.stated_links(node):
            if other in self.nodes and self.nodes[other].group is None:
                s, o = (node, other) if direction == "out" else (other, node)
                self.stated_edges.setdefault(canonical(atlas, s, p, o), set()).add(status)

    def expand(self, atlas: Atlas, node: str, link_types: list[tuple[str, str]] | None = None,
               cap: int = 12) -> dict[tuple[str, str], int]:
        """Add the neighbours of ``node`` along ``link_types`` (all when None).

        At most ``cap`` neighbours per link type are placed; the rest wait in a group node
        (expand the group to place the next ``cap``). Returns ``{(p, direction): count}`` of
        neighbours found per link type.
        """
        if node not in self.nodes:
            raise KeyError(node)
        wanted = set(link_types) if link_types is not None else None
        by_type: dict[tuple[str, str], list[str]] = {}
        for p, direction, other, _ in self.links_of(atlas, node):
            if wanted is not None and (p, direction) not in wanted:
                continue
            by_type.setdefault((p, direction), []).append(other)
        found = {k: len(v) for k, v in by_type.items()}
        new: list[tuple[str, dict | None]] = []
        for (p, direction), others in sorted(by_type.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            others = sorted(set(others), key=lambda i: (-len(atlas.links(i)), atlas.label(i).casefold(), i))
            fresh = [o for o in others if o not in self.nodes]
            show, rest = fresh[:cap], fresh[cap:]
            new.extend((o, None) for o in show)
            gid = group_id(node, p, direction)
            if rest:
                new.append((gid, {"of": node, "p": p, "direction": direction, "rest": rest}))
            elif gid in self.nodes:
                del self.nodes[gid]
        placed = [(n, g) for n, g in new if n not in self.nodes]
        positions = self._place(node, len(placed))
        for (nid, group), pos in zip(placed, positions, strict=True):
            self.nodes[nid] = Node(nid, pos[0], pos[1], parent=node, group=group)
        for nid, group in new:
            if group is not None:
                self.nodes[nid].group = group  # refresh what a known group still holds
        for nid, group in new:
            if group is None:
                self._add_links_among(atlas, nid)
        self._add_links_among(atlas, node)
        self.expanded.setdefault(node, [])
        for key in by_type:
            if key not in self.expanded[node]:
                self.expanded[node].append(key)
        return found

    def expand_group(self, atlas: Atlas, gid: str, cap: int = 12) -> int:
        """Place the next ``cap`` members of a group node; returns how many were placed."""
        g = self.nodes[gid].group
        if g is None:
            raise KeyError(gid)
        show = [i for i in g["rest"] if i not in self.nodes][:cap]
        rest = [i for i in g["rest"] if i not in self.nodes][cap:]
        parent = g["of"]
        positions = self._place(parent, len(show))
        for nid, pos in zip(show, positions, strict=True):
            self.nodes[nid] = Node(nid, pos[0], pos[1], parent=parent)
        for nid in show:
            self._add_links_among(atlas, nid)
        if rest:
            g["rest"] = rest
        else:
            del self.nodes[gid]
        return len(show)

    def collapse(self, node: str) -> int:
        """Remove everything that was added by expanding ``node`` (recursively); returns the count."""
        doomed: set[str] = set()
        frontier = [node]
        while frontier:
            cur = frontier.pop()
            for nid, n in self.nodes.items():
                if n.parent == cur and nid not in doomed and nid != self.seed:
                    doomed.add(nid)
                    frontier.append(nid)
        for nid in doomed:
            del self.nodes[nid]
            self.expanded.pop(nid, None)
        self.expanded.pop(node, None)
        self.edges = {(s, p, o) for s, p, o in self.edges if s in self.nodes and o in self.nodes}
        self.claimed_edges = {(s, p, o) for s, p, o in self.claimed_edges if s in self.nodes and o in self.nodes}
        self.stated_edges = {e: v for e, v in self.stated_edges.items() if e[0] in self.nodes and e[2] in self.nodes}
        return sum(1 for d in doomed if not d.startswith("group:"))

    def add_path(self, atlas: Atlas, steps: list[PathStep]) -> None:
        """Put a path's objects and links on the canvas (new objects next to their predecessor)."""
        for step in steps:
            a, b = (step.s, step.o) if step.forward else (step.o, step.s)
            if a not in self.nodes and not self.nodes:
                self.nodes[a] = Node(a, 0.0, 0.0)
                self.seed = self.seed or a
            if b not in self.nodes:
                (x, y), = self._place(a, 1)
                self.nodes[b] = Node(b, x, y, parent=a)
            self.edges.add(canonical(atlas, step.s, step.p, step.o))


def group_id(node: str, p: str, direction: str) -> str:
    return f"group:{slug(node)}|{local_name(p)}|{direction}"


def replay(atlas: Atlas, seed: str, ops: list[str], cap: int = 12, claims: bool = False) -> tuple[Canvas, list[str]]:
    """The canvas of ``seed`` (expanded once) after ``ops``; returns it and the ops it could not apply."""
    canvas = Canvas.start(seed, claims)
    canvas.expand(atlas, seed, cap=cap)
    bad: list[str] = []
    for op in ops[:MAX_OPS]:
        if len(canvas.nodes) >= MAX_NODES:
            canvas.truncated = True
            break
        kind, _, arg = op.partition(":")
        if kind in ("x", "x2", "x3", "c"):
            node = iri_of(arg)
            if node not in canvas.nodes or canvas.nodes[node].group is not None:
                bad.append(op)
                continue
            if kind == "c":
                canvas.collapse(node)
                continue
            frontier = [node]
            for _hop in range(int(kind[1:] or 1) if kind != "x" else 1):
                added: list[str] = []
                for n in frontier:
                    before = set(canvas.nodes)
                    canvas.expand(atlas, n, cap=cap)
                    added += [k for k in canvas.nodes if k not in before and canvas.nodes[k].group is None]
                    if len(canvas.nodes) >= MAX_NODES:
                        canvas.truncated = True
                        break
                frontier = added
        elif kind == "m":
            gid = "group:" + arg
            if gid not in canvas.nodes:
                bad.append(op)
                continue
            canvas.expand_group(atlas, gid, cap)
        else:
            bad.append(op)
    return canvas, bad


def node_group(atlas: Atlas, iri: str) -> str:
    cls = atlas.primary_type(iri)
    return atlas.group_of(cls) if cls else "other"


@dataclass
class Legend:
    groups: list[tuple[str, int]]  # (group, objects drawn)
    links: list[tuple[str, str, int]]  # (link local name, label, edges drawn)


def status_words(atlas: Atlas, statuses: set[str], lang: str) -> str:
    """A stated edge's statuses (``pfa:Planned`` …) in words, sorted: "planned, estimate"."""
    return ", ".join(sorted({atlas.term_label(x, lang) for x in statuses if x}))


def elements(atlas: Atlas, canvas: Canvas, lang: str, *, hidden: set[str] = frozenset(),
             excluded_groups: set[str] = frozenset(), excluded_links: set[str] = frozenset(),
             pins: dict[str, tuple[float, float]] | None = None,
             group_label=None) -> tuple[list[dict], Legend]:
    """Cytoscape elements for what is visible, with the legend of what is drawn."""
    pins = pins or {}
    visible: set[str] = set()
    out: list[dict] = []
    groups: Counter[str] = Counter()
    for nid, n in canvas.nodes.items():
        if n.group is not None:
            continue
        group = node_group(atlas, nid)
        if nid in hidden or (group in excluded_groups and nid != canvas.seed):
            continue
        visible.add(nid)
        groups[group] += 1
        x, y = pins.get(nid, (n.x, n.y))
        cls = atlas.primary_type(nid)
        out.append({"data": {"id": slug(nid), "label": atlas.label(nid, lang), "color": GROUP_COLORS[group],
                             "shape": GROUP_SHAPES[group], "group": group, "seed": nid == canvas.seed,
                             "pinned": nid in pins, "type": atlas.class_label(cls, lang) if cls else ""},
                    "position": {"x": x, "y": y}})
    for nid, n in canvas.nodes.items():
        g = n.group
        if g is None or g["of"] not in visible or local_name(g["p"]) in excluded_links:
            continue
        label = atlas.prop_label(g["p"], lang, inverse=g["direction"] == "in")
        text = group_label(len(g["rest"]), label) if group_label else f"+{len(g['rest'])} · {label}"
        gid = nid[len("group:"):]
        out.append({"data": {"id": "more:" + gid, "label": text, "more": True, "color": "#e3e5e8",
                             "shape": "round-rectangle"}, "position": {"x": n.x, "y": n.y}})
        out.append({"data": {"id": "e-more:" + gid, "source": slug(g["of"]), "target": "more:" + gid,
                             "label": "", "more": True}})
    links: Counter[str] = Counter()
    labels: dict[str, str] = {}
    implied = implied_edges(atlas, canvas.edges)
    for s, p, o in sorted(canvas.edges):
        if s not in visible or o not in visible or local_name(p) in excluded_links or (s, p, o) in implied:
            continue
        both = (o, p, s) in canvas.edges
        if both and o < s:
            continue
        inferred = not any(e.p == p and e.is_link and e.target == o and not e.inferred for e in atlas.out.get(s, ())) \
            and not _stated_inverse(atlas, s, p, o)
        labels[local_name(p)] = atlas.prop_label(p, lang)
        links[local_name(p)] += 1
        out.append({"data": {"id": f"{slug(s)}>{local_name(p)}>{slug(o)}", "source": slug(s), "target": slug(o),
                             "label": labels[local_name(p)], "rel": local_name(p), "both": both,
                             "inferred": inferred}})
    for (s, p, o), statuses in sorted(canvas.stated_edges.items()):
        if s not in visible or o not in visible or local_name(p) in excluded_links or (s, p, o) in canvas.edges:
            continue
        labels[local_name(p)] = atlas.prop_label(p, lang)
        links[local_name(p)] += 1
        words = status_words(atlas, statuses, lang)
        text = f"{labels[local_name(p)]} ({words})" if words else labels[local_name(p)]
        out.append({"data": {"id": f"{slug(s)}>{local_name(p)}>{slug(o)}~", "source": slug(s), "target": slug(o),
                             "label": text, "title": text, "rel": local_name(p), "planned": True,
                             "status": words}})
    for s, p, o in sorted(canvas.claimed_edges):
        if (s not in visible or o not in visible or local_name(p) in excluded_links
                or (s, p, o) in canvas.stated_edges):
            continue
        labels[local_name(p)] = atlas.prop_label(p, lang)
        links[local_name(p)] += 1
        out.append({"data": {"id": f"{slug(s)}>{local_name(p)}>{slug(o)}?", "source": slug(s), "target": slug(o),
                             "label": labels[local_name(p)], "rel": local_name(p), "unverified": True}})
    legend = Legend(sorted(groups.items(), key=lambda kv: (-kv[1], kv[0])),
                    sorted(((k, labels[k], n) for k, n in links.items()), key=lambda r: (-r[2], r[1].casefold())))
    return out, legend


def implied_edges(atlas: Atlas, edges: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """Edges a more specific relation between the same two objects already says (``developedBy``
    when ``designedBy`` is drawn): not drawn, so one pair shows one edge per relation it means."""
    by_pair: dict[tuple[str, str], set[str]] = {}
    for s, p, o in edges:
        by_pair.setdefault((s, o), set()).add(p)
        inv = atlas.inverse_of(p)
        if inv:
            by_pair.setdefault((o, s), set()).add(inv)
    out = set()
    for s, p, o in edges:
        others = by_pair.get((s, o), set()) - {p}
        inv = atlas.inverse_of(p)
        if any(p in atlas.prop_ancestors(q) for q in others) or (
                inv and any(inv in atlas.prop_ancestors(q) for q in by_pair.get((o, s), set()) - {inv})):
            out.add((s, p, o))
    return out


def _stated_inverse(atlas: Atlas, s: str, p: str, o: str) -> bool:
    inv = atlas.inverse_of(p)
    return bool(inv) and any(e.p == inv and e.is_link and e.target == s and not e.inferred
                             for e in atlas.out.get(o, ()))


def layout(nodes: list[str], edges: list[tuple[str, str]], seed: int = 7, scale: float = 420.0) -> dict:
    """Deterministic positions for a small graph (networkx spring layout with a fixed seed)."""
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    if not g.number_of_nodes():
        return {}
    pos = nx.spring_layout(g, seed=seed, k=1.2 / math.sqrt(max(g.number_of_nodes(), 1)))
    return {n: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for n, (x, y) in pos.items()}


def simple_elements(atlas: Atlas, nodes: list[str], edges: list[tuple[str, str, str]], lang: str,
                    *, seed: int = 7) -> list[dict]:
    """Cytoscape elements for an ad-hoc graph (query results, flows, what-if): spring layout."""
    pos = layout(nodes, [(a, b) for a, b, _ in edges], seed=seed)
    out = []
    for n in nodes:
        group = node_group(atlas, n) if n in atlas.entities else "other"
        out.append({"data": {"id": slug(n), "label": atlas.label(n, lang), "color": GROUP_COLORS[group],
                             "shape": GROUP_SHAPES[group], "group": group},
                    "position": {"x": pos[n][0], "y": pos[n][1]}})
    seen = set()
    for a, b, label in edges:
        eid = f"{slug(a)}>{label}>{slug(b)}"
        if eid in seen:
            continue
        seen.add(eid)
        out.append({"data": {"id": eid, "source": slug(a), "target": slug(b), "label": label}})
    return out
