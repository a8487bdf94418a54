"""Search Around: a canvas of objects that grows link by link, shortest paths, and its HTML.

* :func:`entity_graph` — the objects and their links as a networkx ``MultiDiGraph`` (claims and
  ontology terms left out; a link and its materialised inverse count once);
* :class:`Canvas` — what the analyst has on screen: nodes with fixed positions, the links
  between them, and *groups* standing in for large fan-outs (``+37 more: usesChip``). It is
  plain data (kept in Streamlit's session state), so the layout stays put across reruns:
  a node's position is computed once, when it first appears, and never changes;
* :func:`shortest_paths` — networkx over the undirected view, each step with its triple;
* :func:`render_html` — pyvis with ``cdn_resources="in_line"`` (vis-network inlined, no
  network access), physics off so the stored positions are what is drawn.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from petaflop.app.data import Atlas, Statement

GROUP_COLORS = {
    "organisations": "#4e79a7", "hardware": "#f28e2b", "facilities": "#e15759", "energy": "#76b7b2",
    "policy": "#59a14f", "geography": "#edc948", "deals": "#b07aa1", "models": "#ff9da7",
    "sources": "#9c755f", "other": "#bab0ac",
}
RADIUS = 230.0


def entity_graph(atlas: Atlas) -> nx.MultiDiGraph:
    """Every object (but claims) and every link between two of them; built once per Atlas."""
    cached = getattr(atlas, "_nx_graph", None)
    if cached is not None:
        return cached
    g = nx.MultiDiGraph()
    for iri in atlas.entities:
        if not atlas.is_claim(iri):
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
    for p, direction, other, _ in atlas.links(node):
        if not atlas.is_claim(other):
            counts[(p, direction)] += 1
    rows = [(p, d, atlas.prop_label(p, lang, inverse=d == "in"), n) for (p, d), n in counts.items()]
    rows.sort(key=lambda r: (-r[3], r[2].casefold()))
    return rows


@dataclass
class Node:
    id: str
    x: float
    y: float
    parent: str | None = None
    group: dict | None = None  # for a stand-in node: {"of": node, "p": …, "direction": …, "rest": [iris]}


@dataclass
class Canvas:
    """The Search Around state (see module docstring). Plain data: safe in session state."""

    seed: str | None = None
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: set[tuple[str, str, str]] = field(default_factory=set)  # (s, p, o) between entity nodes
    expanded: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def start(cls, seed: str) -> Canvas:
        c = cls(seed=seed)
        c.nodes[seed] = Node(seed, 0.0, 0.0)
        return c

    @property
    def entity_nodes(self) -> list[str]:
        return [n for n, node in self.nodes.items() if node.group is None]

    def _place(self, parent: str, count: int) -> list[tuple[float, float]]:
        """Positions for ``count`` new children of ``parent``: an arc facing away from its parent."""
        p = self.nodes[parent]
        taken = sum(1 for n in self.nodes.values() if n.parent == parent)
        total = taken + count
        radius = RADIUS * max(1.0, math.sqrt(total / 8))
        if p.parent is None or p.parent not in self.nodes:
            base, spread = -math.pi / 2, 2 * math.pi
        else:
            gp = self.nodes[p.parent]
            base = math.atan2(p.y - gp.y, p.x - gp.x)
            spread = math.pi * 1.2
        out = []
        for k in range(taken, total):
            if spread >= 2 * math.pi:
                angle = base + spread * k / max(total, 1)
            else:
                angle = base - spread / 2 + spread * (k + 0.5) / max(total, 1)
            out.append((round(p.x + radius * math.cos(angle), 1), round(p.y + radius * math.sin(angle), 1)))
        return out

    def _add_links_among(self, atlas: Atlas, node: str) -> None:
        for p, direction, other, _ in atlas.links(node):
            if other in self.nodes and self.nodes[other].group is None:
                self.edges.add((node, p, other) if direction == "out" else (other, p, node))

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
        for p, direction, other, _ in atlas.links(node):
            if wanted is not None and (p, direction) not in wanted:
                continue
            by_type.setdefault((p, direction), []).append(other)
        found = {k: len(v) for k, v in by_type.items()}
        new: list[tuple[str, dict | None]] = []
        for (p, direction), others in sorted(by_type.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            others = sorted(set(others), key=lambda i: (-len(atlas.links(i)), atlas.label(i).casefold()))
            fresh = [o for o in others if o not in self.nodes]
            show, rest = fresh[:cap], fresh[cap:]
            new.extend((o, None) for o in show)
            gid = f"group:{node}|{p}|{direction}"
            if rest:
                new.append((gid, {"of": node, "p": p, "direction": direction, "rest": rest}))
            elif gid in self.nodes:
                del self.nodes[gid]
        positions = self._place(node, len([n for n, _ in new if n not in self.nodes]))
        for (nid, group), pos in zip([(n, g) for n, g in new if n not in self.nodes], positions, strict=True):
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
        show, rest = g["rest"][:cap], g["rest"][cap:]
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
        return len(doomed)

    def add_path(self, atlas: Atlas, steps: list[PathStep]) -> None:
        """Put a path's objects and links on the canvas (new objects next to their predecessor)."""
        for step in steps:
            a, b = (step.s, step.o) if step.forward else (step.o, step.s)
            if a not in self.nodes:
                if not self.nodes:
                    self.nodes[a] = Node(a, 0.0, 0.0)
                    self.seed = self.seed or a
            if b not in self.nodes:
                (x, y), = self._place(a, 1)
                self.nodes[b] = Node(b, x, y, parent=a)
            self.edges.add((step.s, step.p, step.o))

    def to_state(self) -> dict:
        return {"seed": self.seed, "edges": sorted(self.edges),
                "expanded": {k: list(v) for k, v in self.expanded.items()},
                "nodes": {k: [n.x, n.y, n.parent, n.group] for k, n in self.nodes.items()}}

    @classmethod
    def from_state(cls, state: dict) -> Canvas:
        c = cls(seed=state.get("seed"))
        c.edges = {tuple(e) for e in state.get("edges", [])}
        c.expanded = {k: [tuple(t) for t in v] for k, v in state.get("expanded", {}).items()}
        for k, (x, y, parent, group) in state.get("nodes", {}).items():
            c.nodes[k] = Node(k, x, y, parent, group)
        return c


