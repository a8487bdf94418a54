"""The review queue: facts not yet reviewed, riskiest first.

Risk adds up from what the build already knows about a fact:

* the **precision of its rule** as measured on the gold (``petaflop/extract/rule_gate.toml``):
  1 − precision for a measured rule (the best rule when several read it), 0.5 for a rule the
  gold never judged;
* **unverified**: a claim kept below the precision gate (+0.3);
* **conflicting**: the report states another value for the same thing (+0.4);
* **SHACL warnings** on its subject in the last build's coverage report (+0.2).

Each item names its fact by content and line (a :class:`~petaflop.curation.actions.Target`), so
the command line and the app record actions on it the same way.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from petaflop.curation.actions import Action, Target
from petaflop.curation.index import FactIndex, LinkRecord, Occurrence, StatementRecord
from petaflop.curation.matching import match, target_from_link, target_from_statement
from petaflop.curation.overlay import aliases

UNMEASURED = 0.5
_SHAPE = re.compile(r"focus='([^']*)'.*?message='((?:[^'\\]|\\.)*)'")


# why a fact is in the queue: key -> (English, Korean) templates
REASON_TEXT: dict[str, tuple[str, str]] = {
    "rule.always": ("rule {rule} passed without measurement", "규칙 {rule}: 측정 없이 통과"),
    "rule.unmeasured": ("rule {rule} never measured on the gold", "규칙 {rule}: 정답 주석에서 측정된 적 없음"),
    "rule.precision": ("rule {rule}: precision {percent} % ({correct}/{judged} on the gold)",
                       "규칙 {rule}: 정밀도 {percent}% (정답 주석 {judged}개 중 {correct}개)"),
    "conflicting": ("the report states another value for the same thing (conflicting)",
                    "보고서가 같은 대상에 다른 값을 밝힘 (상충)"),
    "unverified": ("unverified claim: its rule is below the precision gate",
                   "미검증 주장: 규칙이 정밀도 기준에 못 미침"),
    "shacl": ("SHACL: {message}", "SHACL: {message}"),
    "shacl.more": ("SHACL: {message} (+{more} more)", "SHACL: {message} (외 {more}개)"),
}


@dataclass(frozen=True)
class Reason:
    """One reason a fact is queued, as a key of :data:`REASON_TEXT` and its fields; ``str`` is English."""
    key: str
    fields: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str = "en", shown: Callable[[str, str], str] | None = None) -> str:
        """The reason in ``lang``; ``shown(key, value)`` writes each field (as it is when not given)."""
        en, ko = REASON_TEXT[self.key]
        return (ko if lang == "ko" else en).format(**{k: shown(k, v) if shown else v for k, v in self.fields})

    def __str__(self) -> str:
        return self.text()


def _reason(key: str, **fields) -> Reason:
    return Reason(key, tuple((k, str(v)) for k, v in fields.items()))


@dataclass
class QueueItem:
    target: Target
    name: str            # the subject's label
    predicate: str       # a statement's kind ("powerCapacity") or a link's property (pfa local name)
    shown: str           # the value ("300 MW") or the link's object label
    qualifiers: list[str]
    risk: float
    reasons: list[Reason]
    occurrence: Occurrence
    verified: bool = True
    rules: list[str] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.target.line

    @property
    def is_link(self) -> bool:
        return self.target.kind == "link"

    @property
    def title(self) -> str:
        """"colossus · powerCapacity = 300 MW [2025]" or "xai · operates → Colossus"."""
        return self.heading(self.predicate)

    def heading(self, predicate: str) -> str:
        """The title with ``predicate`` written for the kind or property (its label in a page's language)."""
        if self.is_link:
            return f"{self.name} · {predicate} → {self.shown}"
        return f"{self.name} · {predicate} = {self.shown}" + (
            f" [{', '.join(self.qualifiers)}]" if self.qualifiers else "")


def shacl_warnings(coverage_json: Path) -> dict[str, list[str]]:
    """Entity IRI -> SHACL warning messages, from a build's coverage.json (empty if absent)."""
    try:
        data = json.loads(coverage_json.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, list[str]] = defaultdict(list)
    for w in data.get("shacl_warnings", []):
        m = _SHAPE.search(str(w))
        if m:
            out[m.group(1)].append(m.group(2))
    return out


def reviewed_keys(index: FactIndex, actions: list[Action]) -> set[tuple]:
    """The facts a confirm, reject or correct of the log already decides."""
    merged = aliases(sorted(actions, key=lambda a: (a.created, a.id)))
    keys: set[tuple] = set()
    for a in actions:
        if a.type not in ("confirm", "reject", "correct"):
            continue
        t = a.target
        m = match(index, t, {t.subject} | merged.get(t.subject, set()),
                  ({t.object} | merged.get(t.object, set())) if t.object else None)
        keys.update(("st", r.node) for r in m.statements)
        keys.update(("link", r.subject, r.property, r.object) for r in m.links)
    return keys


def _rule_risk(rules: list[str], gate) -> tuple[float, Reason | None]:
    best, why = None, None
    for rule in sorted(set(rules)):
        rec = gate.rules.get(rule)
        if rule in gate.always:
            risk, reason = 0.1, _reason("rule.always", rule=rule)
        elif rec is None or rec.judged == 0:
            risk, reason = UNMEASURED, _reason("rule.unmeasured", rule=rule)
        else:
            risk, reason = 1 - rec.precision, _reason("rule.precision", rule=rule, percent=f"{100 * rec.precision:.0f}",
                                                      correct=rec.correct, judged=rec.judged)
        if best is None or risk < best:
            best, why = risk, reason
    return (best if best is not None else UNMEASURED), why


def _worst(occurrences: list[Occurrence], gate) -> Occurrence:
    """The occurrence to show: the one read by the riskiest rule (then the first line)."""
    return sorted(occurrences, key=lambda o: (-_rule_risk([o.rule], gate)[0], o.line_start, o.rule))[0]


def build_queue(index: FactIndex, actions: list[Action], gate=None, warnings: dict[str, list[str]] | None = None,
                include_links: bool = True) -> list[QueueItem]:
    """Every statement and link with a report line that no action decides yet, riskiest first."""
    from petaflop.curation.index import entity_node
    from petaflop.extract.gate import load_gate

    gate = gate or load_gate()
    warnings = warnings or {}
    done = reviewed_keys(index, actions)
    items: list[QueueItem] = []
    for rec in index.statements.values():
        if ("st", rec.node) in done or not rec.occurrences:
            continue
        items.append(_item(index, rec, gate, warnings.get(entity_node(rec.subject).value, [])))
    if include_links:
        for recs in index.links.values():
            for rec in recs:
                if ("link", rec.subject, rec.property, rec.object) in done or not rec.occurrences:
                    continue
                items.append(_item(index, rec, gate, warnings.get(entity_node(rec.subject).value, [])))
    items.sort(key=lambda i: (-round(i.risk, 6), i.line, i.title))
    return items


def _item(index: FactIndex, rec: StatementRecord | LinkRecord, gate, warnings: list[str]) -> QueueItem:
    rules = sorted({o.rule for o in rec.occurrences})
    risk, why = _rule_risk(rules, gate)
    reasons = [why] if why else []
    occ = _worst(rec.occurrences, gate)
    name = index.label(rec.subject)
    if isinstance(rec, StatementRecord):
        verified = rec.verified
        target = target_from_statement(rec, occ.line_start)
        quals = [q for q in (rec.status if rec.status != "actual" else "", rec.time.text if rec.time and
                             rec.value is not None else "", rec.scope, rec.item) if q]
        predicate, shown = rec.kind, rec.value_text()
        if rec.conflicting:
            risk += 0.4
            reasons.append(_reason("conflicting"))
    else:
        verified = rec.claim is None
        target = target_from_link(rec, occ.line_start)
        predicate, shown, quals = rec.property, index.label(rec.object), []
    if not verified:
        risk += 0.3
        reasons.append(_reason("unverified"))
    if warnings:
        risk += 0.2
        reasons.append(_reason("shacl.more", message=warnings[0], more=len(warnings) - 1) if len(warnings) > 1
                       else _reason("shacl", message=warnings[0]))
    return QueueItem(target, name, predicate, shown, quals, risk, reasons, occ, verified, rules)


def table_context(doc, table_id: str, column: int) -> tuple[str, str, str]:
    """(caption, header line, the column's label) of a table of the parsed report, '' when unknown."""
    for t in getattr(doc, "tables", ()):
        if t.id == table_id:
            header = " | ".join(t.column_labels)
            label = t.column_labels[column - 1] if 1 <= column <= len(t.column_labels) else ""
            return " ".join(t.caption)[:120], header, label
    return "", "", ""
