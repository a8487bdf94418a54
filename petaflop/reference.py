"""The reference layer: identity attributes the report takes for granted, as ``pfg:reference``.

The report says "UAE의 G42" once and assumes the reader knows where AWS, TSMC or Mistral are
based, who owns GitHub and who designs the H100. ``reference/*.tsv`` states those identities —
country, parent organisation, designer, bloc membership — one reviewable row each, with its
source: ``report:<line>`` (or ``report:<a>-<b>``) where the report states it, else ``reference``
and a short English justification. Identity only: never quantities, dates, deals or events.

This module reads the files strictly (a bad column, id, country name or code, or source is an
error naming the file and line), turns the rows into quads in the named graph ``pfg:reference``
typed with the ontology's own properties, and gives each triple an ``rdf:Statement`` in
``pfg:provenance`` with ``pfa:extractionRule "reference"``. :func:`reference_layer` is the
build's hook; ``petaflop build --no-reference`` leaves it out. Checks against the report (the
cited lines must name both ends of the row) run when the report's lines are given.
"""

from __future__ import annotations

import difflib
import gettext
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from foundation.errors import UserError
from foundation.namespaces import GRAPH_REFERENCE
from reference import REFERENCE_DIR

#: The graph IRI, for the app's toggle and SPARQL users (``FROM``/``GRAPH pfg:reference``).
GRAPH = GRAPH_REFERENCE
RULE = "reference"

ORG_TYPES = frozenset({"Organization", "Firm", "AILab", "GovernmentBody", "Investor", "SovereignWealthFund",
                       "UtilityOrGridOperator", "ResearchInstitute", "StandardsBody"})
CHIP_TYPES = frozenset({"Chip", "GPU", "ASIC", "TPU", "NPU", "CPU", "System"})
HARDWARE_TYPES = CHIP_TYPES | {"ChipArchitecture"}
#: What an organisation makes and the report names by product name alone ("GPT-5", "CUDA", "ChatGPT"),
#: and a foundry's process node ("N3P", "18A"), developed by the foundry.
MADE_TYPES = frozenset({"AIModel", "AIProduct", "SoftwarePlatform", "ProcessNode"})
#: Technologies and power products one firm owns ("NVLink 6", a vendor's switch line or fuel-cell
#: server): designed by it, as a chip is.
DESIGNED_TYPES = HARDWARE_TYPES | {"NetworkTechnology", "MemoryTechnology", "PackagingTechnology", "FuelCell"}
#: Places inside a region or country (a campus, a fab, a national grid) and named compute clusters
#: (a national laboratory's supercomputer): ``partOf`` it (a site) or ``locatedIn`` it (a grid, a cluster).
SITE_TYPES = frozenset({"Site", "Grid", "ComputeCluster"})
PLACE_TYPES = frozenset({"Region", "Country"})
PARENT_LINKS = ("ownedBy", "partOf")
#: A bloc's members are ``memberOf`` it; a partnership the report names by its parties ("팔란티어+
#: TeleTracking", "삼성전자 & 팔란티어 반도체 협력") has them as parties (``hasParty``, as a deal has).
BLOC_TYPES = frozenset({"Alliance", "Partnership"})
#: A named policy, law or trade measure and the authority that issued it (``issuedBy``: "China Personal
#: Information Protection Law" → China); a named programme or event and its host (``sponsoredBy``).
ISSUED_TYPES = frozenset({"Policy", "Law", "TradeMeasure", "ExportControlMeasure", "PolicyInstrument"})
HOSTED_TYPES = frozenset({"Event"})
ISSUER_LINKS = ("issuedBy", "sponsoredBy")

COLUMNS = {
    "countries.tsv": ("id", "code", "name_en", "name_ko", "source", "justification"),
    "regions.tsv": ("id", "country", "part_of", "subdivision", "source", "justification"),
    "entities.tsv": ("id", "type", "name_en", "name_ko", "aliases", "source", "justification"),
    "organisations.tsv": ("id", "country", "source", "justification"),
    "parents.tsv": ("id", "parent", "link", "source", "justification"),
    "hardware.tsv": ("id", "designer", "source", "justification"),
    "makers.tsv": ("id", "developer", "source", "justification"),
    "blocs.tsv": ("bloc", "member", "source", "justification"),
    "publishers.tsv": ("id", "publisher", "source", "justification"),
    "sites.tsv": ("id", "place", "source", "justification"),
    "issuers.tsv": ("id", "issuer", "link", "source", "justification"),
    "unlisted.tsv": ("name", "kind", "value", "source", "justification"),
}
UNLISTED_KINDS = ("country", "designer")

