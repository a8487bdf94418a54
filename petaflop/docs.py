"""HTML documentation of the ontology, generated from ontology/atlas.ttl (no pyLODE, no CDN).

Why our own generator: the page must be self-contained (inline CSS and an inline SVG diagram of
the object types and link types), bilingual (English and Korean labels), and list the rules and
competency questions that ship with the ontology, all of which pyLODE would not do for us.
"""

from __future__ import annotations

import html
import math
from pathlib import Path

import rdflib
from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS

from foundation.namespaces import PFA
from ontology import load_competency_questions, load_ontology, load_rules, load_swrl

DEFAULT_OUT = Path("docs/ontology")
_DCT = rdflib.Namespace("http://purl.org/dc/terms/")
_UNIT = URIRef(PFA.unitOfMeasure)

# Diagram nodes, grouped in columns by theme (the core object types of the architecture).
_COLUMNS = [
    ("Agents & places", ["Organization", "Person", "Country", "Alliance", "Region", "Site", "Source"]),
    ("Hardware & technology", ["Chip", "System", "ChipArchitecture", "MemoryTechnology", "ProcessNode",
                               "PackagingTechnology", "NetworkTechnology", "SoftwarePlatform"]),
    ("Facilities, energy & models", ["ComputeCluster", "ClusterPhase", "PowerAsset", "Grid", "PowerTechnology",
                                     "GridEvent", "AIModel", "AIProduct"]),
    ("Policy, deals & provenance", ["ExportControlMeasure", "TradeMeasure", "Policy", "ExportControlEvent", "Deal",
                                    "Participation", "SovereignAIInitiative", "ReportLocation"]),
]


def _local(term: rdflib.term.Node) -> str:
    text = str(term)
    return text[len(PFA):] if text.startswith(PFA) else text


def _label(g: rdflib.Graph, term: URIRef, lang: str) -> str:
    for value in g.objects(term, RDFS.label):
        if getattr(value, "language", None) == lang:
            return str(value)
    return ""


def _class_expr(g: rdflib.Graph, node: rdflib.term.Node) -> str:
    """A compact Manchester-like rendering of a class expression."""
    if isinstance(node, URIRef):
        return _local(node)
    for key, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
        members = g.value(node, key)
        if members is not None:
            return "(" + word.join(_class_expr(g, m) for m in Collection(g, members)) + ")"
    prop = g.value(node, OWL.onProperty)
    if prop is not None:
        if (value := g.value(node, OWL.hasValue)) is not None:
            return f"{_local(prop)} value {_local(value)}"
        filler = g.value(node, OWL.someValuesFrom)
        if filler is not None and g.value(filler, OWL.onDatatype) is not None:
            facets = []
            for restriction in Collection(g, g.value(filler, OWL.withRestrictions)):
                for p, o in g.predicate_objects(restriction):
                    facets.append(f"{'≥' if p.endswith('minInclusive') else p.split('#')[-1]} {o}")
            return f"{_local(prop)} some decimal[{', '.join(facets)}]"
        return f"{_local(prop)} some {_class_expr(g, filler)}"
    return "?"


def _resolve_nodes(g: rdflib.Graph, spec: rdflib.term.Node | None, nodes: set[str]) -> list[str]:
    """Diagram nodes a domain/range stands for: itself, its union members, or its nearest node ancestor."""
    if spec is None:
        return []
    if not isinstance(spec, URIRef):
        members = g.value(spec, OWL.unionOf)
        out: list[str] = []
        if members is not None:
            for m in Collection(g, members):
                out += _resolve_nodes(g, m, nodes)
        return out
    name = _local(spec)
    if name in nodes:
        return [name]
    if name in ("Agent",):
        return ["Organization"]
    if name == "Place":
        return ["Site"]
    if name == "Hardware":
        return ["Chip"]
    if name == "Facility":
        return ["ComputeCluster"]
    if name == "PolicyInstrument":
        return ["ExportControlMeasure"]
    for parent in g.objects(spec, RDFS.subClassOf):
        found = _resolve_nodes(g, parent, nodes)
        if found:
            return found
    return []


