"""Streamlit glue shared by the pages: the cached graph, language, links, URL state, provenance badges.

Every page lives at ``/?page=NAME&…`` (one Streamlit page, the app's own router): an address
never has a path, so a deep link opens without the 404s Streamlit logs for sub-paths, and
every navigation is a query-string change, which Streamlit records in the browser history.
"""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from foundation.names import local_name
from petaflop.app import config, urlstate
from petaflop.app.backend import open_backend
from petaflop.app.data import Atlas, Location, Statement, iri_of, slug
from petaflop.app.i18n import t as _t
from petaflop.safe_text import escape_html, escape_markdown

LANG_KEY = "lang"
REF_KEY = "ref"
# page name -> (module in petaflop.app.pages, icon). Material icons ship with Streamlit's frontend.
PAGES = {
    "home": ("home", ":material/home:"),
    "explorer": ("explorer", ":material/travel_explore:"),
    "object": ("object", ":material/description:"),
    "graph": ("graph", ":material/hub:"),
    "sovereign": ("sovereign", ":material/public:"),
    "export-controls": ("controls", ":material/gavel:"),
    "power": ("power", ":material/bolt:"),
    "sparql": ("console", ":material/terminal:"),
    "views": ("views", ":material/bookmarks:"),
    "review": ("review", ":material/rate_review:"),
    "export": ("export", ":material/download:"),
}
PAGE_ICONS = {name: icon for name, (_, icon) in PAGES.items()}
ICON_PLACE = ":material/location_on:"
ICON_RULE = ":material/settings_suggest:"
ICON_WARN = ":material/warning:"
ICON_OBJECT = ":material/description:"
ICON_REFERENCE = ":material/library_books:"
ROOT: list = [None]  # the st.Page every link points at (set by the shell each run)


def lang() -> str:
    value = st.session_state.get(LANG_KEY, "en")
    return value if value in ("en", "ko") else "en"


def t(key: str, **kw) -> str:
    return _t(key, lang(), **kw)


def md(text: object) -> str:
    """Report-derived text made inert for Markdown (names, cells, slide titles)."""
    return escape_markdown(text)


def include_reference() -> bool:
    return bool(st.session_state.get(REF_KEY, True))


# ------------------------------------------------------------------ the graph
@st.cache_resource(show_spinner=False, max_entries=4)
def _load_atlas(kind: str, location: str, version: int, reference: bool) -> tuple[Atlas, float]:
    started = time.perf_counter()
    atlas = Atlas.load(open_backend(kind, location), include_reference=reference)
    return atlas, time.perf_counter() - started


_MEMO: dict[tuple, Atlas] = {}
_KEY: list = [None, -1e9, None]  # source key, when it was computed, the configuration it was computed for


def _source_key() -> tuple:
    now = time.monotonic()
    where = (config.endpoint_url(), str(config.graph_path()))  # environment reads: cheap, always fresh
    if now - _KEY[1] > 1.0 or where != _KEY[2]:  # stat the file at most once a second per configuration
        _KEY[0], _KEY[1], _KEY[2] = config.source_key(), now, where
    return _KEY[0]


def atlas() -> Atlas:
    """The graph, loaded once per process, graph version and reference setting (``st.cache_resource``).

    Pages call this in loops (labels, links), so the cached object is also memoised here: a dict
    look-up instead of hashing the cache key on every call.
    """
    key = (*_source_key(), include_reference())
    hit = _MEMO.get(key)
    if hit is None:
        hit = _MEMO[key] = _load_atlas(*key)[0]
    return hit


def atlas_loaded() -> bool:
    """Whether this process already holds the current graph (so pages render at once)."""
    return (*config.source_key(), include_reference()) in _MEMO


def load_seconds() -> float:
    return _load_atlas(*config.source_key(), include_reference())[1]


@st.cache_resource(show_spinner=False, max_entries=2)
def _report_lines(path: str, mtime: int) -> list[str]:
    from petaflop.app.provenance import read_report_lines

    return read_report_lines(path)


