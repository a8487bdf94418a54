"""Streamlit glue shared by the pages: the cached graph, language, links and provenance badges."""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from foundation.names import local_name
from petaflop.app import config
from petaflop.app.backend import open_backend
from petaflop.app.data import Atlas, Location, Statement, iri_of, report_excerpt, slug
from petaflop.app.i18n import t as _t

LANG_KEY = "lang"
PAGES_DIR = "petaflop/app/pages"
# url_path -> page script (paths relative to app.py, as st.navigation and st.page_link want them)
PAGE_FILES = {
    "home": f"{PAGES_DIR}/home.py",
    "explorer": f"{PAGES_DIR}/explorer.py",
    "object": f"{PAGES_DIR}/object.py",
    "graph": f"{PAGES_DIR}/graph.py",
    "sovereign": f"{PAGES_DIR}/sovereign.py",
    "export-controls": f"{PAGES_DIR}/controls.py",
    "power": f"{PAGES_DIR}/power.py",
    "sparql": f"{PAGES_DIR}/console.py",
    "export": f"{PAGES_DIR}/export.py",
}
# Material icons ship with Streamlit's frontend, so they render without system emoji fonts.
PAGE_ICONS = {"home": ":material/home:", "explorer": ":material/travel_explore:", "object": ":material/description:",
              "graph": ":material/hub:", "sovereign": ":material/public:", "export-controls": ":material/gavel:",
              "power": ":material/bolt:", "sparql": ":material/terminal:", "export": ":material/download:"}
ICON_PLACE = ":material/location_on:"
ICON_RULE = ":material/settings_suggest:"
ICON_WARN = ":material/warning:"
ICON_OBJECT = ":material/description:"


def lang() -> str:
    value = st.session_state.get(LANG_KEY, "en")
    return value if value in ("en", "ko") else "en"


def t(key: str, **kw) -> str:
    return _t(key, lang(), **kw)


def language_switch() -> str:
    """The sidebar's language switch (English / 한국어); its value is kept in the URL as ``lang``."""
    # "_lang" is a plain session key: it survives page switches that reset widget state.
    from_url(LANG_KEY, st.session_state.get("_lang", "en"), options=["en", "ko"])
    st.sidebar.segmented_control(
        "Language / 언어", options=["en", "ko"], format_func=lambda v: {"en": "English", "ko": "한국어"}[v],
        key=LANG_KEY, required=True,
    )
    st.session_state["_lang"] = lang()
    to_url(LANG_KEY, "en")
    return lang()


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_atlas(kind: str, location: str, version: int) -> tuple[Atlas, float]:
    started = time.perf_counter()
    atlas = Atlas.load(open_backend(kind, location))
    return atlas, time.perf_counter() - started


_MEMO: dict[tuple, Atlas] = {}
_KEY: list = [None, -1e9, None]  # source key, when it was computed, the configuration it was computed for


def atlas() -> Atlas:
    """The graph, loaded once per process and graph version (``st.cache_resource``).

    Pages call this in loops (labels, links), so the cached object is also memoised by its
    source key here: a dict look-up instead of hashing the cache key on every call.
    """
    now = time.monotonic()
    where = (config.endpoint_url(), str(config.graph_path()))  # environment reads: cheap, always fresh
    if now - _KEY[1] > 1.0 or where != _KEY[2]:  # stat the file at most once a second per configuration
        _KEY[0], _KEY[1], _KEY[2] = config.source_key(), now, where
    key = _KEY[0]
    hit = _MEMO.get(key)
    if hit is None:
        hit = _MEMO[key] = _load_atlas(*key)[0]
    return hit


def atlas_loaded() -> bool:
    """Whether this process already holds the current graph (so pages render at once)."""
    return config.source_key() in _MEMO


def load_seconds() -> float:
    kind, location, version = config.source_key()
    return _load_atlas(kind, location, version)[1]


