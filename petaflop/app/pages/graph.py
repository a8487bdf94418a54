"""Graph (Search Around): a Cytoscape canvas whose whole state is in the address; shortest paths.

Mouse: click an object to select it (side panel), double-click to expand it, click a ``+N`` node
to show the next objects of a fan-out, drag an object to pin it. Keyboard and tests: the same
through the side panel's widgets. Every change is a new address (Back undoes it).
"""

from __future__ import annotations

import streamlit as st

from foundation.names import local_name
from petaflop.app import graph as gr
from petaflop.app import ui, views
from petaflop.app.components import graph_canvas
from petaflop.app.data import iri_of, slug
from petaflop.app.format import format_literal
from petaflop.app.urlstate import Param

_CACHE: dict[tuple, tuple] = {}
CANVAS_KEY = "sa_canvas_events"


def _canvas(atlas, seed: str, ops: tuple[str, ...], cap: int, claims: bool):
    key = (id(atlas), seed, ops, cap, claims)
    hit = _CACHE.get(key)
    if hit is None:
        if len(_CACHE) > 64:
            _CACHE.clear()
        hit = _CACHE[key] = gr.replay(atlas, seed, list(ops), cap, claims)
    return hit


def _pins(raw: list[str]) -> dict[str, tuple[float, float]]:
    out = {}
    for item in raw:
        name, _, xy = item.partition("@")
        try:
            x, y = (float(v) for v in xy.split(","))
        except ValueError:
            continue
        out[iri_of(name)] = (x, y)
    return out


def _queue(action: dict) -> None:
    st.session_state.setdefault("_sa_pending", []).append(action)


def _on_canvas_event() -> None:
    event = st.session_state.get(CANVAS_KEY)
    if isinstance(event, dict) and event.get("seq") != st.session_state.get("_sa_seq"):
        st.session_state["_sa_seq"] = event.get("seq")
        _queue(event)


def _on_widget(kind: str, key: str) -> None:
    _queue({"type": kind, "value": st.session_state.get(key)})


def _apply(url, event: dict, canvas_nodes) -> None:
    """One gesture or widget action → the new URL state."""
    kind = event.get("type")
    nid = str(event.get("id", ""))[:200]
    ops = list(url["ops"])
    if kind == "select":
        url.set("sel", nid)
    elif kind == "expand" and nid:
        hops = int(event.get("hops", 1) or 1)
        url.set("ops", [*ops, ("x" if hops == 1 else f"x{hops}") + ":" + nid])
        url.set("sel", nid)
    elif kind == "collapse" and nid:
        url.set("ops", [*ops, "c:" + nid])
    elif kind == "more" and nid.startswith("more:"):
        url.set("ops", [*ops, "m:" + nid[len("more:"):]])
    elif kind == "pin" and nid:
        try:
            x, y = round(float(event.get("x")), 1), round(float(event.get("y")), 1)
        except (TypeError, ValueError):
            return
        url.set("pin", [*(p for p in url["pin"] if not p.startswith(nid + "@")), f"{nid}@{x:g},{y:g}"])
    elif kind == "unpin":
        url.set("pin", [p for p in url["pin"] if not p.startswith(nid + "@")])
    elif kind == "hide" and nid:
        url.set("hide", [*url["hide"], nid])
        url.set("sel", "")
    elif kind == "unhide":
        url.set("hide", [])
    elif kind == "sel":
        url.set("sel", event.get("value") or "")
    elif kind == "groups":
        url.set("xg", [g for g in event.get("all", []) if g not in (event.get("value") or [])])
    elif kind == "links":
        url.set("xl", [r for r in event.get("all", []) if r not in (event.get("value") or [])])
    elif kind == "cap":
        url.set("cap", int(event.get("value") or 12))
    elif kind == "unv":
        url.set("unv", bool(event.get("value")))
    elif kind == "seed":
        url.set("seed", event.get("value") or url["seed"])
        for name in ("ops", "hide", "pin"):
            url.set(name, [])
        url.set("sel", "")
    elif kind == "reset":
        for name in ("ops", "hide", "pin", "xg", "xl"):
            url.set(name, [])
        url.set("sel", "")