_REPORT: list = [None, -1e9]


def report_lines() -> tuple[list[str] | None, str]:
    """The report's lines (read at run time from wherever ``resolve_report`` finds it), or the reason."""
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


# ------------------------------------------------------------------ URL state and links
def url_state(scope: str, *params: urlstate.Param) -> urlstate.UrlState:
    """A page's (or fragment's) URL parameters, read and validated; bad values are noted for the
    message at the top of the page."""
    state = urlstate.UrlState(scope, params)
    state.read()
    declared = st.session_state.setdefault("_url_declared", set())
    declared.update(p.name for p in params)
    if state.notes:
        st.session_state.setdefault("_url_notes", []).extend(state.notes)
    return state


def global_params() -> dict[str, str]:
    """The parameters every link carries: the language and the reference-data switch."""
    out = {}
    if lang() != "en":
        out[LANG_KEY] = lang()
    if not include_reference():
        out[REF_KEY] = "0"
    return out


def page_params(page: str, **params) -> dict[str, str | list[str]]:
    out: dict = {"page": page, **global_params()}
    for k, v in params.items():
        if v in (None, "", [], ()):
            continue
        out[k] = [str(x) for x in v] if isinstance(v, list | tuple) else str(v)
    return out


def link(page: str, label: str, *, icon: str | None = None, help: str | None = None, key_params=None,
         **params) -> None:
    """A link to a page of the app with its parameters (``label`` is Markdown: escape names)."""
    st.page_link(ROOT[0], label=label, icon=icon, help=help, query_params=page_params(page, **(key_params or {}),
                                                                                        **params))


def href(page: str, **params) -> str:
    """The relative address of a page with its parameters (for permalinks and saved views)."""
    from urllib.parse import urlencode

    return "./?" + urlencode(page_params(page, **params), doseq=True)


def go(page: str, **params) -> None:
    """Navigate from code (a button): the address changes (a history entry), then a rerun."""
    urlstate.write(page_params(page, **params))
    st.session_state.pop("_url_seen", None)
    st.rerun()


def object_link(iri: str, label: str | None = None, *, icon: str | None = None, help: str | None = None) -> None:
    """A link to an object's page (the id in the address)."""
    a = atlas()
    link("object", md(label if label is not None else a.label(iri, lang())), icon=icon, help=help, id=slug(iri))


def object_url(iri: str) -> str:
    return href("object", id=slug(iri))


def open_object(iri: str) -> None:
    go("object", id=slug(iri))


# ------------------------------------------------------------------ provenance
def location_text(loc: Location | None) -> str:
    if loc is None or (loc.line_start is None and not loc.table and not loc.chapter):
        return t("prov.no_location")
    parts = []
    if loc.chapter:
        chapter = t("prov.intro") if loc.chapter.lower() in ("intro", "introduction") else loc.chapter
        parts.append(t("prov.chapter", chapter=chapter))
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
    if st_.location is None or (st_.location.line_start is None and not st_.location.table):
        return t("prov.badge")
    if compact and st_.location.line_start is not None:
        return f"L{st_.location.line_start}"
    return st_.location.short()


def provenance_badge(st_: Statement, *, key: str | None = None, compact: bool = False) -> None:
    """A popover: report location, cited sources, rule, qualifiers and the report's own text there."""
    icon = ICON_RULE if st_.inferred_by else ICON_PLACE
    with st.popover(badge_label(st_, compact), icon=icon, key=key):
        provenance_details(st_)


def inferred_help(rules: list[str]) -> str:
    """The hover text of the inferred-link icon: which rule inferred it."""
    a = atlas()
    names = ", ".join(a.rule_label(r, lang()) for r in rules) or "?"
    return t("prov.inferred_help", rules=names)


