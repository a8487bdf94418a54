"""The gold annotation: loading and checking ``tests/gold/`` (the protocol is docs/fidelity.md).

A gold directory holds pairs of files per annotated chunk of the report:

* ``<start>-<end>.tsv`` — one fact per row (columns :data:`FACT_COLUMNS`);
* ``<start>-<end>.spans.tsv`` — the chunk tiled into spans (columns :data:`SPAN_COLUMNS`), each
  ``facts`` (at least one fact row lies in it) or ``none`` (the span states no fact).

Everything here is pure checking: a row that breaks the protocol is a :class:`GoldError` naming
the file, the row and the problem. The build never reads this data; ``petaflop evaluate`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ontology.model import OntologyModel, load_model

FACT_COLUMNS = (
    "id", "chapter", "lines", "subject", "subject_type", "relation",
    "object", "object_type", "qualifiers", "evidence", "note",
)  # fmt: skip
SPAN_COLUMNS = ("lines", "status", "note")
CHAPTERS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "conclusion")
EVIDENCE_MAX = 60

#: Qualifier keys with a value, and flags without one.
QUALIFIER_KEYS = {
    "status", "time", "asof", "start", "end", "scope", "per", "item", "precision", "metric",
    "amount", "stake", "role", "value",
}  # fmt: skip
QUALIFIER_FLAGS = {"approx", "lower", "upper", "conflicting", "derived"}
STATUSES = ("actual", "planned", "target", "estimate", "forecast")

# Units a gold value may carry: token -> (dimension, canonical unit, factor to canonical).
# The same tokens and factors as ingest.quantities (which reads the report), in English only,
# plus the few the report writes in words the quantity module does not need (nm, kV, acre…).
_SCALES = {"K": Decimal(10) ** 3, "M": Decimal(10) ** 6, "B": Decimal(10) ** 9, "T": Decimal(10) ** 12}
D = Decimal
UNITS: dict[str, tuple[str, str, Decimal]] = {
    "W": ("power", "MW", D("0.000001")), "kW": ("power", "MW", D("0.001")), "MW": ("power", "MW", D(1)),
    "GW": ("power", "MW", D(1000)), "TW": ("power", "MW", D(10) ** 6),
    "Wh": ("energy", "MWh", D("0.000001")), "kWh": ("energy", "MWh", D("0.001")), "MWh": ("energy", "MWh", D(1)),
    "GWh": ("energy", "MWh", D(1000)), "TWh": ("energy", "MWh", D(10) ** 6),
    "KB": ("memory", "GB", D("0.000001")), "MB": ("memory", "GB", D("0.001")), "GB": ("memory", "GB", D(1)), "TB": ("memory", "GB", D(1000)),
    "PB": ("memory", "GB", D(10) ** 6),
    "GB/s": ("bandwidth", "TB/s", D("0.001")), "TB/s": ("bandwidth", "TB/s", D(1)),
    "Gbps": ("bandwidth", "TB/s", D("0.000125")), "Tbps": ("bandwidth", "TB/s", D("0.125")),
    "FLOPS": ("compute", "FLOPS", D(1)), "GFLOPS": ("compute", "FLOPS", D(10) ** 9),
    "TFLOPS": ("compute", "FLOPS", D(10) ** 12), "PFLOPS": ("compute", "FLOPS", D(10) ** 15),
    "EFLOPS": ("compute", "FLOPS", D(10) ** 18), "TOPS": ("compute", "OPS", D(10) ** 12),
    "POPS": ("compute", "OPS", D(10) ** 15),
    "%": ("percent", "%", D(1)), "%p": ("percent", "%p", D(1)), "x": ("multiple", "x", D(1)),
    "USD": ("money", "USD", D(1)), "KRW": ("money", "KRW", D(1)), "CNY": ("money", "CNY", D(1)),
    "EUR": ("money", "EUR", D(1)), "JPY": ("money", "JPY", D(1)), "GBP": ("money", "GBP", D(1)),
    "SAR": ("money", "SAR", D(1)), "AED": ("money", "AED", D(1)), "TWD": ("money", "TWD", D(1)),
    "year": ("duration", "year", D(1)), "month": ("duration", "month", D(1)), "week": ("duration", "week", D(1)),
    "day": ("duration", "day", D(1)), "hour": ("duration", "hour", D(1)), "minute": ("duration", "minute", D(1)),
    "second": ("duration", "second", D(1)),
    "nm": ("length", "nm", D(1)), "mm": ("length", "nm", D(10) ** 6), "km": ("length", "nm", D(10) ** 12),
    "mile": ("length", "nm", D("1609344000000")), "kV": ("voltage", "kV", D(1)),
    "acre": ("area", "m2", D("4046.8564224")), "m2": ("area", "m2", D(1)), "km2": ("area", "m2", D(10) ** 6),
    "mm2": ("area", "m2", D("0.000001")), "t": ("mass", "t", D(1)),
    "kg": ("mass", "t", D("0.001")), "g": ("mass", "t", D("0.000001")), "mg": ("mass", "t", D("0.000000001")),
    "lb": ("mass", "t", D("0.00045359237")), "oz": ("mass", "t", D("0.0000283495231250")),
    "MHz": ("frequency", "Hz", D(10) ** 6), "GHz": ("frequency", "Hz", D(10) ** 9),
    "count": ("count", "count", D(1)), "tokens": ("count", "count", D(1)),
}  # fmt: skip

# Which value dimensions each kind dimension accepts ("number" kinds take any unit or none).
_DIMENSIONS_OK = {
    "power": {"power"}, "energy": {"energy"}, "count": {"count", "number"}, "memory": {"memory"},
    "bandwidth": {"bandwidth"}, "compute": {"compute"}, "length": {"length"}, "voltage": {"voltage"},
    "money": {"money"}, "percent": {"percent"}, "multiple": {"multiple", "number"},
    "duration": {"duration"}, "number": None, "date": {"date"},
}  # fmt: skip

_NUM = r"-?\d+(?:\.\d+)?"
_VALUE_RE = re.compile(
    rf"^(?P<lo>{_NUM})(?P<s1>[KMBT])?(?:\s*~\s*(?P<hi>{_NUM})(?P<s2>[KMBT])?)?(?:\s+(?P<unit>\S+))?$"
)
_DATE_RE = re.compile(r"^\d{4}(?:-(?:Q[1-4]|H[12]|[01]\d(?:-[0-3]\d)?))?$")
_LINES_RE = re.compile(r"^(\d+)(?:-(\d+))?$")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_NAME_OK = re.compile(r"\S")


class GoldError(ValueError):
    """A gold file or row that breaks the protocol; the message names file, row and problem."""


@dataclass(frozen=True)
class Value:
    """A gold quantity: the value (low end of a range) in the canonical unit of its dimension."""

    low: Decimal
    high: Decimal
    dimension: str
    unit: str  # canonical unit of the dimension ('' for a bare number)
    written: str

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class DateValue:
    text: str  # 2025, 2025-Q3, 2025-H2, 2025-07, 2025-07-15
    precision: str  # year quarter half month day

    @property
    def start(self) -> str:
        return _date_bounds(self.text)[0]

    @property
    def end(self) -> str:
        return _date_bounds(self.text)[1]


@dataclass(frozen=True)
class GoldFact:
    id: str
    chapter: str
    line_start: int
    line_end: int
    subject: tuple[str, ...]  # canonical name first, then aliases
    subject_type: str
    relation: str
    relation_kind: str  # link | kind
    object: str
    object_names: tuple[str, ...]  # for links: names of the object entity
    object_type: str
    value: Value | DateValue | None  # for kinds
    qualifiers: dict[str, str]
    flags: frozenset[str]
    evidence: str
    note: str
    file: str
    row: int

    @property
    def status(self) -> str:
        return self.qualifiers.get("status", "actual")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    status: str  # facts | none
    note: str
    file: str
    row: int


@dataclass
class Gold:
    facts: list[GoldFact] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    def span_of(self, line: int) -> Span | None:
        for s in self.spans:
            if s.start <= line <= s.end:
                return s
        return None

    @property
    def first_line(self) -> int:
        return min(s.start for s in self.spans)

    @property
    def last_line(self) -> int:
        return max(s.end for s in self.spans)


# --------------------------------------------------------------------------- parsing values


def parse_value(text: str) -> Value | None:
    """``500B USD`` → 5e11 USD; ``34~35 MW``; ``-44.1 %``; ``200000`` (a bare number); else None."""
    m = _VALUE_RE.match(text.strip())
    if not m:
        return None
    unit_tok = m.group("unit") or ""
    if unit_tok and unit_tok not in UNITS:
        return None
    dim, unit, factor = UNITS[unit_tok] if unit_tok else ("number", "", D(1))
    lo = D(m.group("lo")) * _SCALES.get(m.group("s1") or "", D(1))
    hi_txt = m.group("hi")
    hi = D(hi_txt) * _SCALES.get(m.group("s2") or m.group("s1") or "", D(1)) if hi_txt else lo
    if hi_txt and not m.group("s1") and m.group("s2"):
        lo = D(m.group("lo")) * _SCALES[m.group("s2")]
    return Value((lo * factor).normalize(), (hi * factor).normalize(), dim, unit, text.strip())


def parse_date(text: str) -> DateValue | None:
    t = text.strip()
    if not _DATE_RE.match(t):
        return None
    if len(t) == 4:
        precision = "year"
    elif "Q" in t:
        precision = "quarter"
    elif "H" in t:
        precision = "half"
    elif len(t) == 7:
        precision = "month"
    else:
        precision = "day"
    try:
        _date_bounds(t)
    except ValueError:
        return None
    return DateValue(t, precision)


def _date_bounds(t: str) -> tuple[str, str]:
    import calendar
    from datetime import date

    y = int(t[:4])
    if len(t) == 4:
        return f"{y}-01-01", f"{y}-12-31"
    rest = t[5:]
    if rest.startswith("Q"):
        q = int(rest[1])
        a, b = 3 * q - 2, 3 * q
    elif rest.startswith("H"):
        a, b = (1, 6) if rest[1] == "1" else (7, 12)
    elif len(rest) == 2:
        a = b = int(rest)
    else:
        d = date(y, int(rest[:2]), int(rest[3:5]))
        return d.isoformat(), d.isoformat()
    return date(y, a, 1).isoformat(), date(y, b, calendar.monthrange(y, b)[1]).isoformat()


def parse_qualifiers(text: str) -> tuple[dict[str, str], frozenset[str]]:
    """``status=planned; time=2026-H1; approx`` → ({status, time}, {approx}); raises ValueError."""
    quals: dict[str, str] = {}
    flags: set[str] = set()
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        if "=" in part:
            key, _, val = part.partition("=")
            key, val = key.strip(), val.strip()
            if key not in QUALIFIER_KEYS:
                raise ValueError(f"unknown qualifier {key!r} (known: {', '.join(sorted(QUALIFIER_KEYS))})")
            if not val:
                raise ValueError(f"qualifier {key!r} has no value")
            if key in quals:
                raise ValueError(f"qualifier {key!r} given twice")
            quals[key] = val
        elif part in QUALIFIER_FLAGS:
            flags.add(part)
        else:
            raise ValueError(f"unknown qualifier flag {part!r} (known: {', '.join(sorted(QUALIFIER_FLAGS))})")
    if "status" in quals and quals["status"] not in STATUSES:
        raise ValueError(f"status {quals['status']!r} is not one of {', '.join(STATUSES)}")
    for key in ("time", "asof", "start", "end"):
        if key in quals:
            for piece in quals[key].split("~"):
                if parse_date(piece) is None:
                    raise ValueError(f"{key}={quals[key]!r} is not a date (YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM, YYYY-MM-DD)")
    if "amount" in quals and (parse_value(quals["amount"]) or Value(D(0), D(0), "", "", "")).dimension != "money":
        raise ValueError(f"amount={quals['amount']!r} is not money (e.g. 8B USD)")
    if "stake" in quals and (parse_value(quals["stake"]) or Value(D(0), D(0), "", "", "")).dimension != "percent":
        raise ValueError(f"stake={quals['stake']!r} is not a percentage (e.g. 49 %)")
    return quals, frozenset(flags)


# --------------------------------------------------------------------------- loading


def _read_tsv(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    lines = text.splitlines()
    if not lines:
        raise GoldError(f"{path}: empty file (expected a header row: {' '.join(columns)})")
    header = lines[0].split("\t")
    if tuple(header) != columns:
        raise GoldError(f"{path}:1: header must be {'/'.join(columns)}, found {'/'.join(header)}")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise GoldError(f"{path}:{n}: {len(cells)} columns, expected {len(columns)} ({' '.join(columns)})")
        rows.append((n, dict(zip(columns, (c.strip() for c in cells), strict=True))))
    return rows


def _lines(text: str) -> tuple[int, int] | None:
    m = _LINES_RE.match(text)
    if not m:
        return None
    a = int(m.group(1))
    b = int(m.group(2) or a)
    return (a, b) if a <= b else None


def _names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in text.split("|") if n.strip())


def check_row(row: dict[str, str], model: OntologyModel, report_lines: list[str] | None) -> GoldFact:
    """One fact row → :class:`GoldFact`; raises ValueError with the problem (no file/row)."""
    if not _ID_RE.match(row["id"]):
        raise ValueError(f"id {row['id']!r} is not a plain identifier")
    if row["chapter"] not in CHAPTERS:
        raise ValueError(f"chapter {row['chapter']!r} is not one of {', '.join(CHAPTERS)}")
    span = _lines(row["lines"])
    if span is None:
        raise ValueError(f"lines {row['lines']!r} is not N or N-M")
    subject = _names(row["subject"])
    if not subject:
        raise ValueError("subject is empty")
    if row["subject_type"] not in model.classes:
        raise ValueError(f"subject_type {row['subject_type']!r} is not a class of the ontology")
    rel = row["relation"]
    quals, flags = parse_qualifiers(row["qualifiers"])
    obj = row["object"]
    if not obj:
        raise ValueError("object is empty")
    value: Value | DateValue | None = None
    obj_names: tuple[str, ...] = ()
    if rel in model.object_properties():
        kind = "link"
        obj_names = _names(obj)
        if not row["object_type"]:
            raise ValueError(f"relation {rel} links two entities: object_type is required")
        if row["object_type"] not in model.classes:
            raise ValueError(f"object_type {row['object_type']!r} is not a class of the ontology")
    elif rel in model.kinds:
        kind = "kind"
        if row["object_type"]:
            raise ValueError(f"relation {rel} is a statement kind: object_type must be empty")
        dim = model.kinds[rel].dimension
        if dim == "date":
            value = parse_date(obj)
            if value is None:
                raise ValueError(f"object {obj!r} is not a date (YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM, YYYY-MM-DD)")
        else:
            value = parse_value(obj)
            if value is None:
                raise ValueError(
                    f"object {obj!r} is not a value: NUMBER[K|M|B|T][~NUMBER] UNIT, units: {', '.join(UNITS)}"
                )
            ok = _DIMENSIONS_OK.get(dim)
            if ok is not None and value.dimension not in ok:
                raise ValueError(f"object {obj!r} is {value.dimension}, but kind {rel} measures {dim}")
            if rel == "quantity" and "metric" not in quals:
                raise ValueError("kind 'quantity' needs metric=… saying what is measured")
    else:
        raise ValueError(f"relation {rel!r} is neither an object property nor a statement kind of the ontology")
    ev = row["evidence"]
    if not ev:
        raise ValueError("evidence is empty")
    if len(ev) > EVIDENCE_MAX:
        raise ValueError(f"evidence is {len(ev)} characters (at most {EVIDENCE_MAX})")
    if report_lines is not None:
        a, b = span
        if b > len(report_lines):
            raise ValueError(f"lines {row['lines']} run past the report's {len(report_lines)} lines")
        if not any(ev in report_lines[n - 1] for n in range(a, b + 1)):
            raise ValueError(f"evidence {ev!r} is not on line(s) {row['lines']}")
    return GoldFact(
        id=row["id"], chapter=row["chapter"], line_start=span[0], line_end=span[1], subject=subject,
        subject_type=row["subject_type"], relation=rel, relation_kind=kind, object=obj,
        object_names=obj_names, object_type=row["object_type"], value=value, qualifiers=quals,
        flags=flags, evidence=ev, note=row["note"], file="", row=0,
    )  # fmt: skip


def load_gold(
    directory: str | Path,
    report_lines: list[str] | None = None,
    model: OntologyModel | None = None,
    files: Iterable[Path] | None = None,
) -> Gold:
    """Every chunk of ``directory`` (or only ``files``), checked; raises GoldError on the first problem."""
    from dataclasses import replace

    root = Path(directory)
    if not root.is_dir():
        raise GoldError(f"gold directory {root} does not exist")
    model = model or load_model()
    fact_files = sorted(files) if files is not None else sorted(
        p for p in root.glob("*.tsv") if not p.name.endswith(".spans.tsv")
    )
    if not fact_files:
        raise GoldError(f"gold directory {root} holds no fact files (<start>-<end>.tsv)")
    gold = Gold()
    seen_ids: dict[str, str] = {}
    for path in fact_files:
        spans_path = path.with_name(path.stem + ".spans.tsv")
        if not spans_path.is_file():
            raise GoldError(f"{path}: no spans file {spans_path.name} beside it")
        chunk = _lines(path.stem)
        if chunk is None:
            raise GoldError(f"{path}: file name must be <start>-<end>.tsv (report lines of the chunk)")
        spans = []
        for n, row in _read_tsv(spans_path, SPAN_COLUMNS):
            rng = _lines(row["lines"])
            if rng is None:
                raise GoldError(f"{spans_path}:{n}: lines {row['lines']!r} is not N or N-M")
            if row["status"] not in ("facts", "none"):
                raise GoldError(f"{spans_path}:{n}: status {row['status']!r} must be 'facts' or 'none'")
            spans.append(Span(rng[0], rng[1], row["status"], row["note"], str(spans_path), n))
        spans.sort(key=lambda s: s.start)
        expect = chunk[0]
        for s in spans:
            if s.start != expect:
                where = f"lines {expect}-{s.start - 1} are in no span" if s.start > expect else (
                    f"span {s.start}-{s.end} overlaps the span before it"
                )
                raise GoldError(f"{spans_path}:{s.row}: {where}")
            expect = s.end + 1
        if expect != chunk[1] + 1:
            raise GoldError(f"{spans_path}: spans end at line {expect - 1}, the chunk at {chunk[1]}")
        facts = []
        for n, row in _read_tsv(path, FACT_COLUMNS):
            try:
                fact = check_row(row, model, report_lines)
            except ValueError as exc:
                raise GoldError(f"{path}:{n}: row {row.get('id', '?')}: {exc}") from None
            if fact.id in seen_ids:
                raise GoldError(f"{path}:{n}: id {fact.id} already used in {seen_ids[fact.id]}")
            seen_ids[fact.id] = f"{path.name}:{n}"
            if not (chunk[0] <= fact.line_start and fact.line_end <= chunk[1]):
                raise GoldError(f"{path}:{n}: row {fact.id}: lines {row['lines']} are outside the chunk {path.stem}")
            facts.append(replace(fact, file=str(path), row=n))
        for s in spans:
            inside = [f for f in facts if s.start <= f.line_start <= s.end]
            if s.status == "none" and inside:
                raise GoldError(f"{spans_path}:{s.row}: span {s.start}-{s.end} is 'none' but fact {inside[0].id} lies in it")
            if s.status == "facts" and not inside:
                raise GoldError(f"{spans_path}:{s.row}: span {s.start}-{s.end} is 'facts' but holds no fact row")
        gold.facts.extend(facts)
        gold.spans.extend(spans)
    gold.spans.sort(key=lambda s: s.start)
    return gold


def main(argv: list[str] | None = None) -> int:
    """``python -m petaflop.evaluate.gold FILE.tsv …``: check chunks, print a summary or the first error."""
    import sys
    from collections import Counter

    from foundation.paths import resolve_report

    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print("usage: python -m petaflop.evaluate.gold CHUNK.tsv [CHUNK.tsv ...]", file=sys.stderr)
        return 1
    report = resolve_report(None).read_text(encoding="utf-8").splitlines()
    paths = [Path(a) for a in args]
    try:
        gold = load_gold(paths[0].parent, report, files=paths)
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    rel = Counter(f.relation for f in gold.facts)
    print(f"ok: {len(gold.facts)} facts, {len(gold.spans)} spans "
          f"({sum(s.status == 'none' for s in gold.spans)} without facts)")
    print("relations: " + ", ".join(f"{k} {v}" for k, v in rel.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