def _key_facts(atlas, iri: str, lang: str) -> None:
    shown = 0
    for e in atlas.edges_out(iri):
        if e.is_link or not e.p.startswith("https://petaflop-atlas.org/"):
            continue
        if shown >= 6:
            break
        st.markdown(f"**{ui.md(atlas.prop_label(e.p, lang))}:** {ui.md(format_literal(e.o, atlas.unit(e.p), lang))}")
        shown += 1


def _side_panel(url, atlas, canvas, lang: str, sel: str | None) -> None:
    options = [slug(n) for n in canvas.entity_nodes]
    display = {s: atlas.label(iri_of(s), lang) for s in options}
    st.session_state["sa_sel"] = slug(sel) if sel else ""
    st.selectbox(ui.t("graph.selected"), ["", *options], key="sa_sel", on_change=_on_widget, args=("sel", "sa_sel"),
                 format_func=lambda s: display.get(s, "—") if s else "—")
    if not sel:
        st.caption(ui.t("graph.select_hint"))
        return
    cls = atlas.primary_type(sel)
    st.markdown(f"#### {ui.md(atlas.label(sel, lang))}")
    if cls:
        st.caption(ui.md(atlas.class_label(cls, lang)))
    _key_facts(atlas, sel, lang)
    ui.object_link(sel, ui.t("graph.open_page"), icon=ui.ICON_OBJECT)
    hops = st.number_input(ui.t("graph.hops"), min_value=1, max_value=3, step=1, key="sa_hops")
    sid = slug(sel)
    c1, c2 = st.columns(2)
    c1.button(ui.t("graph.expand_btn"), key="sa_expand", type="primary", on_click=_queue,
              args=({"type": "expand", "id": sid, "hops": int(hops)},))
    c2.button(ui.t("graph.collapse_btn"), key="sa_collapse", disabled=sel not in canvas.expanded, on_click=_queue,
              args=({"type": "collapse", "id": sid},))
    c3, c4 = st.columns(2)
    c3.button(ui.t("graph.hide_btn"), key="sa_hide", disabled=sel == canvas.seed, on_click=_queue,
              args=({"type": "hide", "id": sid},))
    pinned = any(p.startswith(sid + "@") for p in url["pin"])
    node = canvas.nodes[sel]
    c4.button(ui.t("graph.unpin_btn") if pinned else ui.t("graph.pin_btn"), key="sa_pin", on_click=_queue,
              args=({"type": "unpin", "id": sid} if pinned else {"type": "pin", "id": sid, "x": node.x, "y": node.y},))
    edges = [(s, p, o) for s, p, o in sorted(canvas.edges) if sel in (s, o)]
    planned = [(s, p, o, st_) for (s, p, o), st_ in sorted(canvas.stated_edges.items())
               if sel in (s, o) and (s, p, o) not in canvas.edges]
    if edges or planned:
        st.markdown(f"**{ui.t('graph.links_here', n=len(edges) + len(planned))}**")
    for i, (s, p, o) in enumerate(edges[:12]):
        other = o if s == sel else s
        arrow = "→" if s == sel else "←"
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(f"{arrow} {ui.md(atlas.prop_label(p, lang))} · **{ui.md(atlas.label(other, lang))}**",
                        width="content")
            sts = atlas.statements_for(s, p, o) or atlas.statements_for(o, atlas.inverse_of(p) or p, s)
            if sts and not sts[0].inferred_by:
                ui.provenance_badge(sts[0], key=f"sa-prov-{i}", compact=True)
            elif sts:
                st.caption(ui.ICON_RULE, help=ui.inferred_help(sts[0].inferred_by))
    for s, p, o, statuses in planned[:12]:  # link statements: the status instead of a provenance badge
        other, arrow = (o, "→") if s == sel else (s, "←")
        words = gr.status_words(atlas, statuses, lang)
        st.markdown(f"{arrow} {ui.md(atlas.prop_label(p, lang))} · **{ui.md(atlas.label(other, lang))}** · *{ui.md(words)}*")