def diagram_svg(g: rdflib.Graph) -> str:
    """Inline SVG: the core object types in four themed columns and the link types between them."""
    box_w, box_h, col_gap, row_gap, top = 190, 30, 150, 26, 60
    positions: dict[str, tuple[float, float]] = {}
    for ci, (_title, names) in enumerate(_COLUMNS):
        for ri, name in enumerate(names):
            positions[name] = (20 + ci * (box_w + col_gap), top + ri * (box_h + row_gap))
    nodes = set(positions)
    edges: dict[tuple[str, str], list[str]] = {}
    for prop in sorted(g.subjects(RDF.type, OWL.ObjectProperty)):
        if not str(prop).startswith(PFA) or (prop, OWL.inverseOf, None) in g:
            continue  # draw each link once, in its primary direction
        for d in _resolve_nodes(g, g.value(prop, RDFS.domain), nodes):
            for r in _resolve_nodes(g, g.value(prop, RDFS.range), nodes):
                edges.setdefault((d, r), []).append(_local(prop))
    width = 20 + len(_COLUMNS) * (box_w + col_gap)
    height = top + max(len(n) for _, n in _COLUMNS) * (box_h + row_gap) + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
             f'role="img" aria-label="Object types and link types of the Petaflop Atlas ontology">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
             'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#7a869a"/></marker></defs>']
    for ci, (title, _names) in enumerate(_COLUMNS):
        x = 20 + ci * (box_w + col_gap)
        parts.append(f'<text x="{x}" y="30" class="col">{html.escape(title)}</text>')
    for (d, r), names in sorted(edges.items()):
        x1, y1 = positions[d]
        x2, y2 = positions[r]
        if d == r:
            cx, cy = x1 + box_w, y1 + box_h / 2
            parts.append(f'<path d="M {cx} {cy - 8} C {cx + 40} {cy - 30}, {cx + 40} {cy + 30}, {cx} {cy + 8}" '
                         f'class="edge" marker-end="url(#arrow)"><title>{html.escape(", ".join(names))}</title></path>')
            continue
        sx, sy = x1 + box_w / 2, y1 + box_h / 2
        tx, ty = x2 + box_w / 2, y2 + box_h / 2
        bend = 40 if x1 == x2 else 0
        mx, my = (sx + tx) / 2 + bend, (sy + ty) / 2
        # clip to box borders so arrowheads stay visible
        angle = math.atan2(ty - my, tx - mx)
        ex = tx - math.cos(angle) * (box_w / 2 if abs(math.cos(angle)) > 0.3 else box_h)
        ey = ty - math.sin(angle) * (box_h / 2 + 2)
        label = html.escape(", ".join(names))
        parts.append(f'<path d="M {sx} {sy} Q {mx} {my} {ex:.1f} {ey:.1f}" class="edge" marker-end="url(#arrow)">'
                     f'<title>{html.escape(d)} → {html.escape(r)}: {label}</title></path>')
    for name, (x, y) in positions.items():
        ko = html.escape(_label(g, URIRef(PFA[name]), "ko"))
        parts.append(f'<a href="#{name}"><rect x="{x}" y="{y}" width="{box_w}" height="{box_h}" rx="6" class="node"/>'
                     f'<text x="{x + box_w / 2}" y="{y + 19}" text-anchor="middle">{name}'
                     f'<title>{ko}</title></text></a>')
    parts.append("</svg>")
    edge_list = "".join(
        f"<li><code>{d}</code> → <code>{r}</code>: {html.escape(', '.join(n))}</li>" for (d, r), n in sorted(edges.items())
    )
    return "\n".join(parts) + f'\n<details><summary>Link types in the diagram ({len(edges)} arrows)</summary><ul>{edge_list}</ul></details>'


