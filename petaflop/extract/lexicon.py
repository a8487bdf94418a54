"""The attribute lexicon: what a column header, row label or phrase names (a kind, a link, the
entity column, a status), loaded strictly from ``attribute_lexicon.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ontology.model import STATUSES, load_model
from petaflop.extract.mapping_data import MappingError, check_tables, compile_regex, entries
from petaflop.extract.measured_noun import restricted_metric
from petaflop.extract.part_scope import BUSINESS_KINDS, business_scope, part_scope
from petaflop.extract.table_market_scope import prose_market

LEXICON_PATH = Path(__file__).with_name("attribute_lexicon.toml")
DIMENSIONS = ("power", "energy", "count", "memory", "bandwidth", "compute", "length", "voltage", "money",
              "percent", "multiple", "duration", "number", "date", "area", "mass", "frequency")


@dataclass(frozen=True)
class ValueEntry:
    id: str
    match: re.Pattern[str]
    kind: str
    dimension: str
    veto: re.Pattern[str] | None = None
    subject: tuple[str, ...] = ()
    metric_from_label: bool = False
    per: str = ""
    negative: bool = False  # `sign = "negative"`: the label names a reduction ("비용 절감"), the cell its size
    whole_word: bool = False  # `metric = "word"`: the metric is the whole compound the match ends ("운영마진")

    def measures(self, quantity_kind: str) -> bool:
        """A figure of this kind of quantity (a bare number counts) can be this entry's measure."""
        return {"number": "count"}.get(quantity_kind, quantity_kind) == self.dimension

    def frames_time(self, text: str, end: int) -> bool:
        """An event's word (a date kind's: "출시", "공개") used as a time frame ("출시 직후 12%", "공개 이후 3배"):
        it dates the figure after it, never measures it, so a metric word before it still does ("사용자 비중은
        23년 10월 출시 직후 12%": a share)."""
        return self.dimension == "date" and bool(_TIME_FRAME.match(text, end))

    def metric_at(self, text: str, at: int) -> str:
        """The metric word as written at ``at`` (``metric = "label"`` entries), or ""."""
        if not self.metric_from_label or at < 0:
            return ""
        m = self.match.search(text, at)
        if m is None:
            return ""
        return compound_at(text, m.start(), m.end()) if self.whole_word else m.group(0)

    def metric_in(self, text: str, at: int, mentions: list, c0: int = 0, rewrite=lambda word: word) -> str:
        """The metric word at ``at`` with what restricts it in the sentence (measured_noun.py): its adnominal
        clause, an enumeration after it, a share's compounded nouns; a word ``rewrite`` changes is its own."""
        word = self.metric_at(text, at)
        if (said := rewrite(word)) != word or not word:
            return said
        m = self.match.search(text, at)
        return restricted_metric(text, m.start(), m.end(), word, self.kind, mentions, c0) if m else word

    def scope_at(self, text: str, at: int) -> str:
        """Where a figure of this entry holds, as the words before its metric word at ``at`` say: a share's
        market ("엔터프라이즈 시장점유율": table_market_scope.py), a generic measure's part of its thing ("CPU 최대
        클럭": part_scope.py), else ""."""
        if at < 0:
            return ""
        if self.kind in BUSINESS_KINDS:  # "추론 서비스에서의 총마진율": the business the figure is of
            return business_scope(text, at)
        return prose_market(text, at) if self.kind == "marketShare" else part_scope(text, at) if self.kind == "quantity" else ""


#: what turns an event's word into a time frame right after it: "출시 직후", "공개 이후", "출시 당시"
_TIME_FRAME = re.compile(r"\s?(?:직후|직전|이후|이전|후|전|당시|이래|무렵)(?![가-힣])")
#: a particle closing the word a metric word stands in ("운영마진은", "영업이익률을")
_WORD_PARTICLE = re.compile(r"(?:은|는|이|가|을|를|의|도|과|와|으로|로|에)$")
#: an acronym written as its own word right before the compound ("EBITDA 마진", "잉여현금흐름(FCF) 마진율")
_ACRONYM_BEFORE = re.compile(r"(?:EBITDA|EBIT|FCF|GAAP|[가-힣]{2,8}\([A-Z]{2,6}\))\s$")


def compound_at(text: str, start: int, end: int) -> str:
    """The whole compound noun a metric word at ``text[start:end]`` ends or stands in, as written: the letters
    attached before it ("운영마진", "영업이익률"), an acronym word before that ("EBITDA 마진"), its own letters
    after it ("마진율") without a closing particle."""
    a = start
    while a > 0 and re.match(r"[가-힣A-Za-z]", text[a - 1]):
        a -= 1
    if (acr := _ACRONYM_BEFORE.search(text, 0, a)) and (acr.start() == 0 or not re.match(r"[가-힣A-Za-z(]", text[acr.start() - 1])):
        a = acr.start()
    b = end
    while b < len(text) and re.match(r"[가-힣]", text[b]):
        b += 1
    word = text[a:b]
    tail = _WORD_PARTICLE.search(word)
    if tail and tail.start() >= end - a:  # the particle is after the metric word, never part of it
        word = word[:tail.start()]
    return word


@dataclass(frozen=True)
class LinkEntry:
    id: str
    match: re.Pattern[str]
    property: str
    object: tuple[str, ...]
    subject: tuple[str, ...] = ()
    inverse: bool = False
    veto: re.Pattern[str] | None = None
    create: str = ""  # class of an entity named by the whole cell when it names no known entity


@dataclass(frozen=True)
class KeyEntry:
    match: re.Pattern[str]
    create: str  # class of entities created from unknown cells ('' = never create)


@dataclass(frozen=True)
class StatusEntry:
    match: re.Pattern[str]
    status: str


