"""Recording actions: what the command line and the app call.

A :class:`Curator` holds the built graph (read back to the extraction it was built from), the
log and the report. Each ``record_*`` method resolves what the user named — an entity by name,
alias or id; a statement by subject, kind, value and line; a link by subject, property, object
and line — checks it against the graph and the report, and only then appends one action. Any
problem (no user, unknown statement, bad unit, evidence not on the line…) is a one-line
:class:`~petaflop.curation.actions.CurationError` and nothing is written.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from foundation.names import slugify
from foundation.namespaces import PFA
from foundation.periods import parse_period
from foundation.units import unit
from petaflop.curation.actions import (
    Action,
    CurationError,
    Target,
    check_form,
    decimal_text,
    now_utc,
    parse_quantity,
)
from petaflop.curation.index import FactIndex, base_quads
from petaflop.curation.log import ActionLog, default_dir
from petaflop.curation.matching import match, match_addition, target_from_link, target_from_statement
from petaflop.curation.overlay import Overlay, aliases, compute_overlay

USER_ENV = "PETAFLOP_CURATION_USER"
#: the value dimensions a kind of each dimension accepts (a "number" kind takes any)
_DIMENSIONS_OK = {
    "power": {"power"}, "energy": {"energy"}, "count": {"count", "number"}, "memory": {"memory"},
    "bandwidth": {"bandwidth"}, "compute": {"compute", "compute-int"}, "length": {"length"},
    "voltage": {"voltage"}, "money": {"money"}, "percent": {"percent", "percent-point"},
    "multiple": {"multiple", "number"}, "duration": {"duration"}, "number": None, "date": set(),
}  # fmt: skip


def resolve_user(user: str | None) -> str:
    name = (user or os.environ.get(USER_ENV, "")).strip()
    if not name:
        raise CurationError(f"no user: give --user NAME or set ${USER_ENV} (actions are never anonymous)")
    return name


@dataclass
class FactSpec:
    """What a person types to name a fact (names, not ids; values with units)."""

    subject: str
    line: int
    kind: str = ""  # a statement kind ...
    value: str = ""  # ... its value ('300 MW', '2025-07' for a date kind)
    unit: str = ""
    status: str = ""
    time: str = ""
    scope: str = ""
    item: str = ""
    property: str = ""  # ... or a link property
    object: str = ""

    def is_link(self) -> bool:
        return bool(self.property)


@dataclass
class Curator:
    graph_path: Path
    log: ActionLog
    report: str | None = None
    _actions: list[Action] | None = field(default=None, repr=False)

    @classmethod
    def open(cls, graph: str | os.PathLike[str] | None = None, log_dir: str | os.PathLike[str] | None = None,
             report: str | None = None) -> Curator:
        from foundation.paths import BUILD_DIR

        path = Path(graph) if graph else BUILD_DIR / "atlas.nq"
        if not path.is_file():
            raise CurationError(f"no built graph at {path}; run `petaflop build` first (or give --data)")
        return cls(path, ActionLog(log_dir or default_dir(path.parent)), report)

    # ------------------------------------------------------------------ what is read once
    @cached_property
    def base(self) -> list[ox.Quad]:
        try:
            quads = ox.parse(path=str(self.graph_path), format=ox.RdfFormat.N_QUADS)
            return base_quads(quads)
        except (OSError, SyntaxError, ValueError) as exc:
            raise CurationError(f"{self.graph_path}: cannot read it as N-Quads: {str(exc).splitlines()[0]}") from None

    @cached_property
    def index(self) -> FactIndex:
        return FactIndex(self.base)

    @cached_property
    def model(self):
        from ontology.model import load_model

        return load_model()

    @cached_property
    def report_lines(self) -> list[str]:
        from foundation.paths import resolve_report

        return resolve_report(self.report).read_text(encoding="utf-8").splitlines()

    def refresh(self) -> None:
        """Read the log again at the next use (another writer may have appended)."""
        self._actions = None

    def actions(self) -> list[Action]:
        if self._actions is None:
            self._actions = self.log.actions()
        return self._actions

    def overlay(self) -> Overlay:
        return compute_overlay(self.base, self.actions(), self.index, self.model)

    # ------------------------------------------------------------------ names
    def entity(self, text: str, what: str = "subject") -> str:
        found = self.index.find_entities(text) or self._split_entities(text)
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(f"{self.index.label(e)} ({e})" for e in found[:6])
            raise CurationError(f"{what} {text!r} is ambiguous: {names}; give the id")
        close = difflib.get_close_matches(slugify(text) or text, sorted(self.index.entity_types), n=3, cutoff=0.75)
        hint = f"; close matches: {', '.join(close)}" if close else ""
        raise CurationError(f"{what} {text!r} is not an entity of the graph{hint}")

    def _split_entities(self, text: str) -> list[str]:
        """Entities the log's splits create (not in the extraction): by id, English or Korean name."""
        from foundation.names import norm_name

        key = norm_name(text)
        return sorted({slugify(a.change["name"]) for a in self.actions() if a.type == "split"
                       and key in {norm_name(slugify(a.change["name"])), norm_name(a.change["name"]),
                                   norm_name(a.change.get("name_ko", "") or "\0")}})

    def kind(self, name: str) -> str:
        if name not in self.model.kinds:
            close = difflib.get_close_matches(name, sorted(self.model.kinds), n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise CurationError(f"kind {name!r} is not a statement kind{hint}")
        return name

    def link_property(self, name: str) -> str:
        local = name.split(":", 1)[1] if name.startswith("pfa:") else name
        prop = self.model.properties.get(local)
        if prop is None or prop.kind != "object":
            objects = sorted(p for p, v in self.model.properties.items() if v.kind == "object")
            close = difflib.get_close_matches(local, objects, n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise CurationError(f"property {name!r} is not a link (object property) of the ontology{hint}")
        return local

    def _check_unit(self, kind: str, code: str) -> None:
        dim = self.model.kinds[kind].dimension
        ok = _DIMENSIONS_OK.get(dim, {dim})
        u = unit(code)
        if u is None:
            raise CurationError(f"unit {code!r} is not a known unit")
        if ok is not None and u.dimension not in ok:
            raise CurationError(f"unit {code!r} ({u.dimension}) does not measure {kind} ({dim})")

    def types_of(self, eid: str) -> list[str]:
        """An entity's asserted classes (pfa local names)."""
        return sorted(t[len(PFA):] for t in self.index.entity_types.get(eid, ()) if t.startswith(PFA))

    def check_signature(self, prop: str, subject: str, obj: str, subject_types: list[str] | None = None,
                        object_types: list[str] | None = None) -> None:
        """A link must fit its property's domain and range, as extracted links do (petaflop/extract/typecheck.py):
        with the ontology's disjoint classes, one that does not would make the graph inconsistent."""
        p = self.model.properties.get(prop)
        if p is None:
            return
        for end, eid, types, allowed in (("subject", subject, subject_types, p.domain),
                                         ("object", obj, object_types, p.range)):
            types = self.types_of(eid) if types is None else types
            if not allowed or not types:
                continue
            if not any(self.model.ancestors(t) & set(allowed) for t in types):
                raise CurationError(f"{prop} cannot link {end} {eid} ({', '.join(types)}): its "
                                    f"{'domain' if end == 'subject' else 'range'} is {', '.join(allowed)}")

    def _line(self, line: int) -> None:
        if line < 1:
            raise CurationError("--line: a report line number (1 or more) is required")
        lines = self.lines_if_found()
        if lines is not None and line > len(lines):
            raise CurationError(f"--line {line}: the report has {len(lines)} lines")

    def lines_if_found(self) -> list[str] | None:
        """The report's lines; None when no report is found and none was asked for (lines unchecked)."""
        from foundation.errors import ReportNotFound

        try:
            return self.report_lines
        except ReportNotFound:
            if self.report:
                raise
            return None

    # ------------------------------------------------------------------ facts as typed
    def spec_target(self, spec: FactSpec, existing: bool = True) -> Target:
        """The target a spec names; with ``existing``, exactly one extracted fact must match."""
        self._line(spec.line)
        subject = self.entity(spec.subject)
        widen = self._widen()
        if spec.is_link():
            prop, obj = self.link_property(spec.property), self.entity(spec.object, "object")
            t = Target("link", subject, spec.line, property=prop, object=obj)
            if not existing:
                return t
            m = match(self.index, t, widen(subject), widen(obj))
            inverse = self.model.properties[prop].inverse
            if not m.found and inverse:  # named the other way round: colossus operatedBy xai = xai operates colossus
                inv = inverse.rsplit("#", 1)[-1]
                m2 = match(self.index, Target("link", obj, spec.line, property=inv, object=subject), widen(obj),
                           widen(subject))
                m = m2 if m2.found else m
            if not m.found:
                added = self._added(t, widen(subject), widen(obj))
                if added is not None:
                    return added
                raise CurationError(f"no such link: {m.reason}")
            rec = m.links[0]
            named = {e: n for n in (subject, obj) for e in widen(n)}  # merged or split: keep the name the user gave
            return replace(target_from_link(rec, spec.line), subject=named.get(rec.subject, rec.subject),
                           object=named.get(rec.object, rec.object))
        if not spec.kind:
            raise CurationError("give --kind and --value (a statement) or --property and --object (a link)")
        kind = self.kind(spec.kind)
        value, high, code, time = self._value(kind, spec)
        item = self.entity(spec.item, "item") if spec.item else ""
        t = Target("statement", subject, spec.line, statement_kind=kind, value=value, high=high, unit=code,
                   status=spec.status, time=time, scope=spec.scope, item=item)
        if not existing:
            return t
        m = match(self.index, t, widen(subject))
        if not m.found:
            added = self._added(t, widen(subject))
            if added is not None:
                return added
            raise CurationError(f"no such statement: {m.reason}")
        if len(m.statements) > 1:
            options = "; ".join(f"{r.value_text()} status={r.status} time={r.time.text if r.time else '-'} "
                                f"scope={r.scope or '-'}" for r in m.statements[:4])
            raise CurationError(f"{len(m.statements)} statements match ({options}); narrow with --status, --time, "
                                "--scope or --item")
        return replace(target_from_statement(m.statements[0], spec.line), subject=subject)

    def _added(self, t: Target, subjects: set[str], objects: set[str] | None = None) -> Target | None:
        """The target of an addition in the log that ``t`` names (so an added fact can be judged too)."""
        added = match_addition([a for a in self.actions() if a.type == "add"], t, subjects, objects)
        return added.target if added is not None else None

    def _value(self, kind: str, spec: FactSpec) -> tuple[str, str, str, str]:
        """(value, high, unit, time) as a target stores them; a date kind's value is its period."""
        if not spec.value:
            raise CurationError("--value is required for a statement")
        if self.model.kinds[kind].dimension == "date":
            if parse_period(spec.value) is None:
                raise CurationError(f"value {spec.value!r} of the date kind {kind} is not a period like 2025-07")
            return "", "", "", spec.value
        q = parse_quantity(spec.value, spec.unit)
        if q.unit:
            self._check_unit(kind, q.unit)
        if spec.time and parse_period(spec.time) is None:
            raise CurationError(f"--time {spec.time!r} is not a period like 2025, 2025-H2, 2025-07")
        high = decimal_text(q.high) if q.high is not None else ""
        return decimal_text(q.low), high, q.unit, spec.time

    def _widen(self):
        merged = aliases(sorted(self.actions(), key=lambda a: (a.created, a.id)))
        return lambda eid: {eid} | merged.get(eid, set())

    # ------------------------------------------------------------------ recording
    def _append(self, action: Action) -> Action:
        check_form(action)
        stamped = self.log.append(action)
        self._actions = None
        return stamped

    def confirm(self, user: str | None, spec: FactSpec, reason: str = "") -> Action:
        return self._append(Action("confirm", resolve_user(user), now_utc(), self.spec_target(spec), reason.strip()))

    def reject(self, user: str | None, spec: FactSpec, reason: str) -> Action:
        user = resolve_user(user)
        if not (reason or "").strip():
            raise CurationError("--reason is required to reject a fact")
        return self._append(Action("reject", user, now_utc(), self.spec_target(spec), reason.strip()))

    def correct(self, user: str | None, spec: FactSpec, reason: str, new_value: str = "", new_unit: str = "",
                new_status: str = "", new_time: str = "", new_scope: str = "", new_item: str = "",
                new_property: str = "", new_object: str = "") -> Action:
        user = resolve_user(user)
        if not (reason or "").strip():
            raise CurationError("--reason is required to correct a fact")
        target = self.spec_target(spec)
        change: dict[str, str] = {}
        if target.kind == "link":
            if new_value or new_unit or new_status or new_time or new_scope or new_item:
                raise CurationError("a link is corrected with --new-property or --new-object")
            if new_property:
                change["property"] = self.link_property(new_property)
            if new_object:
                change["object"] = self.entity(new_object, "new object")
            self.check_signature(change.get("property", target.property), target.subject,
                                 change.get("object", target.object))
        else:
            if new_property or new_object:
                raise CurationError("a statement is corrected with --new-value, --new-unit, --new-status, "
                                    "--new-time, --new-scope or --new-item")
            if new_value:
                q = parse_quantity(new_value, new_unit or target.unit)
                if q.unit:
                    self._check_unit(target.statement_kind, q.unit)
                change["value"] = decimal_text(q.low)
                if q.high is not None:
                    change["high"] = decimal_text(q.high)
                if q.unit:
                    change["unit"] = q.unit
            elif new_unit:
                self._check_unit(target.statement_kind, new_unit)
                change["unit"] = unit(new_unit).code
            if new_status:
                change["status"] = new_status
            if new_time:
                change["time"] = new_time
            if new_scope:
                change["scope"] = new_scope
            if new_item:
                change["item"] = self.entity(new_item, "new item")
        return self._append(Action("correct", user, now_utc(), target, reason.strip(), change=change))

    def add(self, user: str | None, spec: FactSpec, evidence: str, reason: str) -> Action:
        user = resolve_user(user)
        if not (reason or "").strip():
            raise CurationError("--reason is required to add a fact")
        target = self.spec_target(spec, existing=False)
        if target.kind == "link":
            self.check_signature(target.property, target.subject, target.object)
        self._check_evidence(spec.line, evidence)
        widen = self._widen()
        existing = match(self.index, target, widen(target.subject), widen(target.object) if target.object else None)
        if existing.found:
            raise CurationError(f"this fact is already extracted from line {spec.line}; confirm it instead")
        if target.kind == "statement" and target.value:
            if not target.unit and self.model.kinds[target.statement_kind].dimension not in ("count", "number"):
                raise CurationError(f"--value {spec.value!r}: give the unit (e.g. '300 MW')")
        return self._append(Action("add", user, now_utc(), target, reason.strip(), evidence))

    def _check_evidence(self, line: int, evidence: str) -> None:
        if not evidence or not evidence.strip():
            raise CurationError("--evidence is required: the exact text of the line the fact rests on")
        from foundation.errors import ReportNotFound

        try:
            lines = self.report_lines
        except ReportNotFound as exc:
            raise CurationError(f"an addition is checked against the report: {exc}") from None
        if not 1 <= line <= len(lines):
            raise CurationError(f"--line {line}: the report has {len(lines)} lines")
        if evidence not in lines[line - 1]:
            raise CurationError(f"--evidence {evidence!r} is not on line {line} of the report")

    def merge(self, user: str | None, keep: str, drop: str, line: int, reason: str) -> Action:
        user = resolve_user(user)
        if not (reason or "").strip():
            raise CurationError("--reason is required to merge entities")
        self._line(line)
        k, d = self.entity(keep, "entity to keep"), self.entity(drop, "entity to merge")
        if k == d:
            raise CurationError(f"{keep!r} and {drop!r} are the same entity ({k})")
        keep_types = self.types_of(k)
        for rec in [r for recs in self.index.links.values() for r in recs if d in (r.subject, r.object)]:
            if rec.claim is None:
                self.check_signature(rec.property, k if rec.subject == d else rec.subject,
                                     k if rec.object == d else rec.object,
                                     keep_types if rec.subject == d else None, keep_types if rec.object == d else None)
        return self._append(Action("merge", user, now_utc(), Target("entity", d, line), reason.strip(),
                                   change={"into": k}))

    def split(self, user: str | None, entity: str, name: str, lines: list[int], line: int, reason: str,
              name_ko: str = "", type_: str = "") -> Action:
        user = resolve_user(user)
        if not (reason or "").strip():
            raise CurationError("--reason is required to split an entity")
        self._line(line)
        e = self.entity(entity)
        new_id = slugify(name or "")
        if not new_id:
            raise CurationError("--name: the new entity's English name is required")
        if self.index.has_entity(new_id):
            raise CurationError(f"an entity {new_id} exists already; merge or correct instead")
        if type_ and type_ not in self.model.classes:
            raise CurationError(f"--type {type_!r} is not a class of the ontology")
        for ln in lines:
            self._line(ln)
        change = {"name": name.strip(), "lines": sorted(set(lines))}
        if name_ko.strip():
            change["name_ko"] = name_ko.strip()
        if type_:
            change["type"] = type_
        action = Action("split", user, now_utc(), Target("entity", e, line), reason.strip(), change=change)
        action = action.with_id()
        trial = compute_overlay(self.base, [*self.actions(), action], self.index, self.model)
        outcome = next(r for r in trial.results if r.action.id == action.id)
        if outcome.status == "orphaned":
            raise CurationError(f"nothing to split: {outcome.reason}")
        return self._append(action)
