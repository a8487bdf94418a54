"""The build manifest: what a build read and wrote, so a reader can tell whether it is current.

``<out>/manifest.json`` is written last by a build that writes the on-disk store. It records

* ``atlas.nq`` (size, mtime, SHA-256) and the folder of the store built from it;
* the report (its path and SHA-256) and the build's *inputs*: the repository's source modules the
  build ran (every loaded module of ``foundation``, ``ingest``, ``ontology``, ``queries`` and
  ``petaflop`` except the command line and the app) and its data files (ontology, shapes, rules,
  the reference layer, the extraction's lexicons and gate) — each with size, mtime and SHA-256;
* the options the build ran with (HermiT, reference layer), so ``--rebuild`` repeats them.

:func:`staleness` compares them with the files as they are now: a file whose size and mtime are
unchanged is taken as unchanged (no read); another is hashed, and only a different hash makes
the build stale. It answers in milliseconds. The curation log is not an input: actions apply at
the next build (the CLI says so), as before.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from foundation.paths import REPO_ROOT

MANIFEST = "manifest.json"
VERSION = 1
CODE_PACKAGES = ("foundation", "ingest", "ontology", "queries", "petaflop")
NOT_BUILD_CODE = ("petaflop.cli", "petaflop.app", "petaflop.curation.cli", "petaflop.curation.review_cli")
DATA_DIRS = ("ontology", "reference", "petaflop/extract")
DATA_SUFFIXES = (".ttl", ".toml", ".tsv", ".rq", ".swrl")
SKIP_DATA = ("ontology/competency/",)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _entry(path: Path, digest: str | None = None) -> list:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, digest or sha256_file(path)]


def code_inputs() -> list[Path]:
    """The repository's source files of the modules loaded now (the build's code), sorted."""
    out = set()
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in CODE_PACKAGES or name.startswith(NOT_BUILD_CODE):
            continue
        file = getattr(module, "__file__", None)
        if file and file.endswith(".py"):
            path = Path(file).resolve()
            if path.is_relative_to(REPO_ROOT):
                out.add(path)
    return sorted(out)


def data_inputs() -> list[Path]:
    out = []
    for folder in DATA_DIRS:
        for path in sorted((REPO_ROOT / folder).rglob("*")):
            rel = path.relative_to(REPO_ROOT).as_posix()
            if path.suffix in DATA_SUFFIXES and path.is_file() and not rel.startswith(SKIP_DATA):
                out.append(path)
    return out


def write_manifest(out_dir: Path, nq_path: Path, nq_digest: str, report: Path, store_dir: Path,
                   options: dict) -> Path:
    """Record a finished build (called after ``atlas.nq`` and the store are in place)."""
    from petaflop.atomic import write_text

    inputs = {}
    for path in code_inputs() + data_inputs():
        inputs[path.relative_to(REPO_ROOT).as_posix()] = _entry(path)
    doc = {
        "version": VERSION,
        "nq": [nq_path.name, *_entry(nq_path, nq_digest)],
        "store": store_dir.name,
        "report": [str(Path(report).resolve()), *_entry(Path(report))],
        "options": options,
        "inputs": inputs,
    }
    return write_text(out_dir / MANIFEST, json.dumps(doc, indent=0, sort_keys=True) + "\n")


@dataclass
class Manifest:
    folder: Path
    doc: dict

    @property
    def store_dir(self) -> Path:
        return self.folder / self.doc["store"]

    @property
    def nq_path(self) -> Path:
        return self.folder / self.doc["nq"][0]

    @property
    def report(self) -> str:
        return self.doc["report"][0]

    @property
    def options(self) -> dict:
        return dict(self.doc.get("options") or {})


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest of a build folder, or None when there is none (or it is not one we can read)."""
    try:
        doc = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("version") != VERSION:
        return None
    return Manifest(Path(folder), doc)


def _changed(path: Path, entry: list) -> bool:
    try:
        st = path.stat()
    except OSError:
        return True
    if [st.st_size, st.st_mtime_ns] == entry[:2]:
        return False
    return st.st_size != entry[0] or sha256_file(path) != entry[2]


def staleness(manifest: Manifest) -> str:
    """"" when the build is current, else why not (a short phrase naming the file that changed)."""
    doc = manifest.doc
    nq = manifest.nq_path
    if not manifest.store_dir.is_dir():
        return f"its store {manifest.store_dir} is missing"
    if _changed(nq, doc["nq"][1:]):
        return f"{nq} was rewritten after the store was built"
    report = Path(doc["report"][0])
    if _changed(report, doc["report"][1:]):
        return f"the report {report} changed" if report.is_file() else f"the report {report} is gone"
    for rel, entry in doc["inputs"].items():
        if _changed(REPO_ROOT / rel, entry):
            return f"{rel} changed"
    recorded = set(doc["inputs"])
    for path in data_inputs():
        if path.relative_to(REPO_ROOT).as_posix() not in recorded:
            return f"{path.relative_to(REPO_ROOT).as_posix()} is new"
    return ""
