"""Statements: values with their context, their merge, conflicts, rank and truthy values.

Extraction yields :class:`~petaflop.extract.facts.Statement` objects (and, from patterns that
still name a datatype property, value facts that :func:`from_value_facts` turns into
statements through the truthy policy). This module then

1. merges equal statements (same subject, kind, value, unit, status, time, scope…) into one
   :class:`Merged` statement with every place it was read — two lines saying the same figure
   are one fact with two provenances, not a conflict;
2. flags **conflicts**: different values for the same subject, kind, status, time, scope, per,
   item and format, neither a range nor a bound, read in different places (two values read on
   one line or in one table are two measures whose distinguishing context — a column, a phase,
   a market — the reader did not keep; the report does not contradict itself within a row);
3. ranks them with the policy of ``ontology/truthy_policy.toml``: for each truthy property, the
   candidates are the unscoped statements of its kind with an allowed status; the latest in
   time (an undated one counts as of the report's date) are **preferred** and their values are
   asserted as the truthy property; the rest are **normal**.

Nothing here knows RDF; :mod:`petaflop.graph` writes the quads.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from foundation.periods import parse_period, period_from_bounds
from foundation.units import convert, unit
from ingest.quantities import REFERENCE_DATE
from ontology.model import OntologyModel, TruthyRule, load_model
from petaflop.extract.facts import Extraction, Fact, Location, Statement
from petaflop.extract.gate import OPEN, Gate
from petaflop.extract.share_whole import unsure_unknown_wholes
from petaflop.extract.text_within import SPAN_FRAMES

TOLERANCE = Decimal("0.005")  # relative: 1,200 MW and 1.2 GW are equal; 1.2 and 1.25 GW are not
#: A figure with fewer significant digits that is another rounded or cut to them, and this close to it,
#: is that figure written twice ("1조" and "1.04조" parameters; "320억" and "326억"): no contradiction.
ROUNDING = Decimal("0.05")


@dataclass
class Merged:
    """One statement and every place it was read."""

    statement: Statement  # the first occurrence (by location) stands for the content
    occurrences: list[Statement] = field(default_factory=list)
    rank: str = "normal"  # preferred | normal | deprecated
    verified: bool = True  # False: every rule that read it is below the precision gate (an unverified claim)
    conflicts_with: set[int] = field(default_factory=set)  # indices into the merged list
    truthy: list[tuple[str, Decimal | str, str]] = field(default_factory=list)  # (property, value, datatype)

    @property
    def locations(self) -> list[Location]:
        return sorted({o.location for o in self.occurrences})


# --------------------------------------------------------------------------- from value facts


def from_value_facts(ex: Extraction, model: OntologyModel | None = None) -> None:
    """Move every fact whose predicate is a datatype property of the truthy policy into a statement."""
    model = model or load_model()
    keep: list[Fact] = []
    for f in ex.facts:
        rule = None if f.obj_is_entity or ":" in f.predicate else model.truthy_rule(f.predicate)
        st = statement_from_fact(f, rule, model) if rule else None
        if st is None:
            keep.append(f)
        else:
            ex.statements.append(st)
    ex.facts = keep


_QUAL_BOUND = {"lowerBound": "lower", "upperBound": "upper"}


def statement_from_fact(f: Fact, rule: TruthyRule, model: OntologyModel) -> Statement | None:
    kind = model.kinds[rule.kind]
    quals = set(f.qualifiers)
    # a property never actual: the first of its statuses, unless the table settled another of them (an estimate)
    status = next((x for x in rule.statuses if x in quals), rule.statuses[0]) if "actual" not in rule.statuses \
        else ("estimate" if "estimate" in quals else "actual")
    scope = next((q[6:] for q in quals if q.startswith("scope:")), "")  # a column header's condition (table_map.py)
    if f.rule.startswith("claim:") and f.raw:  # a figure read in prose: its words' status, "from X to Y"
        from petaflop.extract.status_words import window_words
        from petaflop.extract.text_frames import status_of_words

        if status == "actual":
            status = status_of_words(window_words(f.raw)) or status
    if status == "actual":  # the table label over the figure says it is a goal, plan or forecast ("목표", "청사진")
        status = next((st for st in ("target", "planned", "forecast") if st in quals), status)
    if "earlierValue" in quals:
        from petaflop.extract.text_reader import EARLIER

        scope = EARLIER
    bound = rule.bound or next((b for q, b in _QUAL_BOUND.items() if q in quals), "")
    item = next((q[5:] for q in quals if q.startswith("item:")), "")  # the one model a count is of (claims.py)
    common = dict(subject=f.subject, kind=rule.kind, location=f.location, rule=f.rule, status=status, scope=scope, item=item,
                  per=rule.per or next((q[4:] for q in quals if q.startswith("per:")), ""), number_format=rule.number_format,
                  metric=rule.metric or next((q[6:] for q in quals if q.startswith("label:")), ""),  # a share's column (table_map.py)
                  approximate="approximate" in quals, bound=bound, sources=f.sources, raw=f.raw)  # fmt: skip
    if kind.dimension == "date":
        text = str(f.obj)
        period = parse_period(text)
        if period is None or period.is_span or "periodStart" in quals:
            return None  # a span (or a range of months or years): a date kind takes one date, no invented precision
        return Statement(**common, time=period)
    try:
        value = Decimal(str(f.obj))
    except ArithmeticError:
        return None
    u = unit(rule.unit)
    if u is None:
        return None
    high = Decimal(str(f.high)) if getattr(f, "high", None) is not None else None
    time = _as_of(f.as_of)
    if common["status"] == "actual" and time is not None and time.start > REFERENCE_DATE.isoformat():
        common["status"] = "forecast"  # a value said to hold after the report's date is not yet actual
    return Statement(**common, value=u.to_base(value), high=u.to_base(high) if high is not None else None,
                     unit=u.base, time=time)


def _as_of(text: str):
    if not text:
        return None
    p = parse_period(text)
    if p is None and len(text) == 10:
        p = period_from_bounds(text, text)
    return p


# --------------------------------------------------------------------------- merge, conflicts, rank


def _close(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is b
    if a == b:
        return True
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def _significant(d: Decimal) -> int:
    return len(d.normalize().as_tuple().digits)


def _rounded_from(rough: Decimal, fine: Decimal) -> bool:
    """``rough`` is ``fine`` rounded or cut to ``rough``'s significant digits (1E+12 from 1.04E+12)."""
    digits = _significant(rough)
    if digits >= _significant(fine) or fine == 0:
        return False
    step = Decimal(1).scaleb(fine.adjusted() - digits + 1)
    return any(fine.quantize(step, rounding=how) == rough for how in (ROUND_HALF_UP, ROUND_DOWN))