@st.cache_resource(show_spinner=False, max_entries=2)
def _report_lines(path: str, mtime: int) -> list[str]:
    from petaflop.app.data import read_report_lines

    return read_report_lines(path)


_REPORT: list = [None, -1e9]


def report_lines() -> tuple[list[str] | None, str]:
    """The report's lines (read at run time from wherever ``resolve_report`` finds it), or the reason.

    Looked up at most once a second (a page shows dozens of provenance badges).
    """
    from foundation.errors import ReportNotFound
    from foundation.paths import resolve_report

    now = time.monotonic()
    if now - _REPORT[1] <= 1.0 and _REPORT[0] is not None:
        return _REPORT[0]
    try:
        path = resolve_report()
        found = (_report_lines(str(path), Path(path).stat().st_mtime_ns), str(path))
    except ReportNotFound as exc:
        found = (None, str(exc))
    _REPORT[0], _REPORT[1] = found, now
    return found


def page_path(name: str) -> str:
    return PAGE_FILES[name]


def object_link(iri: str, label: str | None = None, *, icon: str | None = None, key_hint: str = "") -> None:
    """A link to an object's page (client-side navigation, the id in the URL)."""
    a = atlas()
    st.page_link(page_path("object"), label=label or a.label(iri, lang()), icon=icon,
                 query_params={"id": slug(iri)})


def object_url(iri: str) -> str:
    return f"./object?id={slug(iri)}"


def open_object(iri: str) -> None:
    st.switch_page(page_path("object"), query_params={"id": slug(iri)})


def location_text(loc: Location | None) -> str:
    if loc is None:
        return t("prov.no_location")
    parts = []
    if loc.chapter:
        parts.append(t("prov.chapter", chapter=loc.chapter))
    if loc.table:
        cell = t("prov.cell", row=loc.row, column=loc.column) if loc.row is not None else ""
        parts.append(t("prov.table", table=loc.table) + cell)
    if loc.line_start is not None:
        if loc.line_end not in (None, loc.line_start):
            parts.append(t("prov.lines", start=loc.line_start, end=loc.line_end))
        else:
            parts.append(t("prov.line", line=loc.line_start))
    return " · ".join(parts)


def badge_label(st_: Statement, compact: bool = False) -> str:
    if st_.inferred_by:
        return t("prov.inferred_short")
    if st_.location is None:
        return "?"
    if compact and st_.location.line_start is not None:
        return f"L{st_.location.line_start}"
    return st_.location.short()


def provenance_badge(st_: Statement, *, key: str | None = None, compact: bool = False) -> None:
    """A popover: report location, cited sources, rule, qualifiers and the report's own text there."""
    icon = ICON_RULE if st_.inferred_by else ICON_PLACE
    with st.popover(badge_label(st_, compact), icon=icon, key=key):
        provenance_details(st_)


def provenance_details(st_: Statement) -> None:
    """The badge's content in two elements (one text block, one code block): pages show dozens."""
    a = atlas()
    lg = lang()
    if st_.inferred_by:
        st.markdown("  \n".join(f"**{t('prov.inferred_by')}** `{local_name(rule)}` — {a.rule_label(rule)}"
                                for rule in st_.inferred_by))
        return
    loc = st_.location
    lines = [f"**{t('prov.location')}:** {location_text(loc)}"]
    if loc is not None and loc.slide:
        lines.append(f"**{t('prov.slide')}:** {loc.slide}")
    names = ", ".join(a.label(s, lg) for s in st_.sources) or "—"
    lines.append(f"**{t('prov.sources')}:** {names}")
    extra = []
    if st_.qualifiers:
        extra.append(t("prov.qualifiers") + ": " + ", ".join(st_.qualifiers))
    if st_.as_of:
        extra.append(t("prov.as_of") + ": " + st_.as_of)
    if st_.rule:
        extra.append(t("prov.rule") + ": `" + st_.rule + "`")
    if extra:
        lines.append(" · ".join(extra))
    if st_.conflicting:
        lines.append(ICON_WARN + " " + t("prov.conflicting", n=len(st_.conflicts_with)))
    report, where = report_lines()
    excerpt = report_excerpt(report, loc) if report is not None else []
    if report is None:
        lines.append(t("prov.no_report", reason=where))
    elif excerpt:
        lines.append(f"**{t('prov.report_text')}:**")
    st.markdown("  \n".join(lines))
    if excerpt:
        st.code("\n".join(f"{n}: {text}" for n, text in excerpt), language=None, wrap_lines=True)