#: Korean shorthand for countries that the gazetteer does not list as aliases ("英 NHS", "미 육군").
SHORTHAND = {"US": ("美", "미 "), "CN": ("中",), "GB": ("英",), "JP": ("日",), "KR": ("韓",), "DE": ("獨", "独"),
             "FR": ("佛",), "TW": ("臺", "台"), "RU": ("露",), "SA": ("KSA",)}

_SOURCE = re.compile(r"^report:(\d+)(?:-(\d+))?$")
_CODE = re.compile(r"^[A-Z]{2}$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HANGUL = re.compile(r"[가-힣]")
MAX_SPAN = 15  # a cited range covers a caption and its table rows at most
MAX_JUSTIFICATION = 60


class ReferenceError(UserError):
    """A problem in a reference file; the message names the file and line."""


@dataclass(frozen=True)
class Source:
    kind: str  # "report", "reference" or "" (an unknown value: the justification is the reason)
    start: int = 0
    end: int = 0
    justification: str = ""

    def __str__(self) -> str:
        if self.kind == "report":
            return f"report:{self.start}" + (f"-{self.end}" if self.end != self.start else "")
        return self.kind


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    values: dict
    source: Source

    def __getitem__(self, key: str) -> str:
        return self.values[key]

    @property
    def where(self) -> str:
        return f"reference/{self.file}:{self.line}"


@dataclass
class Reference:
    """The validated files: rows by file, countries by id and by code, the names used in checks."""

    rows: dict[str, list[Row]]
    country_by_code: dict[str, str]
    code_by_country: dict[str, str]
    types: dict[str, str]  # entity id -> type local name (gazetteer, entities.tsv, countries.tsv)
    labels: dict[str, tuple[str, str]]  # gazetteer entity id -> (English, Korean) name

    def of(self, file: str) -> list[Row]:
        return self.rows.get(file, [])


# --------------------------------------------------------------------------- reading


def _fail(file: str, line: int, message: str) -> ReferenceError:
    return ReferenceError(f"reference/{file} line {line}: {message}")


def _read(folder: Path, file: str) -> list[tuple[int, dict]]:
    path = folder / file
    if not path.is_file():
        raise ReferenceError(f"reference/{file}: file missing in {folder}")
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].rstrip("\r").split("\t")
    expected = COLUMNS[file]
    unknown = [c for c in header if c not in expected]
    if unknown:
        raise _fail(file, 1, f"unknown column {unknown[0]!r}; the columns are {', '.join(expected)}")
    if tuple(header) != expected:
        missing = [c for c in expected if c not in header]
        raise _fail(file, 1, f"missing column {missing[0]!r}" if missing else
                    f"columns out of order; expected {', '.join(expected)}")
    out = []
    for number, text in enumerate(lines[1:], start=2):
        text = text.rstrip("\r")
        if not text.strip():
            continue
        cells = text.split("\t")
        if len(cells) != len(expected):
            raise _fail(file, number, f"{len(cells)} cells, expected {len(expected)} ({', '.join(expected)})")
        out.append((number, {k: v.strip() for k, v in zip(expected, cells, strict=True)}))
    return out


def _source(file: str, line: int, values: dict, has_value: bool) -> Source:
    raw, why = values["source"], values["justification"]
    if len(why) > MAX_JUSTIFICATION:
        raise _fail(file, line, f"justification longer than {MAX_JUSTIFICATION} characters")
    if HANGUL.search(why):
        raise _fail(file, line, "justification must be English (no report prose in the repository)")
    if not has_value:
        if raw:
            raise _fail(file, line, f"source {raw!r} on a row without a value; leave it empty and give the reason")
        if not why:
            raise _fail(file, line, "no value and no reason: say in justification why the value is unknown")
        return Source("", justification=why)
    if raw == "reference":
        if not why:
            raise _fail(file, line, "source 'reference' needs a justification")
        return Source("reference", justification=why)
    match = _SOURCE.match(raw)
    if not match:
        raise _fail(file, line, f"bad source {raw!r}: expected report:<line>, report:<a>-<b> or reference")
    start = int(match.group(1))
    end = int(match.group(2) or start)
    if start < 1 or end < start or end - start > MAX_SPAN:
        raise _fail(file, line, f"bad source {raw!r}: a line range a-b with 1 <= a <= b <= a+{MAX_SPAN}")
    return Source("report", start, end, why)