def _consistent(a: Decimal, b: Decimal) -> bool:
    """Two point values that do not contradict each other: equal within TOLERANCE, or one the other
    written rounder (within ROUNDING)."""
    if _close(a, b):
        return True
    if abs(a - b) > ROUNDING * max(abs(a), abs(b)):
        return False
    return _rounded_from(a, b) or _rounded_from(b, a)


def merge(statements: list[Statement]) -> list[Merged]:
    """Group equal statements; order by the first location so the result is deterministic."""
    groups: dict[tuple, Merged] = {}
    for st in sorted(statements, key=lambda s: (s.location, s.subject, s.kind, s.rule, str(s.value))):
        m = groups.get(st.identity)
        if m is None:
            groups[st.identity] = m = Merged(st)
        m.occurrences.append(st)
    return list(groups.values())


def _context(st: Statement) -> tuple:
    return (st.subject, st.kind, st.status, st.time.text if st.time else "", st.scope, st.per, st.item,
            st.number_format, st.metric)


#: Kinds whose value is a comparison: two of them conflict only when they name what is compared.
COMPARISONS = frozenset({"multiple", "relativeDifference"})
_UNNAMED_COMPARISON = re.compile(r"(?:(?:higher|lower)\s)?vs\s")


def mark_conflicts(merged: list[Merged]) -> None:
    """Different point values for the same context, read in different places, are conflicting
    (ranges and bounds are not, nor comparisons that do not say what they compare, nor a figure
    and the same figure written rounder)."""
    by_context: dict[tuple, list[int]] = defaultdict(list)
    for i, m in enumerate(merged):
        st = m.statement
        if st.value is None or st.high is not None or st.bound:
            continue
        # "vs X" and "higher vs X" name the base and the direction, not the measure
        measure_named = bool(st.metric) and not _UNNAMED_COMPARISON.match(st.metric)
        if st.kind in COMPARISONS and not (measure_named or st.item):
            continue  # "6배" and "1.6배" against one base compare different measures unless the measure is named
        if st.kind == "duration" and st.metric in SPAN_FRAMES and not st.item:
            continue  # "3년 만에", "8개월이 소요": how long two different things took, not two readings of one
        by_context[_context(st)].append(i)
    for idx in by_context.values():
        for i in idx:
            for j in idx:
                if i != j and not _consistent(merged[i].statement.value, merged[j].statement.value) \
                        and not _same_place(merged[i], merged[j]):
                    merged[i].conflicts_with.add(j)


