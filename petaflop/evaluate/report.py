"""``petaflop evaluate``: run the scorer and write ``evaluation.md`` / ``evaluation.json``."""

from __future__ import annotations

import json
from pathlib import Path

from foundation.errors import UserError
from foundation.paths import BUILD_DIR, REPO_ROOT, resolve_report
from petaflop.curation.quality import markdown as review_markdown
from petaflop.curation.quality import to_json as review_json
from petaflop.evaluate.gold import Gold, GoldError, load_gold
from petaflop.evaluate.graphfacts import GraphFact, GraphView, read_graph
from petaflop.evaluate.score import Counts, Evaluation, evaluate

DEFAULT_GOLD = REPO_ROOT / "tests" / "gold"
STRATA_ORDER = ("family", "chapter", "relation", "subject_type", "rule")


def run(
    gold_dir: str | Path | None = None,
    graph: str | Path | None = None,
    report: str | None = None,
) -> tuple[Evaluation, Gold, GraphView]:
    """Load the gold (checked against the report) and the graph, and score. UserError on bad input."""
    gold_path = Path(gold_dir) if gold_dir else DEFAULT_GOLD
    graph_path = Path(graph) if graph else BUILD_DIR / "atlas.nq"
    if not graph_path.is_file():
        raise UserError(f"no built graph at {graph_path}; run 'petaflop build' first (or give --graph)")
    lines = resolve_report(report).read_text(encoding="utf-8").splitlines()
    try:
        gold = load_gold(gold_path, lines)
    except GoldError as exc:
        raise UserError(f"gold: {exc}") from None
    try:
        view = read_graph(graph_path)
    except (OSError, SyntaxError, ValueError) as exc:
        raise UserError(f"--graph {graph_path}: cannot read it as N-Quads: {str(exc).splitlines()[0]}") from None
    from petaflop.curation.quality import from_graph  # precision measured by reviews (the curation log)

    view.reviews = from_graph(graph_path)
    return evaluate(gold, view), gold, view


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f} %"


def _row(name: str, c: Counts) -> str:
    return (f"| {name} | {_pct(c.precision)} | {_pct(c.recall)} | {_pct(c.f1)} | {c.tp} | {c.fp} | "
            f"{c.recalled} | {c.fn} |")  # fmt: skip


def _value_text(f: GraphFact, view: GraphView) -> str:
    if f.relation_kind == "link":
        return view.labels.get(f.object or "", f.object or "")
    v = f.value
    if v is None:
        return "?"
    if hasattr(v, "low"):
        num = f"{v.low}" if v.low == v.high else f"{v.low}~{v.high}"
        return f"{num} {v.unit}".strip()
    return f"{v.start}..{v.end}"


def to_json(ev: Evaluation, view: GraphView) -> dict[str, object]:
    return {
        "overall": ev.overall.to_json(),
        "recall_with_inferred_links": ev.inferred_recall.to_json(),
        "gold_rows": ev.gold_rows,
        "gold_facts": len(ev.units),
        "graph_facts_judged": len(ev.judged),
        "graph_facts_outside_gold": ev.graph_facts_outside,
        "unscored_attributes": ev.unscored_attributes,
        "strata": {k: {n: c.to_json() for n, c in sorted(v.items())} for k, v in ev.strata.items()},
        "qualifiers": {k: dict(v) for k, v in ev.qualifiers.items()},
        "types": ev.types,
        "false_positives": [
            {"subject": view.labels.get(f.subject, f.subject), "iri": f.subject, "relation": f.relation,
             "object": _value_text(f, view), "lines": sorted(f.lines)[:5], "rules": sorted(f.rules)}
            for f in sorted(ev.false_positives, key=lambda f: (min(f.lines), f.subject, f.relation))
        ],
        "false_negatives": [
            {"id": u.first.id, "lines": u.first.line_start, "subject": u.first.subject[0],
             "relation": u.first.relation, "object": u.first.object,
             "qualifiers": u.first.qualifiers, "subject_found": bool(u.subjects)}
            for u in sorted(ev.false_negatives, key=lambda u: (u.first.line_start, u.first.id))
        ],
        "unresolved_subjects": dict(ev.unresolved_subjects.most_common()),
        "review_precision": review_json(view.reviews),
    }


