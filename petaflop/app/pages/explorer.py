"""Object explorer: pick a type, filter by facets and by linked objects; the state lives in the URL."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from foundation.names import local_name
from petaflop.app import charts, ui
from petaflop.app import explorer as ex
from petaflop.app.data import PFA

atlas = ui.atlas()
lang = ui.lang()
MAX_FACETS = 8

st.title(ui.t("page.explorer"))

counts = atlas.type_counts(asserted_only=False)
classes = sorted((c for c in counts if c.startswith(PFA) and c != PFA.Claim),
                 key=lambda c: (atlas.group_of(c), atlas.class_label(c, lang).casefold()))
options = [local_name(c) for c in classes]


def _reset_facets() -> None:
    for key in st.session_state.get("x_keys", []):
        st.session_state.pop(key, None)
        if key in st.query_params:
            del st.query_params[key]
    st.session_state["x_keys"] = []


def _reset_linked(*keys: str) -> None:
    for key in keys:
        st.session_state.pop(key, None)
        if key in st.query_params:
            del st.query_params[key]


def _range_from_url(key: str, lo: float, hi: float) -> None:
    if key in st.session_state or key not in st.query_params:
        return
    try:
        a, b = (float(x) for x in st.query_params[key].split("~"))
    except ValueError:
        return
    a, b = max(lo, min(a, hi)), max(lo, min(b, hi))
    st.session_state[key] = (min(a, b), max(a, b))


def _range_to_url(key: str, lo: float, hi: float) -> None:
    value = st.session_state.get(key)
    if not value or tuple(value) == (lo, hi):
        if key in st.query_params:
            del st.query_params[key]
    else:
        st.query_params[key] = f"{value[0]:g}~{value[1]:g}"


def _track(key: str) -> str:
    keys = st.session_state.setdefault("x_keys", [])
    if key not in keys:
        keys.append(key)
    return key


ui.from_url("type", "ComputeCluster", options=options)
cls_local = st.selectbox(
    ui.t("explorer.type"), options, key="type", on_change=_reset_facets,
    format_func=lambda c: f"{atlas.class_label(PFA[c], lang)} ({counts.get(PFA[c], 0)}) · "
                          f"{ui.t('group.' + atlas.group_of(PFA[c]))}",
)
ui.to_url("type")
cls = PFA + (cls_local or "ComputeCluster")
members = atlas.instances(cls)
if atlas.classes.get(cls) and atlas.classes[cls].definition:
    st.caption(atlas.classes[cls].definition)

@st.fragment
def _explore() -> None:
    all_facets = ex.facets(atlas, members, lang)
    by_param = {f.param: f for f in all_facets}
    shown_default = [f.param for f in all_facets[:MAX_FACETS]]
    extra_choices = [f.param for f in all_facets[MAX_FACETS:]]

    left, right = st.columns([1, 2.4], gap="large")
    selections: dict[str, tuple[ex.Facet, object]] = {}
    with left:
        st.subheader(ui.t("explorer.facets"))
        extra = []
        if extra_choices:
            wanted = [p for p in extra_choices if "f." + p in st.query_params]  # facets a shared link filters on
            ui.from_url(_track("more"), wanted or None, multi=True, options=extra_choices)
            extra = st.multiselect(ui.t("explorer.more_facets"), extra_choices, key="more",
                                   format_func=lambda p: by_param[p].label)
            ui.to_url("more")
        for param in [*shown_default, *extra]:
            f = by_param[param]
            key = _track("f." + param)
            label = f"{f.label} · {f.coverage}/{len(members)}"
            if f.kind == "number":
                lo, hi = f.bounds()
                if lo == hi:
                    st.caption(f"{label}: {ex.format_literal_number(lo, f.unit)}")
                    continue
                st.vega_lite_chart(charts.histogram(f.numbers, f.unit or ""), width="stretch")
                _range_from_url(key, float(lo), float(hi))
                st.session_state.setdefault(key, (float(lo), float(hi)))
                sel = st.slider(label, min_value=float(lo), max_value=float(hi), key=key)
                _range_to_url(key, float(lo), float(hi))
                selections[param] = (f, sel)
            else:
                opts = [k for k, _, _ in f.options]
                names = {k: f"{name} ({n})" for k, name, n in f.options}
                ui.from_url(key, multi=True, options=opts)
                sel = st.multiselect(label, opts, key=key, format_func=lambda k, n=names: n.get(k, k))
                ui.to_url(key)
                selections[param] = (f, sel)

        st.subheader(ui.t("explorer.linked"))
        ltypes = ex.link_types(atlas, members, lang)
        via_opts = [""] + [f"{d}:{local_name(p)}" for p, d, _, _ in ltypes]
        via_names = {f"{d}:{local_name(p)}": f"{label} ({n})" for p, d, label, n in ltypes}
        ui.from_url(_track("via"), options=via_opts)
        via = st.selectbox(ui.t("explorer.via"), via_opts, key="via",
                           format_func=lambda v: via_names.get(v, ui.t("explorer.none")),
                           on_change=_reset_linked, args=("vprop", "vval"))
        ui.to_url("via")
        linked_filter = None
        if via:
            direction, prop_local = via.split(":", 1)
            prop = next(p for p, d, _, _ in ltypes if d == direction and local_name(p) == prop_local)
            targets = ex.linked_targets(atlas, members, prop, direction)
            tfacets = {f.param: f for f in ex.facets(atlas, targets, lang)}
            ui.from_url(_track("vprop"), options=["", *tfacets])
            vprop = st.selectbox(ui.t("explorer.linked_prop"), ["", *tfacets], key="vprop",
                                 format_func=lambda p: tfacets[p].label if p else ui.t("explorer.linked_is"),
                                 on_change=_reset_linked, args=("vval",))
            ui.to_url("vprop")
            if vprop:
                tf = tfacets[vprop]
            else:  # the linked object itself
                tf = ex.Facet(prop, ui.t("explorer.linked_object"), "link",
                              options=sorted(((k, atlas.label(ex.iri_of(k), lang), 1) for k in {ex.slug(t) for t in targets}),
                                             key=lambda o: o[1].casefold()))
            if tf.kind == "number" and tf.bounds()[0] < tf.bounds()[1]:
                lo, hi = tf.bounds()
                _range_from_url(_track("vval"), float(lo), float(hi))
                st.session_state.setdefault("vval", (float(lo), float(hi)))
                vsel = st.slider(tf.label, min_value=float(lo), max_value=float(hi), key="vval")
                _range_to_url("vval", float(lo), float(hi))
            elif tf.kind == "number":
                vsel = None
            else:
                vnames = {k: f"{name} ({n})" if vprop else name for k, name, n in tf.options}
                vopts = [k for k, _, _ in tf.options]
                ui.from_url(_track("vval"), multi=True, options=vopts)
                vsel = st.multiselect(ui.t("explorer.linked_values"), vopts, key="vval",
                                      format_func=lambda k, n=vnames: n.get(k, k))
                ui.to_url("vval")
            if vprop == "" and tf.kind == "link":
                tf = ex.Facet("self", tf.label, "self", options=tf.options)
            linked_filter = (prop, direction, tf, vsel)

    result = ex.apply(atlas, members, selections)
    if linked_filter is not None:
        prop, direction, tf, vsel = linked_filter
        if tf.kind == "self":
            if vsel:
                chosen = {ex.iri_of(k) for k in vsel}
                result = [m for m in result if chosen & set(ex.linked(atlas, m, prop, direction))]
        else:
            result = ex.apply_linked(atlas, result, prop, direction, tf, vsel)

    with right:
        st.subheader(ui.t("explorer.results"))
        st.markdown(ui.t("explorer.count", n=len(result), total=len(members), cls=atlas.class_label(cls, lang)))
        columns = [f for f in all_facets if f.prop != ex.TYPE_FACET][:6]
        df = pd.DataFrame(ex.rows(atlas, result, columns, lang))
        if not df.empty:
            st.dataframe(df, hide_index=True, width="stretch",
                         column_config={"id": st.column_config.TextColumn("id", width="small")})
            pick = st.selectbox(ui.t("explorer.open"), ["", *result], key="x_open",
                                format_func=lambda i: atlas.label(i, lang) if i else "—")
            if pick:
                ui.object_link(pick, "→ " + atlas.label(pick, lang), icon=ui.ICON_OBJECT)
            names = ", ".join(atlas.label(i, lang) for i in result[:12])
            st.caption(ui.t("explorer.first", names=names) + (" …" if len(result) > 12 else ""))
        else:
            st.info(ui.t("explorer.empty"))
        st.caption(ui.t("explorer.share"))


_explore()