def _same_place(a: Merged, b: Merged) -> bool:
    """Read on a common line or in a common table."""
    lines_a = {n for loc in a.locations for n in range(loc.line_start, loc.line_end + 1)}
    if any(n in lines_a for loc in b.locations for n in range(loc.line_start, loc.line_end + 1)):
        return True
    tables_a = {loc.table_id for loc in a.locations if loc.table_id}
    return any(loc.table_id in tables_a for loc in b.locations)


def _when(st: Statement) -> str:
    return st.time.end if st.time else REFERENCE_DATE.isoformat()


def _candidate(st: Statement, rule: TruthyRule) -> bool:
    if st.kind != rule.kind or st.status not in rule.statuses or st.scope:
        return False
    if (st.per, st.number_format, st.metric) != (rule.per, rule.number_format, rule.metric):
        return False
    if rule.bound != st.bound and not (rule.bound == "" and st.bound == "lower"):
        return False
    if st.value is None:
        return st.time is not None  # a date kind
    return st.high is None and (not rule.unit or convert(Decimal(1), st.unit, rule.unit) is not None)


def _of_a_source(st: Statement, model: OntologyModel) -> bool:
    """A power figure with an item measures that item ("600MW 태양광": the site's solar plant), not the
    subject's own capacity: it stays a statement of the subject, never its truthy power."""
    kind = model.kinds.get(st.kind)
    return bool(st.item) and kind is not None and kind.dimension == "power"


#: counts of chips a holder has: one of them with a model (an item) counts that model only
_HOLDING_COUNTS = frozenset({"gpuCount", "chipCount"})


def _parts_of_a_whole(merged: list[Merged], idx: list[int]) -> list[int]:
    """A subject's chip counts when they count several models, or a model and all its chips ("20만개의 H100과
    3만개의 GB200", "23만 개: H100 15만 개 + …"): each model's count is a part, never the subject's total — only
    the counts naming no model stay. One model's count alone ("H100 10만 개로 훈련") is the total."""
    items = {merged[i].statement.item for i in idx}
    if len(items) < 2 or merged[idx[0]].statement.kind not in _HOLDING_COUNTS:
        return idx
    return [i for i in idx if not merged[i].statement.item]


def _fits_domain(subject_types: tuple[str, ...], prop: str, model: OntologyModel) -> bool:
    """A truthy property is asserted only on a subject of its domain: several properties share a
    kind (a chip's TFLOPS and a system's PFLOPS are both 'computePerformance'), and the wrong one
    would type the subject into a class disjoint with its own. Subjects of unknown type pass."""
    domain = model.properties[prop].domain if prop in model.properties else ()
    if not domain or not subject_types:
        return True
    return any(d in model.ancestors(t) for t in subject_types for d in domain)


def rank(merged: list[Merged], model: OntologyModel | None = None,
         types: Mapping[str, tuple[str, ...]] | None = None) -> None:
    """Preferred statements per truthy property; their values become the truthy assertions.

    ``types`` gives the classes (local names) of each subject, to keep a truthy property to its domain."""
    model = model or load_model()
    types = types or {}
    rules_by_kind: dict[str, list[TruthyRule]] = defaultdict(list)
    for r in model.truthy:
        rules_by_kind[r.kind].append(r)
    by_subject_rule: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(merged):
        for r in rules_by_kind.get(m.statement.kind, ()):
            if _candidate(m.statement, r) and _fits_domain(types.get(m.statement.subject, ()), r.property, model) \
                    and not _of_a_source(m.statement, model):
                by_subject_rule[(m.statement.subject, r.property)].append(i)
    rule_of = {r.property: r for r in model.truthy}
    for (_subject, prop), idx in sorted(by_subject_rule.items()):
        if not (idx := _parts_of_a_whole(merged, idx)):
            continue
        latest = max(_when(merged[i].statement) for i in idx)
        for i in idx:
            st = merged[i].statement
            if _when(st) != latest:
                continue
            merged[i].rank = "preferred"
            merged[i].truthy.append(_truthy_value(st, rule_of[prop]))