_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans KR',sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#1d2430}
h1{margin-bottom:.2em} h2{border-bottom:2px solid #dde3ea;padding-bottom:.2em;margin-top:2em}
code{background:#f3f5f8;padding:0 .25em;border-radius:3px} pre{background:#f6f8fa;padding:.8em;overflow:auto;font-size:.85em}
table{border-collapse:collapse;width:100%;font-size:.92em} th,td{border:1px solid #dde3ea;padding:.3em .5em;text-align:left;vertical-align:top}
.term{border:1px solid #dde3ea;border-radius:6px;padding:.6em 1em;margin:.8em 0} .term h3{margin:.1em 0}
.ko{color:#56627a} .muted{color:#6b778c;font-size:.9em}
svg .node{fill:#eef4ff;stroke:#3b6fd8} svg text{font-size:12px;fill:#1d2430} svg .col{font-weight:bold;font-size:14px}
svg .edge{fill:none;stroke:#9aa5b8;stroke-width:1} svg a:hover .node{fill:#d7e5ff}
"""


def build_html(g: rdflib.Graph | None = None) -> str:
    """The whole documentation page as one HTML string."""
    g = g if g is not None else load_ontology()
    onto = URIRef("https://petaflop-atlas.org/ontology")
    title_en = next((str(t) for t in g.objects(onto, _DCT.title) if t.language == "en"), "Ontology")
    title_ko = next((str(t) for t in g.objects(onto, _DCT.title) if t.language == "ko"), "")
    classes = sorted((c for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(PFA)), key=_local)
    obj_props = sorted((p for p in g.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(PFA)), key=_local)
    data_props = sorted((p for p in g.subjects(RDF.type, OWL.DatatypeProperty) if str(p).startswith(PFA)), key=_local)
    chains = {}
    for prop, lst in g.subject_objects(OWL.propertyChainAxiom):
        chains.setdefault(prop, []).append(" ∘ ".join(_local(x) for x in Collection(g, lst)))
    disjoint: dict[URIRef, set[str]] = {}
    for a, b in g.subject_objects(OWL.disjointWith):
        disjoint.setdefault(a, set()).add(_local(b))
        disjoint.setdefault(b, set()).add(_local(a))
    for node in g.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(g, g.value(node, OWL.members)))
        for m in members:
            disjoint.setdefault(m, set()).update(_local(x) for x in members if x != m)

    out = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title_en)}</title>",
           f"<style>{_CSS}</style></head><body>",
           f"<h1>{html.escape(title_en)}</h1><p class='ko'>{html.escape(title_ko)}</p>"]
    meta = [("IRI", str(onto)), ("version", str(g.value(onto, OWL.versionInfo))),
            ("version IRI", str(g.value(onto, OWL.versionIRI))), ("license", str(g.value(onto, _DCT.license))),
            ("created", str(g.value(onto, _DCT.created))), ("preferred prefix", "pfa: " + PFA)]
    out.append("<table>" + "".join(f"<tr><th>{k}</th><td>{html.escape(v)}</td></tr>" for k, v in meta) + "</table>")
    out.append(f"<p>{html.escape(str(g.value(onto, _DCT.description) or ''))}</p>")
    out.append("<p>Units are part of datatype-property names (values are <code>xsd:decimal</code> in that unit). "
               "Qualifiers (approximate, lowerBound, upperBound, estimate, range, target, forecast) and as-of dates "
               "live on the <code>rdf:Statement</code> provenance node of a value "
               "(<code>pfa:qualifier</code>, <code>pfa:asOf</code>).</p>")
    out.append(f"<p>Contents: <a href='#diagram'>diagram</a> · <a href='#classes'>{len(classes)} classes</a> · "
               f"<a href='#object-properties'>{len(obj_props)} link types</a> · "
               f"<a href='#datatype-properties'>{len(data_props)} value properties</a> · <a href='#rules'>rules</a> · "
               f"<a href='#competency'>competency questions</a></p>")
    out.append("<h2 id='diagram'>Object types and link types</h2>" + diagram_svg(g))

    out.append(f"<h2 id='classes'>Classes ({len(classes)})</h2>")
    for c in classes:
        name = _local(c)
        supers = [_local(s) for s in g.objects(c, RDFS.subClassOf) if isinstance(s, URIRef)]
        subs = sorted(_local(s) for s in g.subjects(RDFS.subClassOf, c) if str(s).startswith(PFA))
        rows = [("superclasses", ", ".join(supers)), ("subclasses", ", ".join(subs)),
                ("equivalent to", "; ".join(_class_expr(g, e) for e in g.objects(c, OWL.equivalentClass))),
                ("disjoint with", ", ".join(sorted(disjoint.get(c, ())))),
                ("note", " ".join(str(n) for n in g.objects(c, SKOS.scopeNote)))]
        out.append(_term_block(g, c, name, rows))

    out.append(f"<h2 id='object-properties'>Link types — object properties ({len(obj_props)})</h2>")
    for p in obj_props:
        kinds = [_local(t).replace("http://www.w3.org/2002/07/owl#", "") for t in g.objects(p, RDF.type)
                 if t != OWL.ObjectProperty]
        rows = [("domain", _class_expr(g, d) if (d := g.value(p, RDFS.domain)) is not None else ""),
                ("range", _class_expr(g, r) if (r := g.value(p, RDFS.range)) is not None else ""),
                ("inverse", ", ".join(_local(i) for i in set(g.objects(p, OWL.inverseOf)) | set(g.subjects(OWL.inverseOf, p)))),
                ("characteristics", ", ".join(kinds)),
                ("subproperty of", ", ".join(_local(s) for s in g.objects(p, RDFS.subPropertyOf))),
                ("property chain", " ; ".join(chains.get(p, [])))]
        out.append(_term_block(g, p, _local(p), rows))

    out.append(f"<h2 id='datatype-properties'>Value properties — datatype properties ({len(data_props)})</h2>")
    out.append("<table><tr><th>property</th><th>label (en / ko)</th><th>unit</th><th>range</th><th>definition</th></tr>")
    for p in data_props:
        name = _local(p)
        rng = g.value(p, RDFS.range)
        out.append(f"<tr id='{name}'><td><code>{name}</code></td><td>{html.escape(_label(g, p, 'en'))}<br>"
                   f"<span class='ko'>{html.escape(_label(g, p, 'ko'))}</span></td>"
                   f"<td>{html.escape(str(g.value(p, _UNIT) or ''))}</td>"
                   f"<td>{html.escape(_local(rng).split('#')[-1] if rng is not None else 'date / gYearMonth / gYear')}</td>"
                   f"<td>{html.escape(str(g.value(p, SKOS.definition) or ''))}</td></tr>")
    out.append("</table>")

    out.append("<h2 id='rules'>Rules</h2><p>SPARQL CONSTRUCT rules (<code>ontology/rules/*.rq</code>) materialise "
               "every OWL axiom used here plus what OWL cannot state; SWRL twins live in <code>ontology/rules.swrl</code>."
               "</p><table><tr><th>rule IRI</th><th>meaning</th></tr>")
    for iri, label, _sparql in load_rules():
        out.append(f"<tr><td><code>pfr:{html.escape(iri.split('#')[-1])}</code></td><td>{html.escape(label)}</td></tr>")
    out.append("</table><details><summary>SWRL rules</summary><pre>")
    out.append(html.escape("\n".join(f"{r.iri.split('#')[-1]}: {r.text}" for r in load_swrl())))
    out.append("</pre></details>")

    questions = load_competency_questions()
    out.append(f"<h2 id='competency'>Competency questions ({len(questions)})</h2><ol>")
    for cq in questions:
        body = cq.sparql.split("\n\n", 1)[-1]
        out.append(f"<li id='{cq.id}'><strong>{html.escape(cq.en)}</strong><br><span class='ko'>{html.escape(cq.ko)}</span>"
                   f"<details><summary>SPARQL ({cq.id})</summary><pre>{html.escape(body)}</pre></details></li>")
    out.append("</ol><p class='muted'>Generated by <code>petaflop docs</code> from ontology/atlas.ttl.</p></body></html>")
    return "\n".join(out)


def _term_block(g: rdflib.Graph, term: URIRef, name: str, rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><th>{k}</th><td>{html.escape(v)}</td></tr>" for k, v in rows if v)
    return (f"<div class='term' id='{name}'><h3><code>pfa:{name}</code> — {html.escape(_label(g, term, 'en'))} "
            f"<span class='ko'>/ {html.escape(_label(g, term, 'ko'))}</span></h3>"
            f"<p>{html.escape(str(g.value(term, SKOS.definition) or ''))}</p>"
            + (f"<table>{body}</table>" if body else "") + "</div>")


def build_docs(out_dir: Path | str = DEFAULT_OUT) -> Path:
    """Write index.html into out_dir (created if needed) and return its path. The page is one file
    replaced atomically (a temporary file, then a rename), so no lock is needed."""
    from petaflop.atomic import write_text
    from petaflop.outlock import ensure_folder

    return write_text(ensure_folder(out_dir) / "index.html", build_html())