def resolve_param(name: str) -> str | None:
    """An object's IRI from a query parameter holding a slug or IRI."""
    raw = st.query_params.get(name)
    if not raw:
        return None
    iri = iri_of(raw)
    return iri if iri in atlas().entities else None


def entity_options(types: set[str] | None = None) -> list[str]:
    """Every object (but claims) sorted by name, for pickers."""
    a = atlas()
    names = display_names()
    items = [i for i, e in a.entities.items() if not a.is_claim(i) and (types is None or e.types & types)]
    return sorted(items, key=lambda i: names[i].casefold())


def display_names() -> dict[str, str]:
    """``{iri: "name · type"}`` in the current language, computed once per graph and language."""
    a = atlas()
    lg = lang()
    cache = a.__dict__.setdefault("_display_names", {})
    names = cache.get(lg)
    if names is None:
        names = {}
        for i in a.entities:
            cls = a.primary_type(i)
            kind = a.class_label(cls, lg) if cls else ""
            names[i] = f"{a.label(i, lg)} · {kind}" if kind else a.label(i, lg)
        cache[lg] = names
    return names


def entity_format(iri: str) -> str:
    return display_names().get(iri) or atlas().label(iri, lang())


def export_available() -> bool:
    """The Export page exists only when the subgraph export (``petaflop.export``) is installed."""
    import importlib.util

    return importlib.util.find_spec("petaflop.export") is not None and \
        (Path(__file__).parent / "pages" / "export.py").is_file()


def html_frame(html: str, height: int) -> None:
    """Self-contained HTML (the pyvis networks) in an iframe: ``st.iframe`` where Streamlit has it."""
    if hasattr(st, "iframe"):
        st.iframe(html, height=height)
    else:  # Streamlit before st.iframe
        import streamlit.components.v1 as components

        components.html(html, height=height)


# ------------------------------------------------------------------ URL state
# Streamlit's ``bind="query-params"`` writes a widget's *formatted* label into the URL, which
# would put translated names and counts in shared links. Widgets with a ``format_func`` keep
# their raw values in the URL through these two helpers instead: ``from_url`` seeds the
# widget's session state from the address on first render, ``to_url`` writes it back.

def from_url(key: str, default=None, *, options=None, multi: bool = False, cast=str) -> None:
    """Initialise ``st.session_state[key]`` from the query parameter ``key`` (valid values only)."""
    if key in st.session_state:
        return
    value = default
    try:
        if multi:
            raw = [cast(v) for v in st.query_params.get_all(key)]
            raw = [v for v in raw if options is None or v in options]
            if raw:
                value = raw
        elif key in st.query_params:
            v = cast(st.query_params[key])
            if options is None or v in options:
                value = v
    except (TypeError, ValueError):
        pass
    if value is not None:
        st.session_state[key] = value


def to_url(key: str, default=None) -> None:
    """Mirror ``st.session_state[key]`` into the query parameter ``key`` (dropped at its default)."""
    value = st.session_state.get(key)
    if value in (None, "", [], ()) or value == default:
        if key in st.query_params:
            del st.query_params[key]
        return
    if isinstance(value, list | tuple):
        st.query_params[key] = [str(v) for v in value]
    else:
        st.query_params[key] = str(value)
