"""Saving the current view from any page (a popover), on top of :mod:`petaflop.app.savedviews`."""

from __future__ import annotations

import streamlit as st

from petaflop.app import ui
from petaflop.app.savedviews import ViewError, ViewStore


def store() -> ViewStore:
    return ViewStore()


def current_params() -> dict:
    """The address of what the page shows now, without the viewer's language."""
    out = {}
    for key in st.query_params:
        if key == ui.LANG_KEY:
            continue
        values = st.query_params.get_all(key)
        out[key] = values if len(values) > 1 else values[0]
    return out


def _save(kind: str, name_key: str) -> None:
    name = st.session_state.get(name_key, "")
    try:
        view = store().save(name, kind, current_params())
    except ViewError as exc:
        st.session_state["_view_msg"] = ("error", str(exc))
        return
    st.session_state["_view_msg"] = ("ok", ui.t("views.saved", name=ui.md(view.name)))
    st.session_state[name_key] = ""


def save_box(kind: str) -> None:
    """A "Save this view" popover: a name, a button, the outcome."""
    name_key = f"view_name_{kind}"
    with st.popover(ui.t("views.save"), icon=":material/bookmark_add:"):
        st.text_input(ui.t("views.name"), key=name_key, max_chars=80, placeholder=ui.t("views.name_hint"))
        st.button(ui.t("views.save_button"), key=f"view_save_{kind}", on_click=_save, args=(kind, name_key),
                  type="primary")
        msg = st.session_state.pop("_view_msg", None)
        if msg:
            (st.error if msg[0] == "error" else st.success)(msg[1])
