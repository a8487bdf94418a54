"""Graph: Search Around (expand by link type, caps and groups, collapse) and shortest paths."""

from __future__ import annotations

import streamlit as st

from foundation.names import local_name
from petaflop.app import ui
from petaflop.app.data import iri_of, slug
from petaflop.app.graph import Canvas, canvas_html, link_type_counts, shortest_paths

atlas = ui.atlas()
lang = ui.lang()

st.title(ui.t("page.graph"))
st.caption(ui.t("graph.intro"))

options = [slug(i) for i in ui.entity_options()]
display = ui.display_names()
ui.from_url("seed", "colossus" if "colossus" in options else options[0], options=options)
seed_slug = st.selectbox(ui.t("graph.seed"), options, key="seed", format_func=lambda s: display[iri_of(s)])
ui.to_url("seed")
seed = iri_of(seed_slug)


def _canvas() -> Canvas:
    return st.session_state["sa_canvas"]


# Buttons act through callbacks: the canvas changes before the (fragment) rerun draws it.
def _expand(node: str, lookup: dict, types_key: str) -> None:
    chosen = st.session_state.get(types_key, list(lookup))
    found = _canvas().expand(atlas, node, [lookup[k] for k in chosen if k in lookup],
                             cap=int(st.session_state.get("sa_cap", 12)))
    st.session_state["sa_msg"] = ui.t("graph.expanded", name=atlas.label(node, lang), n=sum(found.values()))


def _collapse(node: str) -> None:
    removed = _canvas().collapse(node)
    st.session_state["sa_msg"] = ui.t("graph.collapsed", name=atlas.label(node, lang), n=removed)
    st.session_state.pop("sa_node", None)


def _more(node: str) -> None:
    _canvas().expand_group(atlas, node, int(st.session_state.get("sa_cap", 12)))
    st.session_state.pop("sa_node", None)


def _reset() -> None:
    st.session_state.pop("sa_canvas", None)
    st.session_state.pop("sa_node", None)
    st.session_state.pop("sa_msg", None)


def _add_path(i: int) -> None:
    _canvas().add_path(atlas, st.session_state["sa_paths"][i])


@st.fragment
def _search_around() -> None:
    canvas: Canvas | None = st.session_state.get("sa_canvas")
    if canvas is None or canvas.seed != seed:
        canvas = Canvas.start(seed)
        canvas.expand(atlas, seed, cap=12)
        st.session_state["sa_canvas"] = canvas
        st.session_state.pop("sa_node", None)

    nodes = list(canvas.nodes)
    left, right = st.columns([1, 2.6], gap="medium")
    with left:
        st.subheader(ui.t("graph.expand"))
        node = st.selectbox(ui.t("graph.node"), nodes, key="sa_node",
                            format_func=lambda n: (ui.t("graph.group_node", n=len(canvas.nodes[n].group["rest"]),
                                                        of=atlas.label(canvas.nodes[n].group["of"], lang))
                                                   if canvas.nodes[n].group else atlas.label(n, lang)))
        cap = st.number_input(ui.t("graph.cap"), min_value=1, max_value=200, value=12, step=1, key="sa_cap")
        group = canvas.nodes[node].group
        if group is not None:
            st.button(ui.t("graph.show_more", n=min(cap, len(group["rest"]))), key="sa_more",
                      on_click=_more, args=(node,))
        else:
            counts = link_type_counts(atlas, node, lang)
            keys = [f"{d}:{local_name(p)}" for p, d, _, _ in counts]
            names = {f"{d}:{local_name(p)}": f"{label} ({n})" for p, d, label, n in counts}
            lookup = {f"{d}:{local_name(p)}": (p, d) for p, d, _, _ in counts}
            types_key = f"sa_types_{slug(node)}"
            st.markdown(ui.t("graph.link_types", n=len(counts)))
            st.multiselect(ui.t("graph.by_type"), keys, default=keys, key=types_key,
                           format_func=lambda k: names.get(k, k))
            c1, c2 = st.columns(2)
            c1.button(ui.t("graph.expand_btn"), key="sa_expand", type="primary", disabled=not counts,
                      on_click=_expand, args=(node, lookup, types_key))
            c2.button(ui.t("graph.collapse_btn"), key="sa_collapse", disabled=node not in canvas.expanded,
                      on_click=_collapse, args=(node,))
            for _p, d, label, n in counts[:12]:
                st.caption(f"{'→' if d == 'out' else '←'} {label}: {n}")
        st.button(ui.t("graph.reset"), key="sa_reset", on_click=_reset)
        ui.object_link(node if group is None else group["of"], ui.t("graph.open_page"), icon=ui.ICON_OBJECT)

    with right:
        entity_count = len(canvas.entity_nodes)
        st.markdown(ui.t("graph.summary", nodes=entity_count, links=len(canvas.edges),
                         groups=len(canvas.nodes) - entity_count))
        if st.session_state.get("sa_msg"):
            st.caption(st.session_state["sa_msg"])
        ui.html_frame(canvas_html(atlas, canvas, lang, height=560), height=580)
        on_canvas = ", ".join(atlas.label(n, lang) for n in canvas.entity_nodes[:40])
        st.caption(ui.t("graph.on_canvas", names=on_canvas) + (" …" if entity_count > 40 else ""))

    st.subheader(ui.t("graph.paths"))
    p1, p2 = st.columns(2)
    on_canvas_slugs = [slug(n) for n in canvas.entity_nodes]
    source_slug = p1.selectbox(ui.t("graph.from"), on_canvas_slugs, key="path_from",
                               format_func=lambda s: display[iri_of(s)])
    ui.from_url("path_to", "", options=["", *options])
    target_slug = p2.selectbox(ui.t("graph.to"), ["", *options], key="path_to",
                               format_func=lambda s: display[iri_of(s)] if s else "—")
    ui.to_url("path_to", "")
    if not target_slug:
        return
    paths = shortest_paths(atlas, iri_of(source_slug), iri_of(target_slug), max_paths=3)
    st.session_state["sa_paths"] = paths
    if not paths:
        st.warning(ui.t("graph.no_path"))
    for i, steps in enumerate(paths):
        with st.container(border=True):
            st.markdown(ui.t("graph.path", i=i + 1, n=len(steps)))
            for j, step in enumerate(steps):
                a, b = (step.s, step.o) if step.forward else (step.o, step.s)
                label = atlas.prop_label(step.p, lang)
                arrow = f"—{label}→" if step.forward else f"←{label}—"
                c1, c2 = st.columns([3, 2])
                c1.markdown(f"**{atlas.label(a, lang)}** {arrow} **{atlas.label(b, lang)}**")
                with c2:
                    if step.inferred or not step.statements:
                        rules = sorted({r for s_ in step.statements for r in s_.inferred_by})
                        st.caption(ui.ICON_RULE + " " + ui.t("prov.inferred_by") + " "
                                   + (", ".join(local_name(r) for r in rules) or "?"))
                    else:
                        ui.provenance_badge(step.statements[0], key=f"path-{i}-{j}")
            st.button(ui.t("graph.add_path"), key=f"add_path_{i}", on_click=_add_path, args=(i,))


_search_around()
