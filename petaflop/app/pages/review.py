"""Review: the queue of facts riskiest first, one at a time with its report line and table.

Confirm (key ``y``), reject with a reason (``n``), correct, skip (``j``), back (``k``); add a fact the
extractors missed; the log with each action's status (orphaned ones with why); precision
measured by reviews per rule and per property. Actions are recorded only when the app runs
with ``PETAFLOP_CURATION=1`` and ``PETAFLOP_CURATION_USER=<name>`` (no anonymous edits); else
the page is read-only. Actions go to the curation log (petaflop/curation), never to the graph
file; the SPARQL console and endpoint stay read-only.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from petaflop.app import config, ui

TEXT = {
    "intro": ("Facts not reviewed yet, riskiest first: low rule precision, unverified claims, conflicts, "
              "SHACL warnings. Each decision cites its report line and is kept in the curation log.",
              "아직 검토하지 않은 사실을 위험도 순으로 보여 줍니다: 낮은 규칙 정밀도, 미검증 주장, 상충 값, SHACL 경고. "
              "모든 결정은 보고서 줄을 근거로 검토 로그에 남습니다."),
    "editing": ("Editing as **{user}**", "편집자: **{user}**"),
    "read_only": ("Read-only. To review, start the app with PETAFLOP_CURATION=1 and PETAFLOP_CURATION_USER=<name>.",
                  "읽기 전용입니다. 검토하려면 PETAFLOP_CURATION=1, PETAFLOP_CURATION_USER=<이름>으로 앱을 시작하세요."),
    "no_file": ("Review works on the built graph file; it is not available when the app reads an endpoint.",
                "검토는 빌드된 그래프 파일에서만 됩니다. 엔드포인트 모드에서는 쓸 수 없습니다."),
    "tab.queue": ("Queue", "대기열"), "tab.add": ("Add a fact", "사실 추가"), "tab.log": ("Log", "로그"),
    "tab.quality": ("Measured quality", "측정 품질"),
    "empty": ("Every fact has been reviewed.", "모든 사실을 검토했습니다."),
    "position": ("Fact {n} of {total} · risk {risk}", "{total}개 중 {n}번째 사실 · 위험도 {risk}"),
    "line": ("Report line {line}", "보고서 {line}행"),
    "table": ("Table {table}, row {row}, column {column}", "표 {table}, {row}행 {column}열"),
    "no_report": ("The report was not found: {reason}", "보고서를 찾지 못했습니다: {reason}"),
    "reason": ("Reason (required to reject or correct)", "사유 (기각·정정 시 필수)"),
    "confirm": ("Confirm (y)", "확인 (y)"), "reject": ("Reject (n)", "기각 (n)"), "skip": ("Skip (j)", "건너뛰기 (j)"),
    "back": ("Back (k)", "이전 (k)"),
    "correct": ("Correct", "정정"), "new_value": ("Right value (e.g. 2 GW)", "올바른 값 (예: 2 GW)"),
    "new_object": ("Right object (name or id)", "올바른 대상 (이름 또는 ID)"),
    "recorded": ("Recorded {type} {id}.", "{type} {id} 기록됨."),
    "pending": ("{n} actions are not shown on the other pages yet.", "{n}개 조치가 아직 다른 페이지에 반영되지 않았습니다."),
    "apply": ("Show them now", "지금 반영"),
    "subject": ("Subject (name or id)", "주어 (이름 또는 ID)"),
    "fact_kind": ("Statement kind (e.g. powerCapacity) — or leave empty for a link",
                  "진술 종류 (예: `powerCapacity`) — 링크면 비움"),
    "value": ("Value (e.g. 300 MW)", "값 (예: 300 MW)"), "property": ("Link property (e.g. operatedBy)", "링크 속성 (예: `operatedBy`)"),
    "object": ("Link object (name or id)", "링크 대상 (이름 또는 ID)"), "add_line": ("Report line", "보고서 줄"),
    "evidence": ("Evidence: exact text of that line (≤ 60 characters)", "근거: 그 줄의 정확한 문구 (60자 이내)"),
    "add": ("Add", "추가"),
    "log.none": ("The curation log is empty.", "검토 로그가 비어 있습니다."),
    "log.caption": ("{n} actions in {path}; {orphans} orphaned (their fact is no longer extracted).",
                    "{path}에 조치 {n}개; 고아 {orphans}개 (사실이 더 이상 추출되지 않음)."),
    "export": ("Export as JSON Lines", "JSON Lines로 내보내기"),
    "quality.none": ("No confirmed or rejected facts yet.", "아직 확인·기각된 사실이 없습니다."),
    "quality.rule": ("Precision by extraction rule", "추출 규칙별 정밀도"),
    "quality.fact": ("Precision by property", "속성별 정밀도"),
    "col.when": ("when", "시각"), "col.who": ("who", "검토자"), "col.action": ("action", "조치"),
    "col.fact": ("fact", "사실"), "col.status": ("status", "상태"), "col.why": ("why", "사유"),
    "col.key": ("rule or property", "규칙 또는 속성"), "col.confirmed": ("confirmed", "확인"),
    "col.wrong": ("rejected or corrected", "기각·정정"), "col.precision": ("precision", "정밀도"),
}


def _t(key: str, **fields) -> str:
    en, ko = TEXT[key]
    text = ko if ui.lang() == "ko" else en
    return text.format(**fields) if fields else text


def editing_caption() -> None:
    """Who is editing (every page's sidebar shows it when curation is on)."""
    from petaflop.curation.live import editing_user

    user = editing_user()
    if user:
        st.sidebar.caption(":material/rate_review: " + _t("editing", user=ui.md(user)))


@st.cache_resource(show_spinner=False, max_entries=2)
def _curator(path: str, version: int, log_dir: str):
    from petaflop.curation.service import Curator

    c = Curator.open(path, log_dir)
    _ = c.index  # read once per graph version
    return c


@st.cache_resource(show_spinner=False, max_entries=1)
def _document(path: str, mtime: int):
    from ingest import parse_report

    return parse_report(path)


def render() -> None:
    from petaflop.curation.actions import CurationError
    from petaflop.curation.live import editing_user

    st.title(ui.t("page.review"))
    st.caption(_t("intro"))
    user = editing_user()
    if user:
        st.markdown(":material/rate_review: " + _t("editing", user=ui.md(user)))
    else:
        st.info(_t("read_only"), icon=":material/lock:")
    if config.endpoint_url() is not None:
        st.warning(_t("no_file"))
        return
    from petaflop.curation.log import default_dir

    source = config.source_key()
    c = _curator(str(config.graph_path()), source[2], str(default_dir(config.graph_path().parent)))
    c.refresh()
    msg = st.session_state.pop("_review_msg", None)
    if msg:
        (st.error if msg[0] == "error" else st.success)(msg[1])
    try:
        actions = c.actions()
    except CurationError as exc:
        st.error(str(exc))
        return
    _pending(c, actions)
    queue_tab, add_tab, log_tab, quality_tab = st.tabs([_t("tab.queue"), _t("tab.add"), _t("tab.log"),
                                                        _t("tab.quality")])
    with queue_tab:
        _queue(c, user)
    with add_tab:
        _add_form(c, user)
    with log_tab:
        _log(c)
    with quality_tab:
        _quality(c)


def _pending(c, actions) -> None:
    """Actions taken since the app loaded its graph: a button reloads the other pages with them."""
    from petaflop.curation import live

    loaded = st.session_state.setdefault("_review_loaded", {}).setdefault(live.generation(), len(actions))
    if len(actions) > loaded:
        cols = st.columns([4, 1], vertical_alignment="center")
        cols[0].caption(_t("pending", n=len(actions) - loaded))
        if cols[1].button(_t("apply"), key="review_apply"):
            live.bump()
            st.rerun()


def _do(record) -> None:
    """Run a recording call; the outcome is shown at the top of the next run."""
    from petaflop.curation.actions import CurationError

    try:
        a = record()
    except CurationError as exc:
        st.session_state["_review_msg"] = ("error", str(exc))
        return
    st.session_state["_review_msg"] = ("ok", _t("recorded", type=a.type, id=a.id))


def _queue(c, user: str | None) -> None:
    from petaflop.curation.review_cli import queue_for, spec_of

    queue = queue_for(c)
    if not queue:
        st.success(_t("empty"))
        return
    pos = min(st.session_state.get("review_pos", 0), len(queue) - 1)
    item = queue[pos]
    st.markdown(f"#### {ui.md(_title(item, ui.lang()))}")
    st.caption(_t("position", n=pos + 1, total=len(queue), risk=f"{item.risk:.2f}"))
    for why in item.reasons:
        st.markdown(f"- {_reason(why, ui.lang())}")
    _report_context(item)
    spec = spec_of(item)
    reason = st.text_input(_t("reason"), key=f"review_reason_{pos}", max_chars=300, disabled=user is None)
    cols = st.columns(4)
    if cols[0].button(_t("confirm"), shortcut="y", type="primary", disabled=user is None, key="review_confirm"):
        _do(lambda: c.confirm(user, spec, reason))
        st.rerun()
    if cols[1].button(_t("reject"), shortcut="n", disabled=user is None, key="review_reject"):
        _do(lambda: c.reject(user, spec, reason))
        st.rerun()
    if cols[2].button(_t("skip"), shortcut="j", key="review_skip"):
        st.session_state["review_pos"] = (pos + 1) % len(queue)
        st.rerun()
    if cols[3].button(_t("back"), key="review_back", shortcut="k", disabled=pos == 0):
        st.session_state["review_pos"] = pos - 1
        st.rerun()
    with st.expander(_t("correct")):
        link = item.target.kind == "link"
        new = st.text_input(_t("new_object") if link else _t("new_value"), key=f"review_new_{pos}",
                            max_chars=80, disabled=user is None)
        if st.button(_t("correct"), key="review_correct", disabled=user is None):
            kwargs = {"new_object": new} if link else {"new_value": new}
            _do(lambda: c.correct(user, spec, reason, **kwargs))
            st.rerun()


def _reason(why, lang: str) -> str:
    """A queue reason as Markdown: a rule id is code, every other field is inert text."""
    return why.text(lang, lambda k, v: f"`{v}`" if k == "rule" else ui.md(v))  # templates hold no markup


def _title(item, lang: str) -> str:
    """The queued fact in the page's language: the kind's or the property's label, not its code."""
    if lang != "ko":
        return item.title
    from foundation.namespaces import PFA, PFK

    atlas = ui.atlas()
    return item.heading(atlas.prop_label(str(PFA) + item.predicate, lang) if item.is_link
                        else atlas.term_label(str(PFK) + item.predicate, lang))


def _report_context(item) -> None:
    from petaflop.curation.queue import table_context

    lines, where = ui.report_lines()
    occ = item.occurrence
    if occ.table and lines is not None:
        caption, header, label = table_context(_document(where, Path(where).stat().st_mtime_ns), occ.table,
                                               occ.column)
        st.caption(_t("table", table=occ.table, row=occ.row, column=occ.column) + (f" · “{ui.md(label)}”" if label
                                                                                   else ""))
        if caption or header:
            st.code("\n".join(x for x in (caption, header) if x), language=None, wrap_lines=True)
    st.caption(_t("line", line=occ.line_start))
    if lines is None:
        st.warning(_t("no_report", reason=where))
        return
    text = "\n".join(lines[ln - 1] for ln in range(occ.line_start, occ.line_end + 1) if 1 <= ln <= len(lines))
    st.code(text, language=None, wrap_lines=True)


def _add_form(c, user: str | None) -> None:
    from petaflop.curation.service import FactSpec

    with st.form("review_add", clear_on_submit=False, border=False):
        subject = st.text_input(_t("subject"), max_chars=120)
        kind = st.text_input(_t("fact_kind"), max_chars=60)
        value = st.text_input(_t("value"), max_chars=60)
        prop = st.text_input(_t("property"), max_chars=60)
        obj = st.text_input(_t("object"), max_chars=120)
        line = st.number_input(_t("add_line"), min_value=1, step=1, value=1)
        evidence = st.text_input(_t("evidence"), max_chars=60)
        reason = st.text_input(_t("reason"), max_chars=300)
        if st.form_submit_button(_t("add"), disabled=user is None):
            spec = FactSpec(subject, int(line), kind=kind.strip(), value=value.strip(), property=prop.strip(),
                            object=obj.strip())
            _do(lambda: c.add(user, spec, evidence, reason))
            st.rerun()


def _log(c) -> None:
    overlay = c.overlay()
    if not overlay.results:
        st.info(_t("log.none"))
        return
    st.caption(_t("log.caption", n=len(overlay.results), path=ui.md(str(c.log.path)), orphans=len(overlay.orphans)))
    rows = [{_t("col.when"): r.action.created[:19].replace("T", " "), _t("col.who"): r.action.user,
             _t("col.action"): r.action.type, _t("col.fact"): r.action.target.describe(),
             _t("col.status"): r.status, _t("col.why"): r.reason or r.action.reason}
            for r in reversed(overlay.results)]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.download_button(_t("export"), c.log.export_jsonl(), file_name="curation-log.jsonl",
                       mime="application/x-ndjson", key="review_export", on_click="ignore")


def _quality(c) -> None:
    from petaflop.curation.quality import from_results

    by_rule, by_fact = from_results(c.overlay().results)
    if not by_rule and not by_fact:
        st.info(_t("quality.none"))
        return
    for title, rows in ((_t("quality.rule"), by_rule), (_t("quality.fact"), by_fact)):
        st.markdown(f"**{title}**")
        st.dataframe(pd.DataFrame([{_t("col.key"): r.key, _t("col.confirmed"): r.confirmed,
                                    _t("col.wrong"): r.wrong,
                                    _t("col.precision"): f"{100 * r.precision:.0f} %" if r.precision is not None
                                    else "—"} for r in rows]), hide_index=True, width="stretch")
