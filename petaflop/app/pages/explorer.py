"""Object explorer: pick a type, filter by facets and by linked objects; the state lives in the URL."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from foundation.names import local_name
from petaflop.app import charts, ui, views
from petaflop.app import explorer as ex
from petaflop.app.data import PFA
from petaflop.app.format import cell
from petaflop.app.urlstate import Note, Param

MAX_FACETS = 8


def _range(name: str, raw: str, changed: bool, lo: float, hi: float) -> None:
    """Seed a range slider's state from ``a~b`` (clamped; garbage noted, default used)."""
    if not changed and isinstance(st.session_state.get(name), tuple | list):
        return
    value = (lo, hi)
    if raw:
        try:
            a, b = (float(x) for x in raw.split("~"))
            a, b = max(lo, min(a, hi)), max(lo, min(b, hi))
            value = (min(a, b), max(a, b))
        except ValueError:
            st.session_state.setdefault("_url_notes", []).append(Note(name, "garbage", raw[:60]))
    st.session_state[name] = value


def _range_text(value, lo: float, hi: float) -> str:
    return "" if not value or tuple(value) == (lo, hi) else f"{value[0]:g}~{value[1]:g}"


def _facet_widgets(url, atlas, members, all_facets, by_param, lang) -> dict:
    selections: dict[str, tuple[ex.Facet, object]] = {}
    shown_default = [f.param for f in all_facets[:MAX_FACETS]]
    extra_choices = [f.param for f in all_facets[MAX_FACETS:]]
    extra = []
    if extra_choices:
        filtered = [f for f in extra_choices if url["f." + f]]  # facets a shared link filters on
        if filtered and "more" not in st.session_state:
            url.set("more", sorted({*url["more"], *filtered}))
            url.changed_outside.add("more")
        url.seed("more")
        extra = st.multiselect(ui.t("explorer.more_facets"), extra_choices, key="more",
                               format_func=lambda p: by_param[p].label)
    for param in [*shown_default, *extra]:
        f = by_param[param]
        key = "f." + param
        label = f"{f.label} · {f.coverage}/{len(members)}"
        if f.kind == "number":
            lo, hi = f.bounds()
            if lo == hi:
                st.caption(f"{ui.md(label)}: {ex.format_literal_number(lo, f.unit)}")
                continue
            st.vega_lite_chart(charts.histogram(f.numbers, f.unit or "", ui.t("explorer.objects")), width="stretch")
            _range(key, url[key], key in url.changed_outside, float(lo), float(hi))
            sel = st.slider(label, min_value=float(lo), max_value=float(hi), key=key)
            url.set(key, _range_text(sel, float(lo), float(hi)))
        else:
            names = {k: f"{name} ({n})" for k, name, n in f.options}
            url.seed(key)
            sel = st.multiselect(label, [k for k, _, _ in f.options], key=key,
                                 format_func=lambda k, n=names: n.get(k, k))
            url.set(key, sel)
        selections[param] = (f, sel)
    return selections


def _linked_filter(url, atlas, members, lang):
    ltypes = ex.link_types(atlas, members, lang)
    via_names = {f"{d}:{local_name(p)}": f"{label} ({n})" for p, d, label, n in ltypes}
    url.seed("via", ["", *via_names])
    via = st.selectbox(ui.t("explorer.via"), ["", *via_names], key="via",
                       format_func=lambda v: via_names.get(v, ui.t("explorer.none")))
    url.set("via", via)
    if not via:
        url.set("vprop", "")
        url.set("vval", [])
        return None
    direction, prop_local = via.split(":", 1)
    prop = next(p for p, d, _, _ in ltypes if d == direction and local_name(p) == prop_local)
    targets = ex.linked_targets(atlas, members, prop, direction)
    tfacets = {f.param: f for f in ex.facets(atlas, targets, lang)}
    url.seed("vprop", ["", *tfacets])
    vprop = st.selectbox(ui.t("explorer.linked_prop"), ["", *tfacets], key="vprop",
                         format_func=lambda p: tfacets[p].label if p else ui.t("explorer.linked_is"))
    url.set("vprop", vprop)
    if vprop:
        tf = tfacets[vprop]
    else:  # the linked object itself
        tf = ex.Facet(prop, ui.t("explorer.linked_object"), "link",
                      options=sorted(((k, atlas.label(ex.iri_of(k), lang), 1) for k in {ex.slug(t) for t in targets}),
                                     key=lambda o: o[1].casefold()))
    if tf.kind == "number":
        lo, hi = tf.bounds()
        if lo == hi:
            url.set("vval", [])
            return None
        raw = url["vval"][0] if url["vval"] else ""
        _range("vval", raw, "vval" in url.changed_outside, float(lo), float(hi))
        vsel = st.slider(tf.label, min_value=float(lo), max_value=float(hi), key="vval")
        text = _range_text(vsel, float(lo), float(hi))
        url.set("vval", [text] if text else [])
    else:
        vnames = {k: f"{name} ({n})" if vprop else name for k, name, n in tf.options}
        if "vval" in url.changed_outside or not isinstance(st.session_state.get("vval"), list):
            st.session_state["vval"] = [v for v in url["vval"] if v in vnames]
        vsel = st.multiselect(ui.t("explorer.linked_values"), list(vnames), key="vval",
                              format_func=lambda k, n=vnames: n.get(k, k))
        url.set("vval", vsel)
    if not vprop and tf.kind == "link":
        tf = ex.Facet("self", tf.label, "self", options=tf.options)
    return prop, direction, tf, vsel


