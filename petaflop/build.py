"""The build: parse -> extract -> assert -> reason -> validate -> store.

Each stage is a function of the previous stage's output, timed, and reported through a
``progress`` callback so the CLI can show it. The published artefact is ``build/atlas.nq``
(every named graph, sorted, so two builds of the same report are byte-identical), plus the
on-disk store and the coverage report.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from foundation.errors import PetaflopError
from foundation.namespaces import GRAPH_ONTOLOGY, GRAPHS, PFA, RDF
from foundation.paths import BUILD_DIR, resolve_report

Progress = Callable[[str, str], None]


class BuildFailed(PetaflopError):
    exit_code = 1


@dataclass
class BuildResult:
    nq_path: Path
    timings: dict[str, float] = field(default_factory=dict)
    triples_per_graph: dict[str, int] = field(default_factory=dict)
    objects_by_type: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    consistent: bool | None = None
    shacl_errors: int = 0
    shacl_warnings: int = 0
    extraction: object = None
    statements: list = field(default_factory=list)
    document: object = None
    validation: object = None
    reference: object = None  # petaflop.reference_graph.ReferenceLayer, when the reference layer is built
    curation: object = None  # petaflop.curation.Overlay: the review log applied (pfg:curation, orphans)


def ontology_quads() -> list[ox.Quad]:
    """The ontology as quads in ``pfg:ontology``, blank nodes labelled by their content.

    OWL's blank nodes (restrictions, lists, unions) form trees, so hashing each one's sorted
    outgoing triples (recursively) gives labels that are the same on every run — in
    milliseconds, where rdflib's general canonicalisation takes seconds.
    """
    import hashlib

    from ontology import ONTOLOGY_FILES

    triples = [t for path in ONTOLOGY_FILES for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    out_edges: dict[ox.BlankNode, list[ox.Triple]] = {}
    for t in triples:
        if isinstance(t.subject, ox.BlankNode):
            out_edges.setdefault(t.subject, []).append(t)
    labels: dict[ox.BlankNode, str] = {}

    def label(node: ox.BlankNode, depth: int = 0) -> str:
        if node not in labels:
            if depth > 200:
                raise BuildFailed("the ontology has a cycle of blank nodes; they cannot be labelled stably")
            parts = sorted(f"{t.predicate} {label(t.object, depth + 1) if isinstance(t.object, ox.BlankNode) else t.object}"
                           for t in out_edges.get(node, []))
            labels[node] = "b" + hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:16]
        return labels[node]

    def term(x):
        return ox.BlankNode(label(x)) if isinstance(x, ox.BlankNode) else x

    g = ox.NamedNode(GRAPH_ONTOLOGY)
    quads = [ox.Quad(term(t.subject), t.predicate, term(t.object), g) for t in triples]
    # the truthy policy (ontology/truthy_policy.toml) as annotations: which property holds a kind's value
    from foundation.namespaces import PFK
    from ontology.model import load_model

    for rule in load_model().truthy:
        quads.append(ox.Quad(ox.NamedNode(PFK[rule.kind]), ox.NamedNode(PFA.truthyProperty),
                             ox.NamedNode(PFA[rule.property]), g))
    return quads


def _sorted_lines(quads: list[ox.Quad]) -> list[bytes]:
    """The N-Quads lines of the distinct ``quads``, sorted (what :func:`petaflop.graph.to_nquads` joins):
    serialised by pyoxigraph, sorted as bytes (UTF-8 sorts as code points do)."""
    text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    return sorted({line + b"\n" for line in text.split(b"\n") if line})


def run_build(report: str | None = None, out_dir: Path = BUILD_DIR, progress: Progress | None = None,
              check_consistency: bool = True, write_store: bool = True, strict: bool = False,
              gated: bool = True, reference: bool = True) -> BuildResult:
    """The build, holding the lock of ``out_dir`` (:mod:`petaflop.outlock`) from start to end."""
    import gc

    from petaflop.outlock import out_lock

    was_enabled = gc.isenabled()
    gc.disable()  # the build makes millions of objects and few cycles: collections cost ~20 % of its CPU
    try:
        with out_lock(out_dir):
            return _run_build(report, Path(out_dir), progress, check_consistency, write_store, strict, gated,
                              reference)
    finally:
        if was_enabled:
            gc.enable()


def _run_build(report: str | None, out_dir: Path, progress: Progress | None, check_consistency: bool,
               write_store: bool, strict: bool, gated: bool, reference: bool) -> BuildResult:
    from ingest import parse_report
    from petaflop import graph, reasoning
    from petaflop.extract.pipeline import extract

    say = progress or (lambda stage, msg: None)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = BuildResult(nq_path=out_dir / "atlas.nq")

    def stage(name: str):
        say(name, "start")
        return time.perf_counter()

    t = stage("parse")
    doc = parse_report(resolve_report(report))
    result.document = doc
    result.timings["parse"] = time.perf_counter() - t
    say("parse", f"{len(doc.chapters)} chapters, {len(doc.tables)} tables")

    t = stage("extract")
    from petaflop.extract.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()  # once, for the extraction and the reference layer
    ex = extract(doc, gazetteer)
    result.extraction = ex
    result.timings["extract"] = time.perf_counter() - t
    say("extract", f"{len(ex.facts)} facts, {len(ex.claims)} claims, {len(ex.entities)} objects")

    t = stage("assert")
    from petaflop import statements

    onto = ontology_quads()
    from petaflop.extract.gate import OPEN, load_gate

    gate = load_gate() if gated else OPEN
    merged = statements.assemble(ex, gate=gate)
    result.statements = merged
    asserted = graph.extraction_quads(ex, merged, gate)
    from petaflop.curation import build_overlay

    result.curation = build_overlay(asserted, out_dir, say)  # the review log as an overlay (pfg:curation)
    asserted = result.curation.apply(asserted)
    if reference:  # the reference layer (reference/*.tsv) in pfg:reference: see petaflop/reference_graph.py
        from petaflop.reference_graph import reference_layer

        result.reference = reference_layer(asserted, resolve_report(report), gazetteer=gazetteer)
    ref_triples = [(r.subject, r.predicate, r.object) for r in result.reference.triples] if reference else []
    result.timings["assert"] = time.perf_counter() - t

    t = stage("reason")
    facts_graph = ox.NamedNode(GRAPHS[1])
    facts = [(q.subject, q.predicate, q.object) for q in asserted if q.graph_name == facts_graph]
    facts += [(x.subject, x.predicate, x.object) for x in result.curation.fact_triples]  # curated facts too
    inferred = reasoning.materialise_triples(ox.Triple(*f) for f in facts + ref_triples)
    inferred_q = graph.inferred_quads(inferred)
    result.timings["reason"] = time.perf_counter() - t
    say("reason", f"{len(inferred)} inferred triples")

    t = stage("validate")
    # SHACL and HermiT are cached by the hash of their inputs (petaflop/checks.py): a verdict for the same
    # ontology, code and triples is read back; otherwise SHACL runs in a forked child and HermiT in its JVM
    # while this process serialises the graph and loads the store (two cores), and the build waits for both
    # before it publishes anything.
    from petaflop import checks

    g_inferred = ox.NamedNode(GRAPHS[3])  # pfg:inferred (the other inferred quads are their provenance)
    checked = [ox.Triple(*f) for f in facts + ref_triples] + [q.triple for q in inferred_q if q.graph_name == g_inferred]
    shacl_key = checks.check_key("shacl", checked)
    shacl_done = checks.cached(out_dir, "shacl", shacl_key)
    shacl_run = checks.start_shacl(checked) if shacl_done is None else None
    hermit_key = hermit_done = hermit_run = None
    if check_consistency:
        hermit_key = checks.check_key("hermit", checked)
        hermit_done = checks.cached(out_dir, "hermit", hermit_key)
        if hermit_done is None:
            from concurrent.futures import ThreadPoolExecutor

            pool = ThreadPoolExecutor(max_workers=1)
            hermit_run = pool.submit(checks.hermit_verdict, checked)
            pool.shutdown(wait=False)
    result.timings["validate"] = time.perf_counter() - t

    t = stage("store")
    ref_quads = result.reference.quads if reference else []
    import hashlib

    from petaflop.atomic import write_bytes
    from petaflop.manifest import MANIFEST, read_manifest, write_manifest
    from petaflop.store import commit_disk_store, prepare_disk_store

    lines = _sorted_lines(onto + asserted + inferred_q + ref_quads)  # distinct quads, one line each
    nq_bytes = b"".join(lines)
    nq_digest = hashlib.sha256(nq_bytes).hexdigest()
    store_dir, new_store = out_dir / "store", None
    if write_store:
        before = read_manifest(out_dir)
        (out_dir / MANIFEST).unlink(missing_ok=True)  # from here on, the folder's store is not known current
        same = before is not None and before.doc["nq"][3] == nq_digest and before.store_dir == store_dir
        if not (same and store_dir.is_dir()):  # the same graph as the store holds: kept
            new_store = prepare_disk_store(nq_bytes, store_dir)
    result.timings["store"] = time.perf_counter() - t

    t = time.perf_counter()
    try:
        shacl = shacl_done if shacl_run is None else shacl_run.result()
        report_v = checks.shacl_report(shacl)
        result.validation = report_v
        result.shacl_errors = len(report_v.errors)
        result.shacl_warnings = len(report_v.warnings)
        cache_note = " (inputs unchanged: cached)" if shacl_run is None else ""
        say("validate", f"SHACL {len(report_v.errors)} errors, {len(report_v.warnings)} warnings{cache_note}")
        if shacl_run is not None:
            checks.remember(out_dir, "shacl", shacl_key, shacl)
        if check_consistency:
            cons = hermit_done if hermit_run is None else hermit_run.result()
            if hermit_run is not None:
                checks.remember(out_dir, "hermit", hermit_key, cons)
            result.consistent = cons["consistent"]
            if not cons["consistent"]:
                raise BuildFailed(f"the asserted graph is inconsistent: {cons['message']}")
            say("validate", cons["message"] + (" (inputs unchanged: cached)" if hermit_run is None else ""))
        if report_v.errors and strict:
            first = "; ".join(f"{e.focus} {e.path}: {e.message}" for e in report_v.errors[:3])
            raise BuildFailed(f"SHACL: {len(report_v.errors)} violation(s), e.g. {first}")
    except BaseException:
        if new_store is not None:
            import shutil

            shutil.rmtree(new_store, ignore_errors=True)
        raise
    result.timings["validate"] += time.perf_counter() - t

    t = time.perf_counter()
    write_bytes(result.nq_path, nq_bytes)  # temp file + rename: a killed build leaves the old graph
    if write_store:
        if new_store is not None:
            commit_disk_store(new_store, store_dir)
        write_manifest(out_dir, result.nq_path, nq_digest, resolve_report(report), store_dir,
                       {"hermit": check_consistency, "reference": reference})
    result.timings["store"] += time.perf_counter() - t

    per_graph = Counter(line[line.rindex(b"<") + 1:-4].decode() for line in lines)  # "… <graph> .\n"
    result.triples_per_graph = {g.rsplit("/", 1)[-1]: per_graph.get(g, 0) for g in GRAPHS}
    types = Counter()
    for q in asserted:
        if str(q.predicate.value) == RDF.type and str(q.object.value).startswith(PFA):
            types[str(q.object.value)[len(PFA):]] += 1
    result.objects_by_type = dict(sorted(types.items()))
    result.warnings = [f"line {ln}: {msg}" for ln, msg in ex.warnings]
    return result
