"""Saved views: list, open, rename, delete, export as JSON."""

from __future__ import annotations

import streamlit as st

from petaflop.app import ui, views
from petaflop.app.savedviews import ViewError


def _rename(view_id: int, key: str) -> None:
    try:
        views.store().rename(view_id, st.session_state.get(key, ""))
        st.session_state["_views_msg"] = ("ok", ui.t("views.renamed"))
    except ViewError as exc:
        st.session_state["_views_msg"] = ("error", str(exc))


def _delete(view_id: int) -> None:
    try:
        views.store().delete(view_id)
        st.session_state["_views_msg"] = ("ok", ui.t("views.deleted"))
    except ViewError as exc:
        st.session_state["_views_msg"] = ("error", str(exc))


def render() -> None:
    st.title(ui.t("page.views"))
    store = views.store()
    st.caption(ui.t("views.intro", path=str(store.path).replace("`", "'")))  # a code span: shown as is
    msg = st.session_state.pop("_views_msg", None)
    if msg:
        (st.error if msg[0] == "error" else st.success)(msg[1])
    try:
        saved = store.list()
    except ViewError as exc:
        st.error(str(exc))
        return
    if not saved:
        st.info(ui.t("views.none"))
        return
    st.download_button(ui.t("views.export"), store.export_json(), file_name="petaflop-views.json",
                       mime="application/json", key="views_export", on_click="ignore")
    for v in saved:
        with st.container(border=True):
            params = {k: val for k, val in v.params.items() if k != "page"}
            page = v.params.get("page", "home")
            head, actions = st.columns([3, 2], vertical_alignment="center")
            with head:
                ui.link(page if page in ui.PAGES else "home", f"**{ui.md(v.name)}**", icon=ui.PAGE_ICONS.get(page),
                        key_params=params)
                st.caption(ui.t("views.meta", kind=ui.t("page." + page) if page in ui.PAGES else page,
                                when=v.updated.replace("T", " ")[:16]))
            with actions, st.popover(ui.t("views.manage"), icon=":material/edit:"):
                key = f"rename_{v.id}"
                st.text_input(ui.t("views.new_name"), value=v.name, key=key, max_chars=80)
                st.button(ui.t("views.rename"), key=f"do_rename_{v.id}", on_click=_rename, args=(v.id, key))
                st.button(ui.t("views.delete"), key=f"do_delete_{v.id}", on_click=_delete, args=(v.id,),
                          icon=":material/delete:")