@dataclass(frozen=True)
class GenitiveEntry:
    id: str
    owner: tuple[str, ...]
    owned: tuple[str, ...]
    property: str


@dataclass(frozen=True)
class Lexicon:
    values: tuple[ValueEntry, ...]
    links: tuple[LinkEntry, ...]
    keys: tuple[KeyEntry, ...]
    statuses: tuple[StatusEntry, ...]
    genitives: tuple[GenitiveEntry, ...] = ()

    def genitive_for(self, owner_type: str, owned_type: str) -> GenitiveEntry | None:
        from petaflop.extract.resolve import is_a

        return next((g for g in self.genitives if any(is_a(owner_type, c) for c in g.owner)
                     and any(is_a(owned_type, c) for c in g.owned)), None)

    def value_for(self, label: str, subject_types: tuple[str, ...] = ()) -> ValueEntry | None:
        from petaflop.extract.resolve import is_a

        # a reduction of a measure ("비용 감소", "가격 인하율") names the change, not the measure: matched first
        for e in sorted(self.values, key=lambda e: not e.negative):
            if not e.match.search(label) or (e.veto and e.veto.search(label)):
                continue
            if e.subject and subject_types and not any(is_a(t, s) for t in subject_types for s in e.subject):
                continue
            return e
        return None

    def links_for(self, label: str) -> list[LinkEntry]:
        return [e for e in self.links if e.match.search(label) and not (e.veto and e.veto.search(label))]

    def key_for(self, header: str) -> KeyEntry | None:
        return next((k for k in self.keys if k.match.search(header.strip())), None)

    def status_of(self, *texts: str) -> str:
        for e in self.statuses:
            if any(e.match.search(t) for t in texts if t):
                return e.status
        return ""


_VALUE_KEYS = {"match": "str", "not": "str", "kind": "str", "dimension": "str", "subject": "list", "metric": "str",
               "per": "str", "sign": "str"}
_LINK_KEYS = {"match": "str", "not": "str", "property": "str", "object": "list", "subject": "list", "inverse": "bool",
              "create": "str"}


@cache
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    model = load_model()
    check_tables(path, {"value", "link", "key", "status", "genitive"})

    def classes(names: list[str], where: str) -> tuple[str, ...]:
        for n in names:
            if n not in model.classes:
                raise MappingError(f"{where}: {n!r} is not a class of the ontology")
        return tuple(names)

    values = []
    for where, raw in entries(path, "value", ("match", "kind"), _VALUE_KEYS):
        kind = raw["kind"]
        if kind not in model.kinds:
            raise MappingError(f"{where}: kind {kind!r} is not a statement kind")
        dim = raw.get("dimension", model.kinds[kind].dimension)
        if dim not in DIMENSIONS:
            raise MappingError(f"{where}: dimension {dim!r} is not one of {', '.join(DIMENSIONS)}")
        if raw.get("metric", "label") not in ("label", "word"):
            raise MappingError(f"{where}: metric can only be \"label\" or \"word\"")
        if raw.get("sign", "negative") != "negative":
            raise MappingError(f"{where}: sign can only be \"negative\"")
        values.append(ValueEntry(
            id=f"{kind}@{_line(where)}", match=compile_regex(raw["match"], where), kind=kind,
            dimension=dim, veto=compile_regex(raw["not"], where) if raw.get("not") else None,
            subject=classes(raw.get("subject", []), where), metric_from_label="metric" in raw, per=raw.get("per", ""),
            negative=raw.get("sign") == "negative", whole_word=raw.get("metric") == "word",
        ))  # fmt: skip
    links = []
    for where, raw in entries(path, "link", ("match", "property", "object"), _LINK_KEYS):
        prop = raw["property"]
        if prop not in model.object_properties():
            raise MappingError(f"{where}: property {prop!r} is not an object property of the ontology")
        links.append(LinkEntry(
            id=f"{prop}@{_line(where)}", match=compile_regex(raw["match"], where), property=prop,
            object=classes(raw["object"], where), subject=classes(raw.get("subject", []), where),
            inverse=raw.get("inverse", False), veto=compile_regex(raw["not"], where) if raw.get("not") else None,
            create=classes([raw["create"]], where)[0] if raw.get("create") else "",
        ))  # fmt: skip
    keys = []
    for where, raw in entries(path, "key", ("match", "create"), {"match": "str", "create": "str"}):
        if raw["create"] and raw["create"] not in model.classes:
            raise MappingError(f"{where}: {raw['create']!r} is not a class of the ontology")
        keys.append(KeyEntry(compile_regex(raw["match"], where), raw["create"]))
    statuses = []
    for where, raw in entries(path, "status", ("match", "status"), {"match": "str", "status": "str"}):
        if raw["status"] not in STATUSES:
            raise MappingError(f"{where}: status {raw['status']!r} is not one of {', '.join(STATUSES)}")
        statuses.append(StatusEntry(compile_regex(raw["match"], where), raw["status"]))
    genitives = []
    for where, raw in entries(path, "genitive", ("owner", "owned", "property"),
                              {"owner": "list", "owned": "list", "property": "str"}):
        if raw["property"] not in model.object_properties():
            raise MappingError(f"{where}: property {raw['property']!r} is not an object property of the ontology")
        genitives.append(GenitiveEntry(f"{raw['property']}@{_line(where)}", classes(raw["owner"], where),
                                       classes(raw["owned"], where), raw["property"]))
    return Lexicon(tuple(values), tuple(links), tuple(keys), tuple(statuses), tuple(genitives))


def _line(where: str) -> str:
    """The line number in an ``entries`` label (``file: line N [[table]] …``)."""
    m = re.search(r"line (\d+)", where)
    return m.group(1) if m else "?"