def _truthy_value(st: Statement, rule: TruthyRule) -> tuple[str, Decimal | str, str]:
    if st.value is None:
        assert st.time is not None
        xsd = st.time.xsd or (st.time.text[:4], "gYear")  # a half or quarter: the year, never a made-up day
        return rule.property, xsd[0], xsd[1]
    value = convert(st.value, st.unit, rule.unit) if rule.unit else st.value
    assert value is not None
    return rule.property, value, "decimal"


def assemble(ex: Extraction, model: OntologyModel | None = None, gate: Gate = OPEN) -> list[Merged]:
    """Value facts → statements, merged, gated, conflicts marked among the verified, ranked.

    A merged statement is verified when any rule that read it passes the gate; unverified ones
    keep their content but take no part in conflicts, rank or truthy values."""
    model = model or load_model()
    from_value_facts(ex, model)
    # a share that does not say of what stays a claim (share_whole.py)
    ex.statements[:] = unsure_unknown_wholes(same_figure_same_status(ex.statements, ex.row_groups))
    merged = merge(ex.statements)
    for m in merged:
        m.verified = any(gate.passes(o.rule) for o in m.occurrences)
    verified = [m for m in merged if m.verified]
    mark_conflicts(verified)
    rank(verified, model, {rec.id: rec.types for rec in ex.entities.values()})
    return verified + [m for m in merged if not m.verified]


#: Statuses a figure is given by words that say so; "actual" is also what a figure has when nothing is said.
_SAID = ("target", "planned", "forecast")


def same_figure_same_status(statements: list[Statement],
                            row_groups: dict[tuple[str, int], int] | None = None) -> list[Statement]:
    """An undated figure read as actual takes the status (and time) of the same figure of the same subject
    read in the same place — a table's row, a line of prose — where words say it is a target, a plan or a forecast
    ("1단계 (Abilene 1.2 GW)" in a row's label and "… 1.2 GW로 완공 목표" in its remarks): the default status
    is only the absence of a word, and the words were read beside the same figure. When the same place says
    two different statuses of it, nothing is changed. A table's row whose first cell is empty continues the row
    above it (``row_groups``: (table id, line) → the group's first line): the rows of one group are one place
    ("1단계 (… 1.2 GW) | … 완공 목표" and the next row's "| … | 1.2 GW 송전선 …" are the same plan)."""
    said: dict[tuple, list[Statement]] = defaultdict(list)
    for st in statements:
        if st.status in _SAID and st.value is not None:
            said[_figure(st)].append(st)
    if not said:
        return statements
    out = []
    for st in statements:
        others = said.get(_figure(st), []) if st.status == "actual" and st.time is None else []
        here = [o for o in others if _shares_place(o.location, st.location, row_groups or {})]
        if here and len({(o.status, o.time.text if o.time else "") for o in here}) == 1:
            st = replace(st, status=here[0].status, time=here[0].time)
        out.append(st)
    return out


def _figure(st: Statement) -> tuple:
    return (st.subject, st.kind, st.value, st.high, st.unit, st.scope, st.per)


def _shares_place(a: Location, b: Location, row_groups: dict[tuple[str, int], int]) -> bool:
    """The same table row or row group, or a common line of prose (other rows of a table state other things)."""
    if a.table_id or b.table_id:
        return a.table_id == b.table_id and (a.row == b.row or _group(a, row_groups) == _group(b, row_groups))
    return a.line_start <= b.line_end and b.line_start <= a.line_end


def _group(loc: Location, row_groups: dict[tuple[str, int], int]) -> int:
    return row_groups.get((loc.table_id, loc.line_start), loc.line_start)


def with_location(st: Statement, loc: Location) -> Statement:
    return replace(st, location=loc)