@st.fragment
def _explore(cls: str, members: list[str]) -> None:
    atlas, lang = ui.atlas(), ui.lang()
    all_facets = ex.facets(atlas, members, lang)
    by_param = {f.param: f for f in all_facets}
    params = [Param("more", [], kind="list", options=[f.param for f in all_facets[MAX_FACETS:]]),
              Param("via", "", max_chars=80), Param("vprop", "", max_chars=80),
              Param("vval", [], kind="list", max_chars=120)]
    for f in all_facets:
        if f.kind == "number":
            params.append(Param("f." + f.param, "", max_chars=60))
        else:
            params.append(Param("f." + f.param, [], kind="list", options=[k for k, _, _ in f.options]))
    url = ui.url_state("explorer:" + local_name(cls), *params)
    left, right = st.columns([1, 2.4], gap="large")
    with left:
        st.subheader(ui.t("explorer.facets"))
        selections = _facet_widgets(url, atlas, members, all_facets, by_param, lang)
        st.subheader(ui.t("explorer.linked"))
        linked_filter = _linked_filter(url, atlas, members, lang)
    url.publish()

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
        st.markdown(ui.t("explorer.count", n=len(result), total=len(members), cls=ui.md(atlas.class_label(cls, lang))))
        columns = [f for f in all_facets if f.prop != ex.TYPE_FACET][:6]
        rows = ex.rows(atlas, result, columns, lang)
        if rows:
            df = pd.DataFrame([{(ui.t("explorer.col." + k) if k in ("name", "type") else k): cell(v)
                                for k, v in r.items() if k != "id"} for r in rows])
            st.dataframe(df, hide_index=True, width="stretch")
            pick = st.selectbox(ui.t("explorer.open"), ["", *result], key="x_open",
                                format_func=lambda i: atlas.label(i, lang) if i else "—")
            if pick:
                ui.object_link(pick, "→ " + atlas.label(pick, lang), icon=ui.ICON_OBJECT)
            names = ", ".join(ui.md(atlas.label(i, lang)) for i in result[:12])
            st.caption(ui.t("explorer.first", names=names) + (" …" if len(result) > 12 else ""))
        else:
            st.info(ui.t("explorer.empty"))
        views.save_box("explorer")
        st.caption(ui.t("explorer.share"))


def render() -> None:
    atlas, lang = ui.atlas(), ui.lang()
    st.title(ui.t("page.explorer"))
    counts = atlas.type_counts(asserted_only=False)
    classes = sorted((c for c in counts if c.startswith(PFA) and not atlas.is_aux_class(c)),
                     key=lambda c: (atlas.group_of(c), atlas.class_label(c, lang).casefold()))
    options = [local_name(c) for c in classes]
    url = ui.url_state("explorer", Param("type", "ComputeCluster", options=options, max_chars=80))
    url.seed("type")
    cls_local = st.selectbox(
        ui.t("explorer.type"), options, key="type",
        format_func=lambda c: f"{atlas.class_label(PFA[c], lang)} ({counts.get(PFA[c], 0)}) · "
                              f"{ui.t('group.' + atlas.group_of(PFA[c]))}",
    )
    url.publish(type=cls_local)
    cls = PFA[cls_local or "ComputeCluster"]
    definition = atlas.class_definition(cls, lang)
    if definition:
        st.caption(ui.md(definition))
    _explore(cls, atlas.instances(cls))