def _legend(legend: gr.Legend) -> None:
    groups = [(gr.GROUP_COLORS[g], "dot", f"{ui.t('group.' + g)} ({n})") for g, n in legend.groups]
    links = [("#9aa0a6", "line", f"{label} ({n})") for _, label, n in legend.links]
    st.markdown(ui.legend_html(groups), unsafe_allow_html=True)
    st.markdown(ui.legend_html([*links, ("#9aa0a6", "dash", ui.t("graph.inferred_edge")),
                                ("#e39b3b", "dash", ui.t("graph.unverified_edge")),
                                (gr.PLANNED_COLOR, "dash", ui.t("graph.planned_edge"))]), unsafe_allow_html=True)


def _filters(url, atlas, canvas, lang: str) -> None:
    all_groups = sorted({gr.node_group(atlas, n) for n in canvas.entity_nodes} | set(url["xg"]))
    st.session_state["sa_groups"] = [g for g in all_groups if g not in url["xg"]]
    st.pills(ui.t("graph.node_types"), all_groups, selection_mode="multi", key="sa_groups",
             format_func=lambda g: ui.t("group." + g), on_change=lambda: _queue(
                 {"type": "groups", "value": st.session_state.get("sa_groups"), "all": all_groups}))
    props = {p for _, p, _ in (*canvas.edges, *canvas.stated_edges)}
    rels = sorted({local_name(p) for p in props} | set(url["xl"]))
    names = {r: atlas.prop_label(next((p for p in sorted(props) if local_name(p) == r), r), lang) for r in rels}
    st.session_state["sa_links"] = [r for r in rels if r not in url["xl"]]
    st.pills(ui.t("graph.link_types_filter"), rels, selection_mode="multi", key="sa_links",
             format_func=lambda r: names.get(r, r), on_change=lambda: _queue(
                 {"type": "links", "value": st.session_state.get("sa_links"), "all": rels}))


@st.fragment
def _search_around(default_seed: str, options: list[str]) -> None:
    atlas, lang = ui.atlas(), ui.lang()
    url = ui.url_state("graph", Param("seed", default_seed, options=options, max_chars=200),
                       Param("ops", [], kind="list", max_chars=300), Param("hide", [], kind="list", max_chars=200),
                       Param("pin", [], kind="list", max_chars=240), Param("sel", "", max_chars=200),
                       Param("xg", [], kind="list", options=list(gr.GROUP_COLORS)),
                       Param("xl", [], kind="list", max_chars=80),
                       Param("cap", 12, kind="int", lo=1, hi=100), Param("unv", True, kind="bool"))
    for action in st.session_state.pop("_sa_pending", []):
        _apply(url, action, None)
    url.publish()
    seed = iri_of(url["seed"])
    canvas, bad = _canvas(atlas, seed, tuple(url["ops"]), int(url["cap"]), bool(url["unv"]))
    if bad:
        st.warning(ui.t("graph.bad_ops", ops=ui.md(", ".join(bad[:5]))))
    sel = iri_of(url["sel"]) if url["sel"] and iri_of(url["sel"]) in canvas.nodes else None

    st.session_state["seed"] = url["seed"]
    st.selectbox(ui.t("graph.seed"), options, key="seed", format_func=lambda s: ui.display_names()[iri_of(s)],
                 on_change=_on_widget, args=("seed", "seed"))
    left, right = st.columns([1, 2.7], gap="medium")
    with left:
        _side_panel(url, atlas, canvas, lang, sel)
        st.session_state["sa_cap"] = int(url["cap"])
        st.number_input(ui.t("graph.cap"), min_value=1, max_value=100, step=1, key="sa_cap",
                        on_change=_on_widget, args=("cap", "sa_cap"))
        st.session_state["sa_unv"] = bool(url["unv"])
        st.toggle(ui.t("graph.unverified"), key="sa_unv", help=ui.t("graph.unverified_help"),
                  on_change=_on_widget, args=("unv", "sa_unv"))
        st.button(ui.t("graph.reset"), key="sa_reset", on_click=_queue, args=({"type": "reset"},))
        views.save_box("graph")
    with right:
        _filters(url, atlas, canvas, lang)
        els, legend = gr.elements(atlas, canvas, lang, hidden={iri_of(h) for h in url["hide"]},
                                  excluded_groups=set(url["xg"]), excluded_links=set(url["xl"]),
                                  pins=_pins(url["pin"]),
                                  group_label=lambda n, label: ui.t("graph.group_node", n=n, link=label))
        drawn = sum(1 for e in els if "source" not in e["data"] and not e["data"].get("more"))
        links = sum(1 for e in els if "source" in e["data"] and not e["data"].get("more"))
        st.markdown(ui.t("graph.summary", nodes=drawn, links=links,
                         groups=sum(1 for e in els if e["data"].get("more") and "source" not in e["data"])))
        if canvas.truncated:
            st.warning(ui.t("graph.truncated", n=gr.MAX_NODES))
        _legend(legend)
        graph_canvas(els, key=CANVAS_KEY, height=600, selected=slug(sel) if sel else None,
                     hint=ui.t("graph.mouse_hint"), fit_label=ui.t("graph.fit"), on_change=_on_canvas_event)
        if url["hide"]:
            st.button(ui.t("graph.show_hidden", n=len(url["hide"])), key="sa_unhide", on_click=_queue,
                      args=({"type": "unhide"},))