def provenance_details(st_: Statement) -> None:
    """The badge's content in two elements (one text block, one code block): pages show dozens."""
    from petaflop.app.format import qualifier_words

    a = atlas()
    lg = lang()
    if st_.inferred_by:
        st.markdown("  \n".join(f"**{t('prov.inferred_by')}** `{local_name(rule)}` — {md(a.rule_label(rule, lg))}"
                                for rule in st_.inferred_by))
        return
    loc = st_.location
    lines = [f"**{t('prov.location')}:** {location_text(loc)}"]
    if loc is not None and loc.slide:
        lines.append(f"**{t('prov.slide')}:** {md(loc.slide)}")
    names = ", ".join(md(a.label(s, lg)) for s in st_.sources) or "—"
    lines.append(f"**{t('prov.sources')}:** {names}")
    extra = []
    if st_.qualifiers:
        extra.append(t("prov.qualifiers") + ": " + ", ".join(md(qualifier_words(q, lg)) for q in st_.qualifiers))
    if st_.as_of:
        extra.append(t("prov.as_of") + ": " + md(st_.as_of))
    if st_.rule:
        extra.append(t("prov.rule") + ": `" + st_.rule.replace("`", "'") + "`")
    if st_.reference_source:
        extra.append(t("prov.reference_row") + ": `" + st_.reference_source.replace("`", "'") + "`")
    if extra:
        lines.append(" · ".join(extra))
    if st_.conflicting:
        lines.append(ICON_WARN + " " + t("prov.conflicting", n=len(st_.conflicts_with)))
    report, where = report_lines()
    excerpt = report_excerpt_for(report, loc) if report is not None else []
    if report is None:
        lines.append(md(t("prov.no_report", reason=where)))
    elif excerpt:
        lines.append(f"**{t('prov.report_text')}:**")
    st.markdown("  \n".join(lines))
    if excerpt:
        st.code("\n".join(f"{n}: {text}" for n, text in excerpt), language=None, wrap_lines=True)


def report_excerpt_for(report, loc):
    from petaflop.app.provenance import report_excerpt

    return report_excerpt(report, loc)


def reference_badge(key: str | None = None) -> None:
    """The marker of a fact known only from the reference layer."""
    st.caption(ICON_REFERENCE + " " + t("prov.reference"), help=t("prov.reference_help"))


# ------------------------------------------------------------------ pickers
def entity_options(types: set[str] | None = None) -> list[str]:
    """Every object (but auxiliary nodes) sorted by name, for pickers."""
    a = atlas()
    names = display_names()
    items = [i for i, e in a.entities.items() if not a.is_aux(i) and (types is None or e.types & types)]
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

    return importlib.util.find_spec("petaflop.export") is not None


def html_frame(html: str, height: int) -> None:
    """Self-contained HTML in an iframe."""
    st.iframe(html, height=height)


def legend_html(items: list[tuple[str, str, str]]) -> str:
    """A legend row: ``(colour, shape, label)`` → inline HTML (labels escaped)."""
    shapes = {"dot": "border-radius:50%", "box": "border-radius:2px", "diamond": "transform:rotate(45deg)",
              "line": "height:2px;width:18px;border-radius:0", "dash": "height:0;width:18px;border-top:2px dashed"}
    out = []
    for colour, shape, label in items:
        style = shapes.get(shape, shapes["dot"])
        box = (f'<span style="display:inline-block;width:11px;height:11px;margin-right:4px;'
               f'background:{escape_html(colour)};{style}"></span>')
        if shape == "dash":
            box = (f'<span style="display:inline-block;width:18px;margin-right:4px;vertical-align:middle;'
                   f'border-top:2px dashed {escape_html(colour)}"></span>')
        out.append(f'<span style="margin-right:14px;white-space:nowrap">{box}{escape_html(label)}</span>')
    return '<div style="line-height:1.9;font-size:0.85rem">' + "".join(out) + "</div>"


def iri_of_slug(value: str) -> str:
    return iri_of(value)
