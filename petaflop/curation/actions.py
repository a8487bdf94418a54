"""Curation actions: what a reviewer decided about which fact, by whom, when and why.

A fact is named by its **content and provenance** — subject, statement kind or link property,
value or object, and the report line it is read from — never by an IRI a rebuild may change.
An :class:`Action` is plain data (JSON in the log); its ``id`` is a hash of everything else, so
the same decision exported and imported elsewhere keeps its id, and a tampered one does not.

This module checks the *form* of an action (one-line :class:`CurationError` naming the field);
whether its statement exists and its evidence is on its line is checked against the graph and
the report by :mod:`petaflop.curation.service`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from foundation.errors import UserError
from foundation.periods import parse_period
from foundation.units import UNITS, unit

ACTION_TYPES = ("confirm", "reject", "correct", "add", "merge", "split")
TARGET_KINDS = {"confirm": ("statement", "link"), "reject": ("statement", "link"), "correct": ("statement", "link"),
                "add": ("statement", "link"), "merge": ("entity",), "split": ("entity",)}
NEEDS_REASON = frozenset({"reject", "correct", "add", "merge", "split"})
CHANGE_KEYS = {
    "statement": ("value", "high", "unit", "status", "time", "scope", "item"),
    "link": ("property", "object"),
}
STATUSES = ("actual", "planned", "target", "estimate", "forecast")
MAX_EVIDENCE = 60  # the repository's rule for report text: snippets of at most 60 characters
MAX_REASON = 300
MAX_USER = 60
LOG_FORMAT = 1  # the version of an action's JSON form


class CurationError(UserError):
    """A curation request that cannot be recorded; the message is one line naming the field."""


def now_utc() -> str:
    """The action time: ISO 8601 in UTC with microseconds (orders actions taken in one second)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(data: object) -> str:
    """One JSON text per value: sorted keys, no spaces, UTF-8 as is (the log's and the hash's form)."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class Target:
    """A fact by content and provenance.

    ``kind`` is ``statement`` (a value: ``statement_kind``, ``value``/``high`` in ``unit``, or a
    date kind's period in ``time``), ``link`` (``property`` to the entity ``object``) or ``entity``.
    ``subject`` and ``object`` are entity ids (``colossus`` for ``pfid:colossus``); ``line`` is the
    1-based report line the fact is read from. The optional qualifiers narrow a statement when
    several share subject, kind, value and line.
    """

    kind: str
    subject: str
    line: int
    statement_kind: str = ""
    value: str = ""
    high: str = ""
    unit: str = ""
    status: str = ""
    time: str = ""
    scope: str = ""
    item: str = ""
    per: str = ""
    metric: str = ""
    property: str = ""
    object: str = ""

    def to_json(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in ("", 0)}

    @classmethod
    def from_json(cls, data: object) -> Target:
        if not isinstance(data, dict):
            raise CurationError("target: expected an object")
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            raise CurationError(f"target: unknown field(s) {', '.join(unknown)}")
        values = {}
        for f in fields(cls):
            v = data.get(f.name, 0 if f.name == "line" else "")
            if f.name == "line":
                if not isinstance(v, int) or isinstance(v, bool):
                    raise CurationError("target.line: expected a line number")
            elif not isinstance(v, str):
                raise CurationError(f"target.{f.name}: expected text")
            values[f.name] = v
        return cls(**values)

    def describe(self) -> str:
        """One short line: ``colossus powerCapacity 300 MW [planned] (line 1907)``."""
        if self.kind == "statement":
            what = self.time if not self.value else self.value + (f"~{self.high}" if self.high else "")
            what += f" {self.unit}" if self.unit and self.value else ""
            quals = [q for q in (self.status, self.time if self.value else "", self.scope, self.item) if q]
            text = f"{self.subject} {self.statement_kind} {what}" + (f" [{', '.join(quals)}]" if quals else "")
        elif self.kind == "link":
            text = f"{self.subject} {self.property} {self.object}"
        else:
            text = self.subject
        return f"{text} (line {self.line})"


# --------------------------------------------------------------------------- actions


@dataclass(frozen=True)
class Action:
    """One decision. ``change`` holds a correction's new fields, a merge's ``into`` or a split's
    ``name``/``name_ko``/``type``/``lines``; ``evidence`` is text of the cited line."""

    type: str
    user: str
    created: str
    target: Target
    reason: str = ""
    evidence: str = ""
    change: dict = field(default_factory=dict, hash=False, compare=False)
    id: str = ""

    def body(self) -> dict[str, object]:
        """Everything but the id, in the form hashed and stored."""
        return {"format": LOG_FORMAT, "type": self.type, "user": self.user, "created": self.created,
                "target": self.target.to_json(), "reason": self.reason, "evidence": self.evidence,
                "change": self.change}  # fmt: skip

    def content_id(self) -> str:
        return hashlib.sha256(canonical_json(self.body()).encode("utf-8")).hexdigest()[:20]

    def with_id(self) -> Action:
        return Action(self.type, self.user, self.created, self.target, self.reason, self.evidence, self.change,
                      self.content_id())

    def to_json(self) -> dict[str, object]:
        return {"id": self.id or self.content_id(), **self.body()}

    @classmethod
    def from_json(cls, data: object, check_id: bool = True) -> Action:
        if not isinstance(data, dict):
            raise CurationError("an action is a JSON object")
        allowed = {"id", "format", "type", "user", "created", "target", "reason", "evidence", "change"}
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise CurationError(f"unknown field(s) {', '.join(unknown)}")
        if data.get("format", LOG_FORMAT) != LOG_FORMAT:
            raise CurationError(f"format {data.get('format')!r} is not {LOG_FORMAT}")
        for key in ("type", "user", "created", "reason", "evidence"):
            if not isinstance(data.get(key, ""), str):
                raise CurationError(f"{key}: expected text")
        change = data.get("change", {})
        if not isinstance(change, dict):
            raise CurationError("change: expected an object")
        action = cls(data.get("type", ""), data.get("user", ""), data.get("created", ""),
                     Target.from_json(data.get("target")), data.get("reason", ""), data.get("evidence", ""),
                     change)  # fmt: skip
        check_form(action)
        action = action.with_id()
        if check_id and "id" in data and data["id"] != action.id:
            raise CurationError(f"id {data['id']!r} does not match the action's content (it was edited)")
        return action


_CREATED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")  # ids of created nodes carry a line ("…--L2101")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _text(name: str, value: str, limit: int, required: bool) -> None:
    if required and not value.strip():
        raise CurationError(f"{name} is required")
    if _CONTROL.search(value):
        raise CurationError(f"{name}: one line of text, no control characters")
    if len(value) > limit:
        raise CurationError(f"{name}: at most {limit} characters (got {len(value)})")
    if value != value.strip():
        raise CurationError(f"{name}: no leading or trailing spaces")


def check_form(action: Action) -> None:
    """Raise :class:`CurationError` (one line) if the action is not well formed."""
    if action.type not in ACTION_TYPES:
        raise CurationError(f"action {action.type!r} is not one of {', '.join(ACTION_TYPES)}")
    _text("user", action.user, MAX_USER, required=True)
    _text("reason", action.reason, MAX_REASON, required=action.type in NEEDS_REASON)
    _text("evidence", action.evidence, MAX_EVIDENCE, required=action.type == "add")
    if not _CREATED.match(action.created):
        raise CurationError(f"created {action.created!r} is not an ISO time like 2026-01-31T12:00:00.000000Z")
    t = action.target
    if t.kind not in TARGET_KINDS[action.type]:
        raise CurationError(f"{action.type} applies to a {' or '.join(TARGET_KINDS[action.type])}, not a {t.kind!r}")
    if t.line < 1:
        raise CurationError("line: a report line number (1 or more) is required")
    for name in ("subject", "object", "item"):
        value = getattr(t, name)
        if value and not _ID.match(value):
            raise CurationError(f"{name} {value!r} is not an entity id")
    if not t.subject:
        raise CurationError("subject is required")
    if t.kind == "statement":
        _check_statement_fields(t.statement_kind, t.value, t.high, t.unit, t.status, t.time, "")
    elif t.kind == "link" and not (t.property and t.object):
        raise CurationError("a link needs a property and an object")
    _check_change(action)


def _check_statement_fields(kind: str, value: str, high: str, unit_code: str, status: str, time: str,
                            prefix: str) -> None:
    if not kind:
        raise CurationError(f"{prefix}kind is required for a value statement")
    if not value and not time:
        raise CurationError(f"{prefix}value is required (or a time, for a date kind)")
    for name, text in (("value", value), ("high", high)):
        if text:
            try:
                Decimal(text)
            except InvalidOperation:
                raise CurationError(f"{prefix}{name} {text!r} is not a number") from None
    if high and not value:
        raise CurationError(f"{prefix}a range needs its low value")
    if unit_code and unit(unit_code) is None:
        raise CurationError(f"{prefix}unit {unit_code!r} is not a known unit (e.g. MW, GW, USD, %, count)")
    if status and status not in STATUSES:
        raise CurationError(f"{prefix}status {status!r} is not one of {', '.join(STATUSES)}")
    if time and parse_period(time) is None:
        raise CurationError(f"{prefix}time {time!r} is not a period like 2025, 2025-H2, 2025-Q3, 2025-07, 2025-07-15")


def _check_change(action: Action) -> None:
    ch, t = action.change, action.target
    if action.type == "correct":
        allowed = CHANGE_KEYS[t.kind]
        bad = sorted(set(ch) - set(allowed))
        if bad:
            raise CurationError(f"correct: cannot change {', '.join(bad)} of a {t.kind} (only {', '.join(allowed)})")
        if not ch or all(v in ("", None) for v in ch.values()):
            raise CurationError(f"correct: give the new {' or '.join(allowed)}")
        if any(not isinstance(v, str) for v in ch.values()):
            raise CurationError("correct: new values are text")
        if t.kind == "statement":
            new = {k: ch.get(k) or getattr(t, k) for k in ("value", "high", "unit", "status", "time")}
            _check_statement_fields(t.statement_kind, new["value"], new["high"], new["unit"], new["status"],
                                    new["time"], "new ")
            if ch.get("item") and not _ID.match(ch["item"]):
                raise CurationError(f"new item {ch['item']!r} is not an entity id")
        elif ch.get("object") and not _ID.match(ch["object"]):
            raise CurationError(f"new object {ch['object']!r} is not an entity id")
    elif action.type == "merge":
        into = ch.get("into", "")
        if set(ch) != {"into"} or not isinstance(into, str) or not _ID.match(into):
            raise CurationError("merge: name the entity to keep (change.into)")
        if into == t.subject:
            raise CurationError("merge: an entity cannot be merged into itself")
    elif action.type == "split":
        bad = sorted(set(ch) - {"name", "name_ko", "type", "lines"})
        if bad:
            raise CurationError(f"split: unknown field(s) {', '.join(bad)}")
        if not isinstance(ch.get("name"), str) or not ch["name"].strip():
            raise CurationError("split: the new entity's name is required")
        _text("split name", ch["name"], 80, required=True)
        _text("split Korean name", ch.get("name_ko", ""), 80, required=False)
        lines = ch.get("lines")
        if not isinstance(lines, list) or not lines or not all(isinstance(x, int) and x >= 1 for x in lines):
            raise CurationError("split: give the report line(s) whose facts belong to the new entity")
        if lines != sorted(set(lines)):
            raise CurationError("split: lines are sorted and distinct")
    elif ch:
        raise CurationError(f"{action.type}: takes no change fields")


# --------------------------------------------------------------------------- values as people write them

_SCALES = {"K": Decimal(10) ** 3, "M": Decimal(10) ** 6, "B": Decimal(10) ** 9, "T": Decimal(10) ** 12}
_NUM = r"-?\d+(?:\.\d+)?"
_SCALE = r"[KMBT](?=\s|~|$)"  # a scale letter ends the number: '7B USD', '20K'; '300MW' is megawatts
_VALUE = re.compile(rf"^(?P<lo>{_NUM})(?P<s1>{_SCALE})?(?:\s*~\s*(?P<hi>{_NUM})(?P<s2>{_SCALE})?)?\s*(?P<unit>\S*)$")


@dataclass(frozen=True)
class Quantity:
    low: Decimal
    high: Decimal | None
    unit: str  # a code of foundation.units ('' for a bare number)


def parse_quantity(text: str, default_unit: str = "") -> Quantity:
    """``300 MW``, ``1.2 GW``, ``7B USD``, ``34~35 MW``, ``200000`` (the gold's value syntax, commas
    allowed) → a :class:`Quantity`; :class:`CurationError` naming the value or the unit otherwise."""
    m = _VALUE.match(text.strip().replace(",", ""))
    if not m:
        raise CurationError(f"value {text!r} is not a number with an optional unit (e.g. '300 MW', '7B USD')")
    code = m.group("unit") or default_unit
    if code and unit(code) is None:
        raise CurationError(f"unit {code!r} is not a known unit; known: {', '.join(sorted(c for c in UNITS if c))}")
    lo = Decimal(m.group("lo")) * _SCALES.get(m.group("s1") or m.group("s2") or "", Decimal(1))
    hi = None
    if m.group("hi"):
        hi = Decimal(m.group("hi")) * _SCALES.get(m.group("s2") or m.group("s1") or "", Decimal(1))
    return Quantity(lo.normalize(), hi.normalize() if hi is not None else None, unit(code).code if code else "")


def decimal_text(value: Decimal) -> str:
    """A plain decimal without exponent or trailing zeros (``300``, ``0.25``)."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
