"""The build's checks — SHACL shapes and HermiT consistency — cached by the hash of their inputs.

Each check is a function of the ontology (every ``ontology/*.ttl``: classes, shapes, kinds), the
code that runs it, and the triples it checks (asserted facts, the reference layer and what the
rules inferred; provenance is not checked). :func:`check_key` hashes exactly those; a verdict is
kept in ``<build>/checks/<check>.json`` under its key, and a build or ``petaflop check`` whose
inputs hash the same reads it back instead of running the check again (SHACL takes seconds,
HermiT tens of seconds). A verdict that failed is cached too: the same inputs fail the same way.

While a build serialises the graph and loads the on-disk store, SHACL runs in a forked child
process (:func:`start_shacl`; pySHACL is pure Python, so a thread would share one core with the
build) and HermiT in its own JVM, on the machine's other core.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyoxigraph as ox

CACHE_DIR = "checks"
FORMAT = 1


def _code_digest(*modules: str) -> bytes:
    import importlib

    h = hashlib.sha256()
    for name in modules:
        h.update(Path(importlib.import_module(name).__file__).read_bytes())
    return h.digest()


def check_key(check: str, triples: Iterable[ox.Triple]) -> str:
    """SHA-256 of what ``check`` ("shacl" or "hermit") reads: ontology files, its code, its versions, the triples."""
    from importlib.metadata import version

    from ontology import HERE as ONTOLOGY_DIR

    h = hashlib.sha256(f"{check} {FORMAT}\n".encode())
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    if check == "shacl":
        h.update(_code_digest("petaflop.validation") + version("pyshacl").encode() + version("rdflib").encode())
    else:
        h.update(_code_digest("petaflop.consistency", "petaflop.reasoning"))
    lines = sorted({f"{t.subject} {t.predicate} {t.object}" for t in triples})
    h.update("\n".join(lines).encode("utf-8"))
    return h.hexdigest()


def _path(out_dir: Path, check: str) -> Path:
    return Path(out_dir) / CACHE_DIR / f"{check}.json"


def cached(out_dir: Path, check: str, key: str) -> dict | None:
    """The verdict recorded for these inputs, or None."""
    try:
        doc = json.loads(_path(out_dir, check).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) and doc.get("key") == key else None


def remember(out_dir: Path, check: str, key: str, verdict: dict) -> None:
    from petaflop.atomic import write_text

    write_text(_path(out_dir, check), json.dumps({"key": key, **verdict}, ensure_ascii=False, indent=0) + "\n")


# --------------------------------------------------------------------------- SHACL


def shacl_verdict(report: Any) -> dict:
    return {"conforms": report.conforms, "errors": [asdict(r) for r in report.errors],
            "warnings": [asdict(r) for r in report.warnings]}


def shacl_report(verdict: dict):
    from petaflop.validation import ShapeResult, ValidationReport

    return ValidationReport(verdict["conforms"], [ShapeResult(**r) for r in verdict["errors"]],
                            [ShapeResult(**r) for r in verdict["warnings"]])


def rdflib_graph(triples: Iterable[ox.Triple]):
    import rdflib

    from petaflop.reasoning import to_rdflib

    data = rdflib.Graph()
    for t in triples:
        data.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return data


def validate_triples(triples: list[ox.Triple]) -> dict:
    from petaflop.validation import validate

    return shacl_verdict(validate(rdflib_graph(triples), owned=True))


class _Child:
    """A function run in a forked child; :meth:`result` waits for its pickled answer."""

    def __init__(self, func, *args: Any):
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: compute, send, leave without running the parent's clean-ups
            os.close(read)
            try:
                answer: tuple = ("ok", func(*args))
            except BaseException as exc:  # handed to the parent
                answer = ("error", f"{type(exc).__name__}: {exc}")
            try:
                data = pickle.dumps(answer)
                with os.fdopen(write, "wb") as fh:
                    fh.write(data)
            finally:
                os._exit(0)
        os.close(write)
        self.fd = read

    def result(self) -> Any:
        with os.fdopen(self.fd, "rb") as fh:
            data = fh.read()
        _pid, status = os.waitpid(self.pid, 0)
        if not data:
            raise RuntimeError(f"the check's process ended without an answer (status {status})")
        kind, value = pickle.loads(data)
        if kind != "ok":
            raise RuntimeError(f"the check failed: {value}")
        return value


class _Done:
    def __init__(self, value: Any):
        self.value = value

    def result(self) -> Any:
        return self.value


def start_shacl(triples: list[ox.Triple]):
    """SHACL over ``triples`` in a forked child (in this process where there is no fork); ``.result()``
    is the verdict dict."""
    if not hasattr(os, "fork"):
        return _Done(validate_triples(triples))
    return _Child(validate_triples, triples)


# --------------------------------------------------------------------------- HermiT


def hermit_verdict(triples: list[ox.Triple]) -> dict:
    from petaflop.consistency import hermit_consistency

    cons = hermit_consistency(rdflib_graph(triples))
    return {"consistent": cons.consistent, "message": cons.message, "culprits": list(cons.culprits)}


# --------------------------------------------------------------------------- both, on a built graph


def graph_triples(nq_path: Path) -> list[ox.Triple]:
    """The triples a build checks, read back from its ``atlas.nq``: facts, curation, reference, inferred."""
    from foundation.namespaces import GRAPH_FACTS, GRAPH_INFERRED, GRAPH_REFERENCE, PFG

    wanted = {ox.NamedNode(g) for g in (GRAPH_FACTS, GRAPH_INFERRED, GRAPH_REFERENCE, PFG.curation)}
    out: dict[ox.Triple, None] = {}
    for q in ox.parse(path=str(nq_path), format=ox.RdfFormat.N_QUADS):
        if q.graph_name in wanted:
            out[ox.Triple(q.subject, q.predicate, q.object)] = None
    return list(out)


def run_checks(triples: list[ox.Triple], out_dir: Path, *, hermit: bool = True, rerun: bool = False,
               say=lambda _msg: None) -> dict[str, dict]:
    """SHACL (and HermiT) over ``triples``: each verdict from the cache of ``out_dir`` when its inputs
    are unchanged, else run (in parallel) and cached. Returns {"shacl": verdict, "hermit": verdict}."""
    keys = {"shacl": check_key("shacl", triples)}
    if hermit:
        keys["hermit"] = check_key("hermit", triples)
    verdicts: dict[str, dict] = {}
    for check, key in keys.items():
        hit = None if rerun else cached(out_dir, check, key)
        if hit is not None:
            verdicts[check] = hit
            say(f"{check}: inputs unchanged, verdict from {_path(out_dir, check)}")
    pending = start_shacl(triples) if "shacl" not in verdicts else None
    if hermit and "hermit" not in verdicts:
        say("hermit: running")
        verdicts["hermit"] = hermit_verdict(triples)
        remember(out_dir, "hermit", keys["hermit"], verdicts["hermit"])
    if pending is not None:
        say("shacl: running")
        verdicts["shacl"] = pending.result()
        remember(out_dir, "shacl", keys["shacl"], verdicts["shacl"])
    for v in verdicts.values():
        v.pop("key", None)
    return verdicts