def to_markdown(ev: Evaluation, view: GraphView, max_list: int = 400) -> str:
    o = ev.overall
    out = [
        "# Evaluation against the gold annotation",
        "",
        f"Gold: {ev.gold_rows} rows = {len(ev.units)} distinct facts. Graph: {len(ev.judged)} asserted facts "
        f"with provenance inside the gold's spans judged ({ev.graph_facts_outside} outside the gold, "
        f"{ev.unscored_attributes} text attributes not scored).",
        "",
        "| stratum | precision | recall | F1 | TP | FP | found | missed |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        _row("**overall**", o),
        f"| recall counting inferred links | | {_pct(ev.inferred_recall.recall)} | | | | "
        f"{ev.inferred_recall.recalled} | {ev.inferred_recall.fn} |",
    ]
    for key in STRATA_ORDER:
        rows = ev.strata.get(key, {})
        if not rows:
            continue
        out += ["", f"## By {key.replace('_', ' ')}", "",
                "| value | precision | recall | F1 | TP | FP | found | missed |",
                "| --- | --- | --- | --- | --- | --- | --- | --- |"]  # fmt: skip
        ordered = sorted(rows.items(), key=lambda kv: (-(kv[1].tp + kv[1].fp + kv[1].recalled + kv[1].fn), kv[0]))
        out += [_row(name, c) for name, c in ordered]
    out += ["", "## Qualifiers of matched values", ""]
    for k, c in ev.qualifiers.items():
        out.append(f"- {k}: " + ", ".join(f"{n} {v}" for n, v in c.most_common()))
    t = ev.types
    out += ["", "## Entities and types", "",
            f"{t['found']} of {t['entities']} entities the gold names are in the graph "
            f"(entity recall {_pct(t['entity_recall'])}); of those, {t['compatible']} have a compatible type "
            f"({t['exact']} exactly the gold's): type accuracy {_pct(t['type_accuracy'])}."]  # fmt: skip
    if t["wrong"]:
        out += ["", "| entity | gold type | graph types |", "| --- | --- | --- |"]
        out += [f"| {w['entity']} | {w['gold']} | {w['graph']} |" for w in t["wrong"][:max_list]]
    out += ["", f"## False positives ({len(ev.false_positives)})", "",
            "| lines | subject | relation | value / object | rule |", "| --- | --- | --- | --- | --- |"]
    for f in sorted(ev.false_positives, key=lambda f: (min(f.lines), f.subject, f.relation))[:max_list]:
        out.append(f"| {', '.join(map(str, sorted(f.lines)[:3]))} | {view.labels.get(f.subject, f.subject)} | "
                   f"{f.relation} | {_value_text(f, view)} | {', '.join(sorted(f.rules))} |")  # fmt: skip
    out += ["", f"## False negatives ({len(ev.false_negatives)})", "",
            "| gold id | line | subject | relation | object | qualifiers |", "| --- | --- | --- | --- | --- | --- |"]
    for u in sorted(ev.false_negatives, key=lambda u: (u.first.line_start, u.first.id))[:max_list]:
        g = u.first
        q = "; ".join(f"{k}={v}" for k, v in g.qualifiers.items())
        subj = g.subject[0] + ("" if u.subjects else " *(not in graph)*")
        out.append(f"| {g.id} | {g.line_start} | {subj} | {g.relation} | {g.object} | {q} |")
    if len(ev.false_negatives) > max_list or len(ev.false_positives) > max_list:
        out += ["", f"*(lists cut at {max_list}; evaluation.json has all)*"]
    out += review_markdown(view.reviews)
    return "\n".join(out) + "\n"


def write(ev: Evaluation, view: GraphView, json_out: Path | None, md_out: Path | None) -> list[Path]:
    from petaflop.atomic import write_text

    written = []
    if json_out is not None:
        write_text(json_out, json.dumps(to_json(ev, view), ensure_ascii=False, indent=1, default=str) + "\n")
        written.append(json_out)
    if md_out is not None:
        write_text(md_out, to_markdown(ev, view))
        written.append(md_out)
    return written
