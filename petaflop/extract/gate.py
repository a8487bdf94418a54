"""The precision gate: a link or value reaches the facts graph only through a rule whose measured
precision is high enough; everything else stays an unverified claim.

The measurements live in ``rule_gate.toml`` (data, reviewed like code): per extraction rule, how
many of its facts the gold annotation judged and how many were right. ``petaflop evaluate
--write-gate`` writes the file from an evaluation of every candidate (asserted and unverified);
the build reads only the file, never the gold. A rule passes when its precision is at least
``threshold`` over at least ``min_judged`` judged facts; a rule the gold never judged does not
pass (its facts stay claims) unless the file lists it under ``[always]`` with a reason.

A mapped table family's column (``table:<family>:<column>``) judged too seldom to be measured
alone — a column the gold never judges (a verbatim text cell, a code-list value), or one judged
fewer than ``min_judged`` times without an error — is decided by its family: the columns of one
mapping share its row reading (which row names which entity), so the family's pooled precision
over at least ``min_judged`` judged facts is the evidence (the ``events`` layout reads every
timeline table the same way, so its columns form one family, ``table:events``). A column with an
observed error, or one measured often enough, is judged alone. The same holds for the entries of the
table reader's lexicon (``table-reader:<relation>@<entry>``): they share its row/column reading, so an
entry judged too seldom, without an error, is decided by the reader's pooled precision over all entries
with the same variant suffix (``table-reader:*``, ``table-reader:*:mapped``). Prose constructions are
not pooled as one family: cross-validated, a pooled prose family (the genitive's) passed entries at 73 %,
because a prose rule's precision hangs as much on how it found its subject (the nearest name, the slide's
topic…) as on its construction. So a prose or claim rule ``<reader>:<construction>:…:<way>`` judged fewer than
``min_judged`` times, never wrong, passes only when both margins pass: its construction pooled over all its
ways (the construction's plain rule, ``text:<construction>`` without a variant, among them), and its way (the
last part) pooled over all constructions ("pass by construction and way"). A rule whose last part names the
relation it asserts instead of a way — an ontology property or statement kind (:func:`relation_names`:
``text:release-by:announcedBy``, ``table-cell:policy-item:partOf``, ``text:genitive:developedBy@333``) — has no
way: its pattern finds both ends itself. Its second margin is that relation (``property:<name>``, a lexicon entry's
``@…`` dropped) pooled over every prose and claim rule that asserts it (any part after the reader naming it:
``text-deal:partnerOf``, ``text:named-members:partnerOf:named``), so it passes only when its construction, pooled
over its relations, AND its relation, pooled over the constructions, pass ("pass by construction and relation"):
a construction good for one relation (the genitive's developer) says little about another (its operator), and a
relation name pooled only with itself (``way:announcedBy``, 1 judged) is no evidence of anything. Cross-validated,
trusting such a rule's construction alone held out at 99.2 % (two more wrong facts); with its relation too, 99.4 %.

A fact whose rule carries the part ``unsure`` (:data:`UNSURE`, "…:doubted-figure:unsure") is one the report
itself leaves in doubt — a figure it questions, a rumour it says was denied, a cell whose column shares its
header with another — and never passes, whatever its rule measured: the words, not the reader, make it unsure
(so its judgement counts for its reader's rule, :func:`reader_rule`, when the gate is measured).

Facts that state identity or structure — types, labels, an entity's claims, sources — are not
gated: they name things, they do not assert measured links or values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ontology.model import load_model
from petaflop.extract.mapping_data import MappingError, check_tables, read_toml

GATE_PATH = Path(__file__).with_name("rule_gate.toml")
#: the part of a rule id that keeps its fact a claim whatever the rule measured (see the module)
UNSURE = "unsure"


def unsure(rule: str) -> str:
    """``rule`` marked as the rule of a fact the report leaves in doubt (never asserted)."""
    return rule if is_unsure(rule) else f"{rule}:{UNSURE}"


def is_unsure(rule: str) -> bool:
    return UNSURE in rule.split(":")


def reader_rule(rule: str) -> str:
    """The rule of the reader that read an unsure fact (``rule`` without :data:`UNSURE`): the reader's precision
    is measured on every fact it read, the ones the report leaves in doubt too."""
    return ":".join(p for p in rule.split(":") if p != UNSURE)
#: predicates that are never gated (identity, structure, bookkeeping)
UNGATED_PREDICATES = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#altLabel", "hasClaim", "claimAbout", "quantityKind", "quantityValue",
    "quantityUnit", "claimText", "quantityLow", "quantityHigh", "promotedTo", "countedItem", "dateText",
    "publisherOrganization",
    # the parties of a deal, investment or event node are what the node is; its values and other
    # links are gated like any other (a deal's amount stays a claim when its rule is weak)
    "hasInvestor", "hasInvestee", "hasParty", "hasParticipation", "participant", "roleName",
}  # fmt: skip


@dataclass(frozen=True)
class RuleRecord:
    judged: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else 0.0


@dataclass(frozen=True)
class Gate:
    threshold: float = 0.95
    min_judged: int = 3
    rules: dict[str, RuleRecord] = field(default_factory=dict)
    always: dict[str, str] = field(default_factory=dict)  # rule -> reason
    enabled: bool = True
    families: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    margins: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "families", _pooled(self.rules, lambda r: filter(None, [_family(r)])))
        object.__setattr__(self, "margins", _pooled(self.rules, _margin_keys))

    def passes(self, rule: str) -> bool:
        if not self.enabled or rule in self.always:
            return True
        if is_unsure(rule):
            return False
        rec = self.rules.get(rule)
        if rec is not None and rec.judged >= self.min_judged:
            return rec.precision >= self.threshold
        return self._family_passes(rule, rec) or self._margins_pass(rule, rec)

    def _family_passes(self, rule: str, rec: RuleRecord | None) -> bool:
        """A sparse column of a mapped table family (no error seen) passes when its family does."""
        family = _family(rule)
        if not family or (rec is not None and rec.correct < rec.judged):
            return False
        judged, correct = self.families.get(family, (0, 0))
        return judged >= self.min_judged and correct / judged >= self.threshold

    def _margins_pass(self, rule: str, rec: RuleRecord | None) -> bool:
        """A sparse prose rule, judged and never wrong, passes when both its construction and its way of
        finding the subject pass, each pooled over every rule that shares it (see the module)."""
        margins = _margins(rule)
        if not margins or rec is None or not rec.judged or rec.correct < rec.judged:
            return False
        return all(j >= self.min_judged and c / j >= self.threshold
                   for j, c in (self.margins.get(m, (0, 0)) for m in margins))

    def decision(self, rule: str) -> str:
        if rule in self.always:
            return "always"
        if is_unsure(rule):
            return "unsure"
        rec = self.rules.get(rule)
        if rec is not None and rec.judged >= self.min_judged:
            return "pass" if rec.precision >= self.threshold else "below threshold"
        if self._family_passes(rule, rec):
            return "pass by family"
        if self._margins_pass(rule, rec):
            return "pass by construction and " + ("relation" if _relation(rule.split(":")[-1]) else "way")
        if rec is None or rec.judged == 0:
            return "unmeasured"
        return "too few judged"



def _family(rule: str) -> str:
    """``table:<family>`` of a mapped table column's rule ``table:<family>:<column>``; for the table
    reader's rule of a lexicon entry (``table-reader:<relation>@<entry>[:<variant>]``), the same rule
    with the entry replaced by ``*`` (one row/column reading applied to every entry); else ''."""
    parts = rule.split(":")
    if len(parts) == 3 and parts[0] == "table" and parts[2] != "claims":
        return ":".join(parts[:2])
    if parts[0] == "table-reader" and len(parts) > 1 and "@" in parts[1]:
        return ":".join("*" if "@" in p else p for p in parts)
    return ""


@cache
def relation_names() -> frozenset[str]:
    """The names a rule's part can give as the relation it asserts: the ontology's properties and statement kinds."""
    model = load_model()
    return frozenset(model.properties) | frozenset(model.kinds)


def _relation(part: str) -> str:
    """The relation a rule's part names (``developedBy@333`` -> ``developedBy``: a lexicon entry of it), else ''."""
    name = part.split("@")[0]
    return name if name in relation_names() else ""


