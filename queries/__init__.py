"""The named SPARQL query catalogue: ``queries/<id>.rq`` files with a metadata header.

Header (comment lines at the top of the file; ``param`` may repeat, ``title_ko`` and
``description_ko`` are Korean; ``description_ko`` is optional, the catalogue's own files all have it)::

    # id: clusters-by-power
    # title: Clusters ranked by power
    # title_ko: 전력 기준 클러스터 순위
    # description: one line
    # description_ko: 한 줄 설명
    # param: min_mw | decimal | 0 | minimum power in MW
    # view: table

A parameter ``x`` appears in the query as ``?x``; its type is one of :data:`PARAM_TYPES`. An
empty default is the empty string for a ``string`` parameter and makes any other one required. The query after the header is self-contained (its own PREFIX
lines) and written against the union default graph. See ``queries/README.md``.

Any problem in a file raises :class:`CatalogueError` naming the file and line.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from foundation.errors import UserError

CATALOGUE_DIR = Path(__file__).resolve().parent
PARAM_TYPES = ("iri", "entity", "string", "decimal", "integer", "date")
VIEWS = ("table", "bar", "graph", "map", "timeline")
REQUIRED_KEYS = ("id", "title", "title_ko", "description", "view")
OPTIONAL_KEYS = ("description_ko",)
_KEY_RE = re.compile(r"#\s*([a-z_]+)\s*:\s?(.*)$")
_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class CatalogueError(UserError):
    """A catalogue file is malformed; the message names the file and line."""


class UnknownQuery(UserError):
    """No catalogue query has that id; the message lists close matches."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str  # as written in the header; "" when the field is empty
    description: str

    @property
    def required(self) -> bool:
        """An empty default is the empty string for a ``string`` parameter, else "must be given"."""
        return self.default == "" and self.type != "string"


@dataclass(frozen=True)
class CatalogueQuery:
    id: str
    title: str
    title_ko: str
    description: str
    params: tuple[Param, ...]
    view: str
    sparql: str  # the whole file text (the header is SPARQL comments, so line numbers match the file)
    path: Path
    description_ko: str = ""

    def description_in(self, lang: str = "en") -> str:
        """The description in ``lang`` ("ko": the Korean one when the file has it, else the English one)."""
        return self.description_ko if lang == "ko" and self.description_ko else self.description

    def title_in(self, lang: str = "en") -> str:
        """The title in ``lang``."""
        return self.title_ko if lang == "ko" and self.title_ko else self.title

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def parse_query_file(path: Path | str) -> CatalogueQuery:
    """Read one ``.rq`` file and validate its header."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    meta: dict[str, tuple[int, str]] = {}
    params: list[Param] = []

    def fail(line: int, message: str) -> CatalogueError:
        return CatalogueError(f"{path}: line {line}: {message}")

    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        m = _KEY_RE.match(line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "param":
            params.append(_parse_param(value, lineno, fail, params))
        elif key in REQUIRED_KEYS or key in OPTIONAL_KEYS:
            if key in meta:
                raise fail(lineno, f"'{key}' is given twice (first on line {meta[key][0]})")
            meta[key] = (lineno, value)
    for key in REQUIRED_KEYS:
        if key not in meta or not meta[key][1]:
            raise fail(meta[key][0] if key in meta else 1, f"header lacks '# {key}: …'")
    qid = meta["id"][1]
    if not _ID_RE.match(qid):
        raise fail(meta["id"][0], f"id {qid!r} must be lower-case words joined by '-'")
    if qid != path.stem:
        raise fail(meta["id"][0], f"id {qid!r} differs from the file name {path.name!r}")
    view = meta["view"][1]
    if view not in VIEWS:
        raise fail(meta["view"][0], f"view {view!r} is not one of {', '.join(VIEWS)}")
    from queries.sparql import analyse

    shape = analyse(text)
    if shape.is_update or not shape.form:
        raise fail(1, "the file holds no SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    for p in params:
        if p.name not in shape.variables:
            raise fail(1, f"parameter {p.name!r} does not occur in the query as ?{p.name}")
    return CatalogueQuery(
        id=qid, title=meta["title"][1], title_ko=meta["title_ko"][1], description=meta["description"][1],
        params=tuple(params), view=view, sparql=text, path=path,
        description_ko=meta.get("description_ko", (0, ""))[1],
    )


def _parse_param(value: str, lineno: int, fail, seen: list[Param]) -> Param:
    parts = [p.strip() for p in value.split("|", 3)]
    if len(parts) != 4:
        raise fail(lineno, "param needs 'name | type | default | description'")
    name, type_, default, description = parts
    if not _NAME_RE.match(name):
        raise fail(lineno, f"param name {name!r} is not a SPARQL variable name")
    if any(p.name == name for p in seen):
        raise fail(lineno, f"param {name!r} is declared twice")
    if type_ not in PARAM_TYPES:
        hint = difflib.get_close_matches(type_, PARAM_TYPES, n=1)
        raise fail(lineno, f"param {name!r}: type {type_!r} is not one of {', '.join(PARAM_TYPES)}"
                   + (f" (did you mean {hint[0]!r}?)" if hint else ""))
    return Param(name=name, type=type_, default=default, description=description)


def load_catalogue(directory: Path | str | None = None) -> list[CatalogueQuery]:
    """Every ``*.rq`` file of the catalogue folder, sorted by id."""
    folder = Path(directory) if directory else CATALOGUE_DIR
    return sorted((parse_query_file(p) for p in folder.glob("*.rq")), key=lambda q: q.id)


def suggest(name: str, n: int = 5, directory: Path | str | None = None) -> list[str]:
    """Ids close to ``name`` (typos, or a word the id contains)."""
    ids = [q.id for q in load_catalogue(directory)]
    close = difflib.get_close_matches(name.lower(), ids, n=n, cutoff=0.5)
    contains = [i for i in ids if name.lower() in i and i not in close]
    return (close + contains)[:n]


def get(query_id: str, directory: Path | str | None = None) -> CatalogueQuery:
    """The query with this id; an unknown id raises :class:`UnknownQuery` with close matches."""
    folder = Path(directory) if directory else CATALOGUE_DIR
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", query_id) and (folder / f"{query_id}.rq").is_file():
        first = parse_query_file(folder / f"{query_id}.rq")  # files are named by id: one file read
        if first.id == query_id:
            return first
    for q in load_catalogue(directory):
        if q.id == query_id:
            return q
    hints = suggest(query_id, directory=directory)
    hint = f"; did you mean: {', '.join(hints)}?" if hints else ""
    raise UnknownQuery(f"unknown query {query_id!r}{hint} (`petaflop query --help` lists the catalogue)")