@lru_cache(maxsize=1)
def _korean_iso():
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ko"], fallback=True)


def iso_country(code: str):
    """The pycountry record of an ISO 3166-1 alpha-2 code, or None."""
    import pycountry

    return pycountry.countries.get(alpha_2=code) if _CODE.match(code or "") else None


def iso_names(code: str) -> tuple[list[str], list[str]]:
    """English and Korean ISO 3166-1 names of a code (pycountry's data and its Korean translation)."""
    rec = iso_country(code)
    if rec is None:
        return [], []
    en = [n for n in (rec.name, getattr(rec, "common_name", None), getattr(rec, "official_name", None)) if n]
    ko = _korean_iso().gettext(rec.name)
    return list(dict.fromkeys(en)), ([ko] if ko and ko != rec.name else [])


def _resolve_country_name(name: str):
    import pycountry

    try:
        return pycountry.countries.lookup(name)
    except LookupError:
        pass
    try:
        return pycountry.countries.search_fuzzy(name)[0]
    except LookupError:
        return None


def load_reference(folder: Path = REFERENCE_DIR, report_lines: list[str] | None = None, gazetteer=None) -> Reference:
    """Read and validate every file; with ``report_lines``, each cited line must name both ends of its row."""
    from petaflop.extract.gazetteer import Gazetteer

    gaz = gazetteer or Gazetteer.load()
    types = {e.id: e.type for e in gaz}
    names: dict[str, list[str]] = {e.id: [n for n in e.names if n != e.id] for e in gaz}
    rows: dict[str, list[Row]] = {}

    def check_id(file: str, line: int, entity: str, allowed: frozenset[str] | set[str], what: str) -> None:
        if entity not in types:
            close = difflib.get_close_matches(entity, list(types), n=3, cutoff=0.75)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise _fail(file, line, f"unknown entity id {entity!r}{hint}")
        if types[entity] not in allowed:
            raise _fail(file, line, f"{entity!r} is a {types[entity]}, not {what}")

    def check_lines(row: Row, *entities: str) -> None:
        src = row.source
        if src.kind != "report" or report_lines is None:
            return
        if src.end > len(report_lines):
            raise _fail(row.file, row.line, f"source {src} is past the report's last line ({len(report_lines)})")
        text = "\n".join(report_lines[src.start - 1:src.end]).casefold()
        for entity in entities:
            if not any(n.casefold() in text for n in names.get(entity, []) if n):
                raise _fail(row.file, row.line, f"source {src} does not name {entity.split('+')[0]!r} "
                                                f"(looked for: {', '.join(names.get(entity, [])[:6])})")

    def add(file: str, line: int, values: dict, has_value: bool) -> Row:
        row = Row(file, line, values, _source(file, line, values, has_value))
        rows.setdefault(file, []).append(row)
        return row

    # entities the gazetteer lacks (named by the report or needed as a bloc)
    for line, v in _read(folder, "entities.tsv"):
        if v["id"] in types:
            raise _fail("entities.tsv", line, f"{v['id']!r} is in the gazetteer: remove this row")
        if not _SLUG.match(v["id"]):
            raise _fail("entities.tsv", line, f"id {v['id']!r} is not lower-case words joined by '-'")
        if v["type"] not in ORG_TYPES | {"Alliance"}:
            raise _fail("entities.tsv", line, f"type {v['type']!r} is not an organisation type or Alliance")
        if not v["name_en"]:
            raise _fail("entities.tsv", line, "name_en is required")
        types[v["id"]] = v["type"]
        names[v["id"]] = [n for n in (v["name_en"], v["name_ko"], *v["aliases"].split("|")) if n]
        check_lines(add("entities.tsv", line, v, True), v["id"])

    # countries: ISO 3166-1 codes and names, validated with pycountry
    by_code: dict[str, str] = {}
    code_of: dict[str, str] = {}
    for line, v in _read(folder, "countries.tsv"):
        cid, code = v["id"], v["code"]
        rec = iso_country(code)
        if rec is None:
            raise _fail("countries.tsv", line, f"unknown ISO 3166-1 alpha-2 code {code!r}")
        found = _resolve_country_name(v["name_en"])
        if found is None:
            raise _fail("countries.tsv", line, f"unknown country name {v['name_en']!r} (not in ISO 3166-1)")
        if found.alpha_2 != code:
            raise _fail("countries.tsv", line, f"country name {v['name_en']!r} is ISO {found.alpha_2} "
                                               f"({found.name}), not {code}")
        if cid in types:
            check_id("countries.tsv", line, cid, {"Country"}, "a country")
            entity = gaz.by_id(cid)
            for col, have in (("name_en", entity.name_en), ("name_ko", entity.name_ko)):
                if have and v[col] != have:
                    raise _fail("countries.tsv", line, f"{col} {v[col]!r} differs from the gazetteer's {have!r}")
        elif not _SLUG.match(cid):
            raise _fail("countries.tsv", line, f"id {cid!r} is not lower-case words joined by '-'")
        if code in by_code:
            raise _fail("countries.tsv", line, f"code {code} already given to {by_code[code]!r}")
        if not v["name_ko"]:
            v["name_ko"] = (iso_names(code)[1] or [""])[0]
        by_code[code], code_of[cid] = cid, code
        types[cid] = "Country"
        en, ko = iso_names(code)
        names[cid] = list(dict.fromkeys([*names.get(cid, []), v["name_en"], v["name_ko"], *en, *ko,
                                         *SHORTHAND.get(code, ())]))
        check_lines(add("countries.tsv", line, v, True), cid)

    def country(file: str, line: int, code: str) -> str:
        if not _CODE.match(code):
            raise _fail(file, line, f"country {code!r} is not an ISO 3166-1 alpha-2 code (write the code, e.g. US)")
        if code not in by_code:
            if iso_country(code) is None:
                raise _fail(file, line, f"unknown ISO 3166-1 alpha-2 code {code!r}")
            raise _fail(file, line, f"country {code} has no row in reference/countries.tsv")
        return by_code[code]

    # regions: the country (and region) each gazetteer region lies in
    region_country: dict[str, str] = {}
    region_rows = _read(folder, "regions.tsv")
    for line, v in region_rows:
        check_id("regions.tsv", line, v["id"], {"Region"}, "a region")
        if v["country"]:
            region_country[v["id"]] = v["country"]
    for line, v in region_rows:
        if not v["country"] and v["subdivision"]:
            raise _fail("regions.tsv", line, "subdivision without a country")
        target = [country("regions.tsv", line, v["country"])] if v["country"] else []
        if v["part_of"]:
            check_id("regions.tsv", line, v["part_of"], {"Region"}, "a region")
            # a macro-region of no country lies only in another (North Africa in Africa)
            if region_country.get(v["part_of"], "") != v["country"]:
                raise _fail("regions.tsv", line, f"part_of {v['part_of']!r} is not in {v['country'] or 'no country'}")
            target = [v["part_of"]]
        if v["subdivision"]:
            import pycountry

            sub = pycountry.subdivisions.get(code=v["subdivision"])
            if sub is None or sub.country_code != v["country"]:
                raise _fail("regions.tsv", line, f"{v['subdivision']!r} is not an ISO 3166-2 subdivision of {v['country']}")
        check_lines(add("regions.tsv", line, v, bool(v["country"] or v["part_of"])), v["id"], *target)
    # an organisation's country may be stated through one of its places ("본사: 콜로라도 덴버")
    for cid, code in code_of.items():
        places = [n for r, c in region_country.items() if c == code for n in names.get(r, [])]
        names[cid + "+places"] = names[cid] + places

    seen: dict[tuple, int] = {}

    def once(file: str, line: int, key: tuple) -> None:
        if key in seen:
            raise _fail(file, line, f"duplicate row for {' '.join(key[1:])} (first at line {seen[key]})")
        seen[key] = line

    for line, v in _read(folder, "organisations.tsv"):
        check_id("organisations.tsv", line, v["id"], ORG_TYPES, "an organisation")
        once("organisations.tsv", line, ("organisations.tsv", v["id"]))
        cid = country("organisations.tsv", line, v["country"]) if v["country"] else None
        check_lines(add("organisations.tsv", line, v, cid is not None), v["id"], *([cid + "+places"] if cid else []))

    parents: dict[str, set[str]] = {}
    for line, v in _read(folder, "parents.tsv"):
        check_id("parents.tsv", line, v["id"], ORG_TYPES, "an organisation")
        check_id("parents.tsv", line, v["parent"], ORG_TYPES, "an organisation")
        if v["link"] not in PARENT_LINKS:
            raise _fail("parents.tsv", line, f"link {v['link']!r} is not one of {', '.join(PARENT_LINKS)}")
        if v["id"] == v["parent"] or _reaches(parents, v["parent"], v["id"]):
            raise _fail("parents.tsv", line, f"{v['id']!r} would be its own parent")
        once("parents.tsv", line, ("parents.tsv", v["id"], v["parent"]))
        parents.setdefault(v["id"], set()).add(v["parent"])
        check_lines(add("parents.tsv", line, v, True), v["id"], v["parent"])

    # who designs each chip (and owned technology), who develops each model, product and software
    # platform, which organisation publishes a cited source, and where a site lies
    for file, kinds, what, key, values, value_what in (
            ("hardware.tsv", DESIGNED_TYPES, "a chip, system, architecture or owned technology", "designer",
             ORG_TYPES, "an organisation"),
            ("makers.tsv", MADE_TYPES, "an AI model, AI product, software platform or process node", "developer",
             ORG_TYPES, "an organisation"),
            ("publishers.tsv", {"Source"}, "a cited source", "publisher", ORG_TYPES, "an organisation"),
            ("sites.tsv", SITE_TYPES, "a site, grid or compute cluster", "place", PLACE_TYPES, "a region or country")):
        for line, v in _read(folder, file):
            check_id(file, line, v["id"], kinds, what)
            once(file, line, (file, v["id"]))
            target = []
            if v[key]:
                check_id(file, line, v[key], values, value_what)
                target = [v[key] + "+places" if types[v[key]] == "Country" else v[key]]
            check_lines(add(file, line, v, bool(v[key])), v["id"], *target)

    for line, v in _read(folder, "issuers.tsv"):
        check_id("issuers.tsv", line, v["id"], ISSUED_TYPES | HOSTED_TYPES, "a policy, law, programme or event")
        if v["link"] not in ISSUER_LINKS or (v["link"] == "issuedBy" and types[v["id"]] in HOSTED_TYPES):
            raise _fail("issuers.tsv", line, f"link {v['link']!r} is not one of {', '.join(ISSUER_LINKS)} "
                                             "(an event is sponsoredBy its host)")
        once("issuers.tsv", line, ("issuers.tsv", v["id"]))
        target = []
        if v["issuer"]:
            check_id("issuers.tsv", line, v["issuer"], ORG_TYPES | {"Country"}, "an organisation or a country")
            target = [v["issuer"] + "+places" if types[v["issuer"]] == "Country" else v["issuer"]]
        check_lines(add("issuers.tsv", line, v, bool(v["issuer"])), v["id"], *target)

    kind_of_bloc: dict[str, str] = {}
    for line, v in _read(folder, "blocs.tsv"):
        check_id("blocs.tsv", line, v["bloc"], BLOC_TYPES, "an alliance, bloc or named partnership")
        check_id("blocs.tsv", line, v["member"], ORG_TYPES | {"Country"}, "a country or an organisation")
        kind = "country" if types[v["member"]] == "Country" else "organisation"
        if kind_of_bloc.setdefault(v["bloc"], kind) != kind:
            raise _fail("blocs.tsv", line, f"bloc {v['bloc']!r} mixes countries and organisations; "
                                           "a bloc's members are all countries or all organisations")
        once("blocs.tsv", line, ("blocs.tsv", v["bloc"], v["member"]))
        check_lines(add("blocs.tsv", line, v, True), v["member"], v["bloc"])

    # objects the extraction creates from a table cell (no gazetteer id), matched by their exact label
    for line, v in _read(folder, "unlisted.tsv"):
        if v["kind"] not in UNLISTED_KINDS:
            raise _fail("unlisted.tsv", line, f"kind {v['kind']!r} is not one of {', '.join(UNLISTED_KINDS)}")
        if not v["name"] or len(v["name"]) > MAX_JUSTIFICATION:
            raise _fail("unlisted.tsv", line, f"name must be 1-{MAX_JUSTIFICATION} characters (the object's label)")
        once("unlisted.tsv", line, ("unlisted.tsv", v["name"], v["kind"]))
        if v["kind"] == "country":
            target = country("unlisted.tsv", line, v["value"]) + "+places"
        else:
            check_id("unlisted.tsv", line, v["value"], ORG_TYPES, "an organisation")
            target = v["value"]
        names["unlisted:" + v["name"]] = [v["name"]]
        check_lines(add("unlisted.tsv", line, v, True), "unlisted:" + v["name"], target)

    return Reference(rows, by_code, code_of, types, {e.id: (e.name_en, e.name_ko) for e in gaz})


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    todo, seen = [start], set()
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return False