def _margins(rule: str) -> tuple[str, ...]:
    """The construction (``text:<construction>``) and the way (the last part: ``nearest``, ``slide-topic``,
    ``founder``…) of a prose or claim rule ``<reader>:<construction>:…:<way>`` — or, when the last part names the
    relation the rule asserts (:func:`_relation`), that relation (``property:<name>``) instead of a way; () for a
    table's rule (its family decides) and for a rule without a variant."""
    parts = rule.split(":")
    if len(parts) < 3 or parts[0] in ("table", "table-reader") or UNSURE in parts:
        return ()
    relation = _relation(parts[-1])
    return ":".join(parts[:2]), f"property:{relation}" if relation else "way:" + parts[-1]


def _margin_keys(rule: str) -> tuple[str, ...]:
    """The margins a rule's judged facts count for: a variant's construction and way (:func:`_margins`); a prose
    or claim rule without a variant (``text:person-note``) is its construction read the plain way, so it counts
    for its construction (``text:person-note:founder`` pools with it), never for a way. A prose or claim rule
    counts too for every relation a part after its reader names (``text-deal:partnerOf``)."""
    parts = rule.split(":")
    if parts[0] in ("table", "table-reader") or UNSURE in parts:
        return ()
    keys = (rule,) if len(parts) == 2 else _margins(rule)
    relations = sorted({f"property:{r}" for p in parts[1:] if (r := _relation(p))} - set(keys))
    return (*keys, *relations)