_REMOTE_ASSET = re.compile(r"""<(?:link|script)\b[^>]*(?:href|src)\s*=\s*["']https?://[^>]*>(?:\s*</script>)?""",
                           re.I | re.S)


def strip_remote_assets(html: str) -> str:
    """Drop the CDN ``<link>``/``<script>`` tags pyvis adds even in in-line mode (Bootstrap).

    The network itself is inlined; these tags only style pyvis's optional menus, and offline
    they would fail to load and log errors in the browser console.
    """
    return _REMOTE_ASSET.sub("", html)


@functools.lru_cache(maxsize=2)
def _template_env(template_dir: str):
    from jinja2 import Environment, FileSystemLoader

    return Environment(loader=FileSystemLoader(template_dir))


def render_html(atlas: Atlas, nodes: list[dict], edges: list[dict], height: int = 560) -> str:
    """Self-contained HTML for a network.

    ``nodes``: dicts with ``id``, ``label``, ``x``, ``y`` and optional ``title``, ``color``,
    ``shape``, ``size``; ``edges``: dicts with ``source``, ``target``, ``label`` and optional
    ``title``, ``dashes``. Positions are fixed (physics off).
    """
    from pyvis.network import Network

    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    net.templateEnv = _template_env(net.template_dir)  # compile pyvis's template (and inlined JS) once
    net.toggle_physics(False)
    for n in nodes:
        net.add_node(n["id"], label=n["label"], title=n.get("title", n["label"]), x=n["x"], y=n["y"],
                     color=n.get("color", GROUP_COLORS["other"]), shape=n.get("shape", "dot"),
                     size=n.get("size", 14), physics=False, font={"size": 14})
    parallel: dict[frozenset, int] = {}
    for e in edges:
        pair = frozenset((e["source"], e["target"]))
        k = parallel[pair] = parallel.get(pair, -1) + 1
        smooth = {"enabled": True, "type": "curvedCW", "roundness": 0.18 * k} if k else False
        net.add_edge(e["source"], e["target"], label=e.get("label", ""), title=e.get("title", e.get("label", "")),
                     dashes=e.get("dashes", False), arrows="to", font={"size": 10, "align": "middle"},
                     color="#9aa0a6", smooth=smooth)
    net.set_options('{"interaction": {"hover": true, "navigationButtons": false, "zoomView": true},'
                    ' "physics": {"enabled": false}}')
    return strip_remote_assets(net.generate_html(notebook=False))


def canvas_html(atlas: Atlas, canvas: Canvas, lang: str = "en", height: int = 560) -> str:
    nodes, edges = [], []
    for nid, n in canvas.nodes.items():
        if n.group is not None:
            label = f"+{len(n.group['rest'])} · {atlas.prop_label(n.group['p'], lang, inverse=n.group['direction'] == 'in')}"
            nodes.append({"id": nid, "label": label, "x": n.x, "y": n.y, "color": "#dddddd", "shape": "box",
                          "title": label})
            edges.append({"source": n.group["of"], "target": nid, "label": "", "dashes": True})
            continue
        cls = atlas.primary_type(nid)
        group = atlas.group_of(cls) if cls else "other"
        title = f"{atlas.label(nid, lang)} — {atlas.class_label(cls, lang) if cls else ''}"
        nodes.append({"id": nid, "label": atlas.label(nid, lang), "x": n.x, "y": n.y, "title": title,
                      "color": GROUP_COLORS.get(group, GROUP_COLORS["other"]),
                      "size": 22 if nid == canvas.seed else 14, "shape": "star" if nid == canvas.seed else "dot"})
    for s, p, o in sorted(canvas.edges):
        edges.append({"source": s, "target": o, "label": atlas.prop_label(p, lang)})
    return render_html(atlas, nodes, edges, height)
