"""Coverage report: what the build used from the report and what it could not.

Lists every table (mapped by which family, or excluded and why), objects by type, facts by
predicate and by extraction rule, entity-like names found but not linked, claims not
promoted and why, conflicting values, and SHACL warnings — as JSON and Markdown, so a
reviewer can see the gaps without reading code.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from petaflop.build import BuildResult
from petaflop.safe_text import escape_markdown


def coverage_data(result: BuildResult) -> dict:
    doc = result.document
    ex = result.extraction
    tables = []
    for t in doc.tables:
        entry = {"id": t.id, "chapter": t.chapter, "lines": t.lines.as_list(), "caption": " ".join(t.caption)[:80]}
        if t.id in ex.tables_mapped:
            entry["mapped_by"] = ex.tables_mapped[t.id]
        else:
            entry["excluded"] = ex.tables_excluded.get(t.id, "not considered")
        tables.append(entry)
    n_excluded = sum(1 for t in tables if "excluded" in t)
    by_rule = Counter(f.rule.split(":")[0] + ":" + f.rule.split(":")[1] if ":" in f.rule else f.rule for f in ex.facts)
    by_pred = Counter(f.predicate.rsplit("#", 1)[-1] for f in ex.facts)
    not_promoted = Counter((c.kind, c.reason) for c in ex.claims if not c.promoted_to)
    conflicts = [
        [{"subject": f.subject, "predicate": f.predicate, "value": str(f.obj), "line": f.location.line_start,
          "rule": f.rule} for f in group]
        for group in ex.conflicts()
    ]
    v = result.validation
    return {
        "tables": {"total": len(tables), "mapped": len(tables) - n_excluded, "excluded": n_excluded,
                   "excluded_share": round(n_excluded / len(tables), 3) if tables else 0.0, "list": tables},
        "objects_by_type": result.objects_by_type,
        "triples_per_graph": result.triples_per_graph,
        "facts_by_rule": dict(sorted(by_rule.items())),
        "facts_by_predicate": dict(sorted(by_pred.items())),
        "claims": {"total": len(ex.claims), "promoted": sum(1 for c in ex.claims if c.promoted_to),
                   "not_promoted": [{"kind": k, "reason": r, "count": n} for (k, r), n in not_promoted.most_common()]},
        "unlinked_mentions": [{"text": t, "count": n} for t, n in ex.unlinked_mentions.most_common(200)],
        "conflicts": conflicts,
        "shacl_warnings": [str(w) for w in (v.warnings if v else [])][:500],
        "warnings": result.warnings[:500],
        "reference": result.reference.coverage if result.reference is not None else None,
        "curation": result.curation.coverage() if getattr(result, "curation", None) is not None else None,
    }


def to_markdown(data: dict) -> str:
    t = data["tables"]
    lines = ["# Petaflop Atlas — coverage report", "",
             f"Tables: {t['total']} — mapped {t['mapped']}, excluded {t['excluded']} ({t['excluded_share']:.1%}).", "",
             "| table | chapter | lines | mapped by / excluded because |", "| --- | --- | --- | --- |"]
    for e in t["list"]:
        lines.append(f"| {e['id']} | {e['chapter']} | {e['lines'][0]}–{e['lines'][1]} | "
                     f"{e.get('mapped_by') or 'excluded: ' + e['excluded']} |")
    lines += ["", "## Objects by type", "", "| type | count |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in data["objects_by_type"].items()]
    lines += ["", "## Triples per named graph", ""]
    lines += [f"- {k}: {v}" for k, v in data["triples_per_graph"].items()]
    lines += ["", "## Facts by extraction rule", ""]
    lines += [f"- `{k}`: {v}" for k, v in data["facts_by_rule"].items()]
    c = data["claims"]
    lines += ["", f"## Claims: {c['total']} ({c['promoted']} promoted)", ""]
    lines += [f"- {x['kind']}: {x['count']} not promoted — {x['reason']}" for x in c["not_promoted"]]
    lines += ["", f"## Conflicting values ({len(data['conflicts'])})", ""]
    for group in data["conflicts"]:  # values and names come from the report: escaped, never Markdown
        vals = "; ".join(f"{escape_markdown(f['value'])} (line {f['line']})" for f in group)
        lines.append(f"- {group[0]['subject']} `{group[0]['predicate']}`: {vals}")
    lines += ["", f"## Names not linked to an entity ({len(data['unlinked_mentions'])})", ""]
    lines += [f"- {escape_markdown(x['text'])} ×{x['count']}" for x in data["unlinked_mentions"][:100]]
    lines += ["", f"## SHACL warnings ({len(data['shacl_warnings'])})", ""]
    lines += [f"- {escape_markdown(w)}" for w in data["shacl_warnings"][:100]]
    lines += _reference_markdown(data.get("reference"))
    from petaflop.curation import coverage_markdown  # the review log: counts and orphaned actions

    lines += coverage_markdown(data.get("curation"))
    return "\n".join(lines) + "\n"


def _reference_markdown(ref: dict | None) -> list[str]:
    """The reference layer (graph pfg:reference): rows by file and source, and every gap with its reason."""
    if ref is None:
        return ["", "## Reference layer", "", "Not built (`petaflop build --no-reference`)."]
    src = ref["rows_by_source"]
    lines = ["", "## Reference layer (graph pfg:reference)", "",
             f"{sum(ref['rows'].values())} rows ({src['report']} stating a report line, {src['reference']} reference "
             f"data with a justification), {ref['triples']} triples.", ""]
    lines += [f"- `reference/{f}`: {n} rows" for f, n in ref["rows"].items()]
    if ref.get("cites_this_report") is False:
        lines += ["", "This is not the report the `report:<line>` sources cite: their lines were not checked, "
                      "and their statements carry no report location."]
    for key, title in (("organisations_without_country", "Organisations without a country"),
                       ("chips_without_designer", "Chips and systems without a designer"),
                       ("products_without_developer", "AI models, products and software without a developer")):
        lines += ["", f"### {title} ({len(ref[key])})", ""]
        lines += [f"- {x['id']}: {x['reason']}" for x in ref[key]]
    lines += ["", f"### Report and reference disagree ({len(ref['conflicts'])})", "",
              "Both values are kept; their provenance statements are linked by `pfa:conflictsWith`.", ""]
    lines += [f"- {c['subject']} `{c['property']}`: report {escape_markdown(c['report'])}, "
              f"reference {escape_markdown(c['reference'])}" for c in ref["conflicts"]]
    lines += ["", f"### Rows not used ({len(ref['rows_not_used'])})", ""]
    lines += [f"- {x['row']}: {x['reason']}" for x in ref["rows_not_used"]]
    return lines


def write_coverage(result: BuildResult, out_dir: Path) -> tuple[Path, Path]:
    """coverage.json and coverage.md, each replaced atomically (a temporary file, then a rename)."""
    from petaflop.atomic import write_text

    data = coverage_data(result)
    jp, mp = out_dir / "coverage.json", out_dir / "coverage.md"
    write_text(jp, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
    write_text(mp, to_markdown(data))
    return jp, mp