def _pooled(rules: dict[str, RuleRecord], keys_of: Callable[[str], Iterable[str]]) -> dict[str, tuple[int, int]]:
    """Judged and correct facts per key (a table family, a construction, a way), pooled over the rules that
    share it: ``keys_of(rule)`` names the keys a rule counts for."""
    totals: dict[str, tuple[int, int]] = {}
    for rule, rec in rules.items():
        for key in keys_of(rule):
            j, c = totals.get(key, (0, 0))
            totals[key] = (j + rec.judged, c + rec.correct)
    return totals


OPEN = Gate(enabled=False)


@cache
def load_gate(path: Path = GATE_PATH) -> Gate:
    """The gate file, checked strictly (unknown tables or keys, wrong types → an error naming them)."""
    if not path.is_file():
        return Gate()
    check_tables(path, {"gate", "rule", "always"})
    data = read_toml(path)
    head = data.get("gate", {})
    if set(head) - {"threshold", "min_judged", "measured"}:
        raise MappingError(f"{path.name}: [gate] takes threshold, min_judged, measured")
    rules: dict[str, RuleRecord] = {}
    for i, row in enumerate(data.get("rule", []), 1):
        if set(row) - {"id", "judged", "correct", "precision", "decision"} or "id" not in row:
            raise MappingError(f"{path.name}: [[rule]] #{i}: keys are id, judged, correct, precision, decision")
        if not isinstance(row.get("judged"), int) or not isinstance(row.get("correct"), int):
            raise MappingError(f"{path.name}: [[rule]] {row['id']}: judged and correct must be integers")
        rules[row["id"]] = RuleRecord(row["judged"], row["correct"])
    always = {}
    for i, row in enumerate(data.get("always", []), 1):
        if set(row) != {"id", "reason"}:
            raise MappingError(f"{path.name}: [[always]] #{i}: keys are id and reason")
        always[row["id"]] = row["reason"]
    return Gate(float(head.get("threshold", 0.95)), int(head.get("min_judged", 3)), rules, always)


def gate_text(stats: dict[str, tuple[int, int]], threshold: float = 0.95, min_judged: int = 3,
              measured: str = "", keep_always: dict[str, str] | None = None) -> str:
    """The gate file for ``stats`` (rule -> (judged, correct)), sorted, deterministic."""
    gate = Gate(threshold, min_judged, {r: RuleRecord(*v) for r, v in stats.items()}, keep_always or {})
    out = [
        "# Precision gate: measured precision of each extraction rule on the gold annotation (tests/gold/).",
        "# Written by `petaflop evaluate --write-gate`; read by the build (never the gold itself).",
        "# A rule's facts are asserted when precision >= threshold over >= min_judged judged facts;",
        "# otherwise they stay unverified claims. [[always]] lists rules passed without measurement, with why.",
        "",
        "[gate]",
        f"threshold = {threshold}",
        f"min_judged = {min_judged}",
        f'measured = "{measured}"',
        "",
    ]
    for rule in sorted(stats):
        judged, correct = stats[rule]
        prec = correct / judged if judged else 0.0
        out += ["[[rule]]", f'id = "{rule}"', f"judged = {judged}", f"correct = {correct}",
                f"precision = {prec:.3f}", f'decision = "{gate.decision(rule)}"', ""]
    for rule, reason in sorted((keep_always or {}).items()):
        out += ["[[always]]", f'id = "{rule}"', f'reason = "{reason}"', ""]
    return "\n".join(out)