def _paths(default_from: str, options: list[str]) -> None:
    atlas, lang = ui.atlas(), ui.lang()
    display = ui.display_names()
    st.subheader(ui.t("graph.paths"))
    url = ui.url_state("graph.paths", Param("from", default_from, options=options, max_chars=200, widget="path_from"),
                       Param("to", "", options=["", *options], max_chars=200, widget="path_to"))
    p1, p2 = st.columns(2)
    url.seed("from")
    source_slug = p1.selectbox(ui.t("graph.from"), options, key="path_from", format_func=lambda s: display[iri_of(s)])
    url.seed("to")
    target_slug = p2.selectbox(ui.t("graph.to"), ["", *options], key="path_to",
                               format_func=lambda s: display[iri_of(s)] if s else "—")
    url.publish(**{"from": source_slug, "to": target_slug})
    if not target_slug:
        return
    paths = gr.shortest_paths(atlas, iri_of(source_slug), iri_of(target_slug), max_paths=3)
    if not paths:
        st.warning(ui.t("graph.no_path"))
    for i, steps in enumerate(paths):
        with st.container(border=True):
            st.markdown(ui.t("graph.path", i=i + 1, n=len(steps)))
            for j, step in enumerate(steps):
                a, b = (step.s, step.o) if step.forward else (step.o, step.s)
                label = ui.md(atlas.prop_label(step.p, lang))
                arrow = f"—{label}→" if step.forward else f"←{label}—"
                c1, c2 = st.columns([3, 2])
                c1.markdown(f"**{ui.md(atlas.label(a, lang))}** {arrow} **{ui.md(atlas.label(b, lang))}**")
                with c2:
                    if step.inferred or not step.statements:
                        rules = sorted({r for s_ in step.statements for r in s_.inferred_by})
                        st.caption(ui.ICON_RULE, help=ui.inferred_help(rules))
                    else:
                        ui.provenance_badge(step.statements[0], key=f"path-{i}-{j}")
            nodes = [step.s for step in steps] + [step.o for step in steps]
            ops = [f"x:{slug(n)}" for n in dict.fromkeys(nodes) if n != iri_of(source_slug)]
            ui.link("graph", ui.t("graph.open_path"), icon=":material/hub:", seed=source_slug, ops=ops[:8])


def render() -> None:
    st.title(ui.t("page.graph"))
    st.caption(ui.t("graph.intro"))
    options = [slug(i) for i in ui.entity_options()]
    default = "colossus" if "colossus" in options else options[0]
    _search_around(default, options)
    seed = st.query_params.get("seed", default)
    _paths(seed if seed in options else default, options)
