"""Find the fact an action names — by content and line — or say why it is not there any more.

:func:`match` returns the records a :class:`~petaflop.curation.actions.Target` names in a
:class:`~petaflop.curation.index.FactIndex`, or none and a reason a reader can act on: the
subject is gone, the line now gives another value, the fact is now read from another line…
``subjects`` widens the subject to the entities merged into it (or split from it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from petaflop.curation.actions import Target
from petaflop.curation.index import FactIndex, LinkRecord, StatementRecord, value_matches

_QUALIFIERS = ("status", "scope", "item", "per", "metric")


@dataclass
class Match:
    statements: list[StatementRecord] = field(default_factory=list)
    links: list[LinkRecord] = field(default_factory=list)
    entity: bool = False
    reason: str = ""  # why nothing matched
    note: str = ""  # how it matched when not exactly (qualifiers changed since the action)

    @property
    def found(self) -> bool:
        return bool(self.statements or self.links or self.entity)


def _lines(lines: Iterable[int]) -> str:
    ls = sorted(set(lines))
    return ", ".join(map(str, ls[:5])) + (" …" if len(ls) > 5 else "")


def _qualifiers_match(rec: StatementRecord, t: Target) -> bool:
    if any(getattr(t, q) and getattr(t, q) != getattr(rec, q) for q in _QUALIFIERS):
        return False
    if t.value and t.time:  # a value kind's time is a qualifier (a date kind's time is its value)
        return rec.time is not None and rec.time.text == t.time
    return True


def _value_ok(rec: StatementRecord, t: Target) -> bool:
    if t.value:
        return value_matches(rec, t.value, t.high, t.unit)
    return rec.value is None and rec.time is not None and rec.time.text == t.time


def match_statement(index: FactIndex, t: Target, subjects: set[str]) -> Match:
    if not any(index.has_entity(s) for s in subjects):
        return Match(reason=f"subject {t.subject} is not in the graph any more")
    same_kind = [r for r in index.statement_records(sorted(subjects)) if r.kind == t.statement_kind]
    if not same_kind:
        return Match(reason=f"{t.subject} has no {t.statement_kind} statement any more")
    on_line = [r for r in same_kind if r.on_line(t.line)]
    valued = [r for r in on_line if _value_ok(r, t)]
    exact = [r for r in valued if _qualifiers_match(r, t)]
    if exact:
        return Match(statements=exact)
    if len(valued) == 1:  # same value on the same line; its qualifiers changed since the action
        return Match(statements=valued, note=f"re-attached by value and line; now {_qualifier_text(valued[0])}")
    if valued:
        return Match(reason=f"line {t.line}: {len(valued)} {t.statement_kind} statements of {t.subject} with value "
                            f"{_target_value(t)}, none with the recorded qualifiers")
    if on_line:
        now = ", ".join(sorted({r.value_text() for r in on_line}))
        return Match(reason=f"line {t.line} now gives {t.subject} {t.statement_kind} = {now} "
                            f"(the action names {_target_value(t)})")
    elsewhere = [r for r in same_kind if _value_ok(r, t)]
    if elsewhere:
        return Match(reason=f"{t.subject} {t.statement_kind} {_target_value(t)} is now read from line(s) "
                            f"{_lines(ln for r in elsewhere for ln in r.lines)}, not {t.line}")
    return Match(reason=f"no {t.statement_kind} statement of {t.subject} on line {t.line} any more")


def match_link(index: FactIndex, t: Target, subjects: set[str], objects: set[str]) -> Match:
    if not any(index.has_entity(s) for s in subjects):
        return Match(reason=f"subject {t.subject} is not in the graph any more")
    if not any(index.has_entity(o) for o in objects):
        return Match(reason=f"object {t.object} is not in the graph any more")
    recs = [r for s in sorted(subjects) for o in sorted(objects) for r in index.links.get((s, t.property, o), ())]
    on_line = [r for r in recs if r.on_line(t.line)]
    if on_line:
        return Match(links=on_line)
    if recs:
        return Match(reason=f"{t.subject} {t.property} {t.object} is now read from line(s) "
                            f"{_lines(ln for r in recs for ln in r.lines)}, not {t.line}")
    others = sorted({r.object for s in subjects for r in index.links_by_subject.get(s, ())
                     if r.property == t.property and r.on_line(t.line)})
    if others:
        return Match(reason=f"line {t.line} now gives {t.subject} {t.property} {', '.join(others[:5])} "
                            f"(the action names {t.object})")
    return Match(reason=f"{t.subject} {t.property} {t.object} is not extracted any more")


def match(index: FactIndex, t: Target, subjects: set[str] | None = None, objects: set[str] | None = None) -> Match:
    subjects = subjects or {t.subject}
    if t.kind == "statement":
        return match_statement(index, t, subjects)
    if t.kind == "link":
        return match_link(index, t, subjects, objects or {t.object})
    if any(index.has_entity(s) for s in subjects):
        return Match(entity=True)
    return Match(reason=f"{t.subject} is not in the graph any more")


def _target_value(t: Target) -> str:
    if not t.value:
        return t.time
    return t.value + (f"~{t.high}" if t.high else "") + (f" {t.unit}" if t.unit else "")


def _qualifier_text(rec: StatementRecord) -> str:
    parts = [f"{q}={getattr(rec, q)}" for q in _QUALIFIERS if getattr(rec, q)]
    if rec.time is not None and rec.value is not None:
        parts.append(f"time={rec.time.text}")
    return ", ".join(parts) or "no qualifiers"


def target_from_statement(rec: StatementRecord, line: int) -> Target:
    """The full content of a statement as a target (what an action records)."""
    from petaflop.curation.actions import decimal_text

    return Target(kind="statement", subject=rec.subject, line=line, statement_kind=rec.kind,
                  value=decimal_text(rec.value) if rec.value is not None else "",
                  high=decimal_text(rec.high) if rec.high is not None else "", unit=rec.unit if rec.value is not None
                  else "", status=rec.status, time=rec.time.text if rec.time else "", scope=rec.scope,
                  item=rec.item, per=rec.per, metric=rec.metric)  # fmt: skip


def target_from_link(rec: LinkRecord, line: int) -> Target:
    return Target(kind="link", subject=rec.subject, line=line, property=rec.property, object=rec.object)


def match_addition(additions: list, t: Target, subjects: set[str], objects: set[str] | None = None):
    """The latest of ``additions`` (add actions) that added the fact ``t`` names, or None."""
    from decimal import Decimal

    from foundation.units import convert
    from petaflop.curation.index import close

    for a in sorted(additions, key=lambda a: (a.created, a.id), reverse=True):
        s = a.target
        if s.kind != t.kind or s.line != t.line or s.subject not in subjects:
            continue
        if t.kind == "link":
            if s.property == t.property and s.object in (objects or {t.object}):
                return a
            continue
        if s.statement_kind != t.statement_kind:
            continue
        if not t.value:
            if not s.value and s.time == t.time:
                return a
            continue
        if s.value:
            low = convert(Decimal(t.value), t.unit or s.unit, s.unit)
            if low is not None and close(low, Decimal(s.value)):
                return a
    return None
