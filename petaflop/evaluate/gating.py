"""Measuring the precision gate: per-rule precision of every candidate, the gate file, and an
honest (cross-validated) estimate of what the gate gives on chapters it was not measured on.

The gate is chosen on the gold, so the gold's precision after gating is biased upwards. The
cross-validation splits the gold's chapters in two folds; the gate measured on one fold is
applied to the other, and the two held-out results are added up — an estimate of precision and
recall on text the gate has never seen, which is what held-out facts will show.
"""

from __future__ import annotations

from dataclasses import replace

from petaflop.evaluate.gold import Gold
from petaflop.evaluate.graphfacts import GraphView
from petaflop.evaluate.score import Counts, chapter_of, evaluate
from petaflop.extract.gate import Gate, RuleRecord, reader_rule

FOLDS = (("I", "III", "V", "VII", "IX"), ("II", "IV", "VI", "VIII", "X", "conclusion"))


def rule_stats(gold: Gold, view: GraphView) -> dict[str, tuple[int, int]]:
    """rule -> (judged, correct) over every candidate fact (asserted or unverified); an unsure fact counts for the
    rule of its reader (gate.reader_rule: it never passes, but its reader read it)."""
    ev = evaluate(gold, view)
    stats: dict[str, list[int]] = {}
    for f, ok in ev.judged:
        for rule in {reader_rule(r) for r in f.rules} or {"(none)"}:
            s = stats.setdefault(rule, [0, 0])
            s[0] += 1
            s[1] += ok
    return {r: (j, c) for r, (j, c) in stats.items()}


def _fold(gold: Gold, chapters: tuple[str, ...]) -> Gold:
    return Gold([f for f in gold.facts if f.chapter in chapters],
                [s for s in gold.spans if chapter_of(s.start) in chapters])


def cross_validate(gold: Gold, view: GraphView, threshold: float = 0.95, min_judged: int = 3) -> dict[str, Counts]:
    """Held-out precision/recall of the gate: measured on one fold of chapters, applied to the other."""
    total = Counts()
    per_fold: dict[str, Counts] = {}
    for i, held in enumerate(FOLDS):
        train = FOLDS[1 - i]
        stats = rule_stats(_fold(gold, train), view)
        gate = Gate(threshold, min_judged, {r: RuleRecord(*v) for r, v in stats.items()})
        passed = [f for f in view.facts if any(gate.passes(r) for r in f.rules)]
        held_view = replace(view, facts=passed)
        ev = evaluate(_fold(gold, held), held_view)
        c = ev.overall
        per_fold["+".join(held)] = c
        total.tp += c.tp
        total.fp += c.fp
        total.recalled += c.recalled
        total.fn += c.fn
    per_fold["held-out total"] = total
    return per_fold
