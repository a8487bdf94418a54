"""Environment checks behind ``petaflop doctor``.

Each check returns a :class:`Check` with a status: ``ok``, ``warn`` (works, but a feature is
off — e.g. no Chromium means no browser tests), ``user`` (the user must act: the report is
missing) or ``env`` (the machine lacks something required). The worst status decides the
exit code: 0 ok/warn, 1 user error, 2 environment error.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from foundation.errors import PetaflopError
from foundation.paths import resolve_report

REQUIRED_PACKAGES = (
    "rdflib", "owlready2", "networkx", "SPARQLWrapper", "streamlit", "pyoxigraph",
    "oxigraph", "pyshacl", "owlrl", "typer", "rich",
)
OPTIONAL_PACKAGES = ("pytest", "hypothesis", "playwright", "ruff")
CHROMIUM = "/usr/bin/chromium"
PORTS = {8501: "Streamlit app", 7878: "Oxigraph SPARQL server"}
SEVERITY = {"ok": 0, "warn": 0, "user": 1, "env": 2}


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # ok | warn | user | env
    detail: str


def check_python() -> Check:
    ok = sys.version_info >= (3, 11)
    return Check("python", "ok" if ok else "env", sys.version.split()[0] + ("" if ok else " (need >= 3.11)"))


def check_package(name: str, required: bool = True) -> Check:
    try:
        return Check(f"package {name}", "ok", version(name))
    except PackageNotFoundError:
        return Check(f"package {name}", "env" if required else "warn", "not installed")


def check_java() -> Check:
    java = shutil.which("java")
    if not java:
        return Check("java (HermiT)", "env", "java not on PATH; HermiT consistency checks need Java >= 11")
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check("java (HermiT)", "env", f"{java} did not run: {exc}")
    m = re.search(r'version "(\d+)', out.stderr + out.stdout)
    major = int(m.group(1)) if m else 0
    if major and major < 11:
        return Check("java (HermiT)", "env", f"{java}: Java {major} is too old; HermiT needs >= 11")
    return Check("java (HermiT)", "ok", f"{java} (Java {major or '?'})")


_MAGIC = {b"\xff\xfe": "UTF-16 text (the report is UTF-8)", b"\xfe\xff": "UTF-16 text (the report is UTF-8)",
          b"\x89PNG": "a PNG image", b"%PDF": "a PDF document", b"PK\x03\x04": "a zip archive (docx, xlsx …)",
          b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"\x7fELF": "a program"}


def check_report(explicit: str | None = None) -> Check:
    """The report is found, is UTF-8 text and parses into this report's shape (chapters, tables)."""
    try:
        path = resolve_report(explicit)
    except PetaflopError as exc:
        return Check("report", "user", str(exc))
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Check("report", "user", f"{path}: cannot read it ({exc.strerror or exc})")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return Check("report", "user", f"{path}: this is {what}, not the report's text")
    if b"\x00" in data[:65536]:
        return Check("report", "user", f"{path}: binary data (NUL bytes), not the report's text")
    from ingest import parse_bytes

    try:
        doc = parse_bytes(data, str(path))
    except PetaflopError as exc:
        return Check("report", "user", str(exc))
    problems = [w for w in doc.warnings if getattr(w, "kind", "") == "input"]
    shape = f"{len(doc.chapters)} chapters, {len(doc.tables)} tables"
    if problems:
        first = problems[0]
        return Check("report", "warn", f"{path}: {shape}; line {first.line}: {first.message}"
                     + (f" (+{len(problems) - 1} more: petaflop parse lists them)" if len(problems) > 1 else ""))
    return Check("report", "ok", f"{path} ({shape})")


def check_chromium() -> Check:
    if shutil.which("chromium") or shutil.which(CHROMIUM):
        return Check("chromium", "ok", shutil.which("chromium") or CHROMIUM)
    return Check("chromium", "warn", "not installed; browser tests need Debian 'chromium' (make test installs it as root)")


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def check_port(port: int, purpose: str) -> Check:
    if port_free(port):
        return Check(f"port {port}", "ok", f"free ({purpose})")
    return Check(f"port {port}", "warn", f"in use ({purpose}); pick another with --port")


def run_checks(report: str | None = None) -> list[Check]:
    checks = [check_python()]
    checks += [check_package(p) for p in REQUIRED_PACKAGES]
    checks += [check_package(p, required=False) for p in OPTIONAL_PACKAGES]
    checks += [check_java(), check_report(report), check_chromium()]
    checks += [check_port(p, why) for p, why in PORTS.items()]
    return checks


def exit_code(checks: list[Check]) -> int:
    return max((SEVERITY[c.status] for c in checks), default=0)
