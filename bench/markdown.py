"""The Markdown report of a ``petaflop bench`` run (``bench/results/<date>-<host>.md``): targets, then a
table per workload, from the results dict :mod:`bench.run` writes as JSON."""

from __future__ import annotations

from typing import Any


def _f(value: Any, digits: int = 2, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if abs(value) >= 100:
            return f"{value:,.0f}{unit}"
        return f"{value:.{digits}f}{unit}"
    return f"{value}{unit}"


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:,.1f}"


def _cell(text: str, limit: int = 160) -> str:
    """Free text in a table cell: one line, no column bar, at most ``limit`` characters."""
    flat = " ".join(str(text).split()).replace("|", "/")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _x(value: float | None, lower: bool = False) -> str:
    return "—" if value is None else ("≥ " if lower else "") + f"{value:,.1f}×"


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    v = m.get("versions", {})
    lines = [f"# petaflop bench — {results['date']} on {m.get('host')}" + (" (quick)" if results["quick"] else ""),
             "",
             f"{m.get('cpu_count')} CPUs ({m.get('cpu_model')}), {m.get('memory_total_gb')} GB RAM, "
             f"load average at start {', '.join(f'{x:.1f}' for x in m.get('load_average_at_start') or [])}; "
             f"Python {m.get('python')}, pyoxigraph {v.get('pyoxigraph')}, oxigraph server {v.get('oxigraph_server')}, "
             f"rdflib {v.get('rdflib')}, owlrl {v.get('owlrl')}, oxrdflib {v.get('oxrdflib')}; commit "
             f"{m.get('git_commit')}; {results.get('seconds')} s in all.",
             "", "## Targets", "", "| target | goal | measured | met | where |", "| --- | --- | --- | --- | --- |"]
    for t in results.get("summary", []):
        val = t["value"]
        shown = f"{val:.1%}" if isinstance(val, float) and "overhead" in t["target"] else _f(val)
        met = "—" if t["met"] is None else ("yes" if t["met"] else "**no**")
        lines.append(f"| {t['target']} | {t['goal']} | {shown} | {met} | {t['where']}"
                     + (f" ({t['note']})" if t["note"] else "") + " |")
    w = results["workloads"]
    failed = [f"{name}: {x.get('error')}" for name, x in w.items() if x.get("status") == "failed"]
    if failed:
        lines += ["", "Failed workloads: " + "; ".join(failed)]
    b = w.get("build")
    if b and b.get("ours"):
        cold = b["ours"].get("cold_stages_s") or {}
        prev = b.get("previous")
        lines += ["", "## Build (report, stage by stage, HermiT off; cold: the first run in a new folder, warm: "
                  f"median of {b['repeat']} run(s) after it — SHACL's verdict cached, the store kept)", "",
                  f"| stage | cold s | warm s | previous s ({(prev or {}).get('source', 'none')}) |",
                  "| --- | --- | --- | --- |"]
        before = (prev or {}).get("stages_s") or {}
        for stage, sec in b["ours"]["stages_s"].items():
            lines.append(f"| {stage} | {_f(cold.get(stage), 3)} | {_f(sec, 3)} | {_f(before.get(stage), 3)} |")
        lines.append(f"| **total** | {_f(b['ours'].get('cold_total_s'), 3)} | {_f(b['ours']['total_s'], 3)} | "
                     f"{_f((prev or {}).get('total_s'), 3)} |")
        base = b["baseline"]
        lines += ["", f"Reasoning over {b['ours']['asserted_triples']} asserted triples: SPARQL rules "
                  f"{_f(b['ours']['reason_alone_s'], 3)} s ({b['ours']['inferred']} new triples), rdflib + owlrl "
                  f"{_f(base.get('reason_s'), 2)} s ({base.get('inferred')} new triples): {_x(b.get('ratio'))}. "
                  f"Whole build with owlrl as the reasoner: {_f(base.get('whole_build_with_owlrl_s'), 2)} s, "
                  f"{_x((b.get('ratios') or {}).get('whole_build'))}."]
    q = w.get("queries")
    if q and "summary" in q:
        s = q["summary"]
        lines += ["", f"## Catalogue queries ({q['graph']})", "",
                  f"p50/p95 in ms; ours = `{s['ours_engine']}`; up to {q['repeat']} runs per query "
                  f"(rdflib {q['rdflib_repeat']}, each cut off at {q['rdflib_cap_s']:.0f} s). Load: pyoxigraph "
                  f"{_f(q['load_s']['pyoxigraph'])} s, rdflib {_f(q['load_s']['rdflib'])} s.", "",
                  "| query | rows | wrapper p50 | p95 | raw p50 | overhead | oxrdflib p50 | rdflib p50 | p95 | "
                  "rdflib / ours |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        ours = s["ours_engine"]
        for e in q["queries"]:
            en = e["engines"]
            wr, raw, oxr, rd = (en.get(k, {}) for k in ("wrapper", "raw", "oxrdflib", "rdflib"))
            over = (wr["p50_s"] / raw["p50_s"] - 1) if wr.get("p50_s") is not None and raw.get("p50_s") else None
            rd50 = _ms(rd.get("p50_s")) if rd.get("status", "ok") == "ok" else f"> {rd.get('over_s') or '?'} s" \
                if rd.get("status") == "timeout" else rd.get("status", "—")
            base = rd.get("p50_s") if rd.get("p50_s") is not None else rd.get("over_s")
            our = en.get(ours, {}).get("p50_s")
            rows = (en.get(ours) or en.get("raw") or {}).get("rows")
            lines.append(f"| {e['id']} | {rows} | {_ms(wr.get('p50_s'))} | {_ms(wr.get('p95_s'))} | "
                         f"{_ms(raw.get('p50_s'))} | {'—' if over is None else f'{over:+.0%}'} | "
                         f"{_ms(oxr.get('p50_s'))} | {rd50} | {_ms(rd.get('p95_s'))} | "
                         f"{_x(base / our if base and our else None, rd.get('status') == 'timeout')} |")
        r = s["ratios"]
        lines += ["", f"Median speed-up over rdflib {_x(r.get('rdflib_median_speedup'))} (smallest "
                  f"{_x(r.get('rdflib_min_speedup'))}; {r.get('rdflib_lower_bounds', 0)} rdflib runs cut off), over "
                  f"oxrdflib {_x(r.get('oxrdflib_median_speedup'))}; wrapper overhead median "
                  f"{_f(r.get('wrapper_overhead_median') and r['wrapper_overhead_median'] * 100, 1)} %, summed "
                  f"{_f(r.get('wrapper_overhead_total') and r['wrapper_overhead_total'] * 100, 1)} %."]
        if s.get("row_count_mismatches"):
            lines.append("Row counts differ between engines for: " + ", ".join(
                f"{x['id']} {x['rows']}" for x in s["row_count_mismatches"]) + ".")
        if q.get("unavailable"):
            lines.append(f"Not measured: {q['unavailable']}.")
    r = w.get("reasoning")
    if r and "graphs" in r:
        lines += ["", "## Reasoning: SPARQL rules vs rdflib + owlrl", "",
                  "| graph | input triples | ours s | inferred | peak MB | owlrl s | inferred | peak MB | speed-up |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for g in r["graphs"]:
            o, bl = g["ours"], g["baseline"]
            owl = _f(bl.get("seconds")) if bl.get("seconds") is not None else (
                f"> {bl.get('lower_bound_s')} (cut off)" if bl.get("status") == "timeout" else bl.get("status"))
            lines.append(f"| {g['graph']} | {g['input_triples']} | {_f(o.get('seconds'))} | {o.get('inferred')} | "
                         f"{_f(o.get('peak_rss_mb'), 0)} | {owl} | {_f(bl.get('inferred'))} | "
                         f"{_f(bl.get('peak_rss_mb'), 0)} | {_x(g.get('ratio'), g.get('ratio_is_lower_bound'))} |")
        if r["baseline"].get("stopped_at"):
            lines.append(f"\nowlrl was cut off at {r['baseline']['stopped_at']} facts "
                         f"({r['baseline']['timeout_s']:.0f} s limit) and not tried on larger graphs.")
    s = w.get("scale")
    if s and "sizes" in s:
        lines += ["", "## Scale (synthetic graphs, on-disk store)", "",
                  "| quads | facts | generate s | bulk load s | materialise s | inferred | catalogue median p50 ms | "
                  "worst p95 s (query) | peak GB | rdflib load s | rdflib peak GB | rdflib median p50 ms | "
                  "load × | catalogue × |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for row in s["sizes"]:
            cat = row["catalogue"]["engines"].get(row["catalogue"].get("ours_engine", "raw"), {})
            mat = row["materialise"]
            matv = _f(mat.get("seconds")) if mat.get("status") == "ok" else f"{mat.get('status')} ({mat.get('wall_s')} s)"
            base = row.get("baseline") or {}
            bcat = base.get("catalogue") or {}
            lines.append(
                f"| {row['quads']:,} | {row['per_graph'].get('facts', 0):,} | {_f(row['generate']['seconds'])} | "
                f"{_f(row['load'].get('seconds'))} | {matv} | {_f(mat.get('inferred'))} | "
                f"{_ms(cat.get('median_p50_s'))} | {_f(cat.get('max_p95_s'))} ({cat.get('slowest_query')}) | "
                f"{_f(row['peak_rss_mb'] and row['peak_rss_mb'] / 1024)} | "
                f"{_f(base.get('load_s')) if base.get('load_s') else base.get('status')} | "
                f"{_f(base.get('peak_rss_mb') and base['peak_rss_mb'] / 1024)} | {_ms(bcat.get('median_p50_s'))} | "
                f"{_x(row['ratios'].get('load'))} | {_x(row['ratios'].get('catalogue_median_speedup'))} |")
        if s["baseline"].get("stopped_at"):
            lines.append(f"\nrdflib stopped at {s['baseline']['stopped_at']} (memory limit "
                         f"{s['baseline']['max_rss_mb']} MB or time limit) and was not tried on larger graphs.")
    v = w.get("serving")
    if v and "ours" in v:
        lines += ["", f"## Serving ({v.get('graph_quads')} quads, 127.0.0.1, ≤ {v['max_requests_per_level']} requests "
                  f"or {v['duration_s_per_level']} s per level, {v['request_timeout_s']:.0f} s request timeout; "
                  f"our server's whole-catalogue levels: {v.get('catalogue_rounds') or 0} round(s) per client, "
                  f"≤ {v.get('catalogue_duration_s')} s)", "",
                  f"Mixes: *catalogue* = all {len(v['mixes'].get('catalogue', []))} catalogue queries in turn; *fast* "
                  f"= {len(v['mixes'].get('fast', []))} of them ({v.get('fast_mix_rule')}). Parameters are bound "
                  "with a VALUES block, as for any remote endpoint.", "",
                  "| server | mix | clients | requests | ok | errors | queries/s | p50 ms | p95 ms |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for who in ("ours", "guarded", "warm", "baseline"):
            side = v.get(who) or {}
            for lv in side.get("levels", []):
                lines.append(f"| {side.get('name')} | {lv.get('mix')} | {lv.get('clients')} | {lv.get('requests')} | "
                             f"{lv.get('ok')} | {lv.get('errors')} | {_f(lv.get('throughput_qps'), 1)} | "
                             f"{_ms(lv.get('p50_s'))} | {_ms(lv.get('p95_s'))} |")
            if side.get("error"):
                lines.append(f"| {side.get('name')} | — | — | — | — | — | {_cell(side['error'])} | | |")
        for who in ("ours", "guarded", "warm", "baseline"):  # a server that came up only at its second start
            side = v.get(who) or {}
            for note in [side.get("note")] + [f"{lv.get('mix')} mix, {lv.get('clients')} clients: {lv['note']}"
                                              for lv in side.get("levels", []) if lv.get("note")]:
                if note:
                    lines.append(f"\n{side.get('name')}: {note}.")
        for mix, r in (v.get("ratios") or {}).items():
            ours = "guarded" if (v.get("guarded") or {}).get("levels") else "ours"
            lines.append(f"\nThroughput ratio, {mix} mix: {_x(r['ratio'], r['lower_bound'])} "
                         f"({(v.get(ours) or {}).get('name')} at {max(cfg_levels(v, ours))} clients / rdflib at "
                         f"{max(cfg_levels(v, 'baseline'))}).")
        warm = (v.get("warm") or {}).get("warm")
        if warm:
            failed = "; ".join(f"`{q}`: {why}" for q, why in warm.get("failed") or [])
            lines.append(f"\n{v['warm']['name']}: the catalogue's answers (default parameters, both clients' forms) "
                         f"took {warm.get('seconds')} s to compute at start; {warm.get('kept')} of {warm.get('queries')} "
                         f"kept{' (not kept: ' + failed + ')' if failed else ''}; the levels ran after.")
        for who in ("ours", "guarded", "warm"):
            lines += _per_query(v, who)
    c = w.get("cli")
    if c and c.get("ours"):
        o = c["ours"]
        lines += ["", f"## Command line ({c['repeat']} runs of each command, interleaved; median seconds)", "",
                  f"`petaflop --version`: {_f(o.get('version_s'), 3)} s. A catalogue query from the built store: "
                  f"{_f(o.get('query_median_s'), 3)} s ({_x(o.get('query_to_version'))} the start-up); reloading "
                  f"atlas.nq instead: {_f(c['baseline'].get('query_median_s'), 3)} s ({_x(c.get('ratio'))} slower).",
                  "", "| query | from the store s | reloading atlas.nq s |", "| --- | --- | --- |"]
        for q in c["queries"]:
            lines.append(f"| {q['id']} | {_f(q['store_s'], 3)} | {_f(q['reload_s'], 3)} |")
    return "\n".join(lines) + "\n"


def _per_query(v: dict[str, Any], who: str) -> list[str]:
    """Each catalogue query's figures on one server at its top level of clients, slowest first."""
    side = v.get(who) or {}
    whole = [lv for lv in side.get("levels", []) if lv.get("mix") == "catalogue"]
    top = max(whole, key=lambda lv: lv.get("clients", 0)) if whole else {}
    if not top.get("per_query"):
        return []
    lines = ["", f"### Each catalogue query on {side.get('name')}, {top.get('clients')} clients "
             f"({top.get('rounds') or 0} round(s) of the whole catalogue per client; slowest first)", "",
             "| query | answers | errors | p50 ms | p95 ms | max ms |", "| --- | --- | --- | --- | --- | --- |"]
    per = top["per_query"]
    for q in sorted(per, key=lambda q: -(per[q].get("p95_s") or float("inf"))):
        d = per[q]
        lines.append(f"| `{q}` | {d.get('ok')} | {d.get('errors')} | {_ms(d.get('p50_s'))} | "
                     f"{_ms(d.get('p95_s'))} | {_ms(d.get('max_s'))} |")
    return lines


def cfg_levels(v: dict[str, Any], who: str) -> list[int]:
    return [lv.get("clients", 0) for lv in (v.get(who) or {}).get("levels", [])] or [0]
