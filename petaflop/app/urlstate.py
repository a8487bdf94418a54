"""The address bar is the app's state: every page reads its parameters from the URL and writes them back.

Streamlit pushes a browser-history entry whenever the script changes ``st.query_params`` to a
query string the address bar does not already show, and on Back/Forward it reruns the script
with the older query string. So the whole of navigation works if each page

1. reads its state from the URL (:meth:`UrlState.read`: every value validated; a garbage
   value is replaced by the default and noted, a too-long one is cut and noted),
2. seeds its widgets from the URL when the URL changed *from outside* — a deep link, a link
   click, Back or Forward — and otherwise lets the widget's own state win
   (:meth:`UrlState.seed`), and
3. writes the state it shows back (:meth:`UrlState.publish`, one message per run, only when
   something changed, keys in a stable order so equal states give equal addresses).

No Streamlit widget is bound with ``bind="query-params"``: that writes a widget's *formatted*
label into the address (translated names) and forbids setting the key from code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import streamlit as st

MAX_VALUE_CHARS = 2000  # one URL value (an ad-hoc SPARQL query is the longest)
MAX_LIST_ITEMS = 60
SEEN_KEY = "_url_seen"
GLOBAL_PARAMS = ("page", "lang", "ref")


@dataclass(frozen=True)
class Param:
    """One URL parameter: its kind, default, allowed values and limits.

    ``kind``: ``str``, ``list`` (repeated key), ``float``, ``int`` or ``bool`` (``1``/``0``).
    ``options``: allowed values (a sequence or a callable returning one), ``None`` for any.
    """

    name: str
    default: object = None
    kind: str = "str"
    options: Sequence | Callable[[], Sequence] | None = None
    lo: float | None = None
    hi: float | None = None
    max_chars: int = 200
    widget: str | None = None  # the widget's session key, when it differs from the name

    @property
    def key(self) -> str:
        return self.widget or self.name

    def allowed(self) -> Sequence | None:
        return self.options() if callable(self.options) else self.options


@dataclass
class Note:
    """A problem with the address: which parameter, what was wrong (``garbage``/``cut``/``items``)."""

    param: str
    problem: str
    value: str = ""


def _raw(name: str, multi: bool):
    qp = st.query_params
    if multi:
        values = qp.get_all(name)
        return list(values) if values else None
    return qp.get(name) if name in qp else None


def parse(param: Param, raw, notes: list[Note]):
    """A raw URL value (``str``, ``list[str]`` or ``None``) as the parameter's typed value."""
    if raw is None:
        return param.default
    if param.kind == "list":
        items = list(raw)
        if len(items) > MAX_LIST_ITEMS:
            notes.append(Note(param.name, "items", str(len(items))))
            items = items[:MAX_LIST_ITEMS]
        allowed = param.allowed()
        good = []
        for item in items:
            if len(item) > param.max_chars or (allowed is not None and item not in allowed):
                notes.append(Note(param.name, "garbage", item[:60]))
                continue
            if item not in good:
                good.append(item)
        return good
    text = raw if isinstance(raw, str) else (raw[-1] if raw else "")
    if len(text) > param.max_chars:
        notes.append(Note(param.name, "cut", str(len(text))))
        if param.kind != "str" or param.options is not None:
            return param.default
        return text[: param.max_chars]
    try:
        if param.kind == "float":
            value = float(text)
            if value != value or value in (float("inf"), float("-inf")):
                raise ValueError(text)
        elif param.kind == "int":
            value = int(text)
        elif param.kind == "bool":
            if text not in ("0", "1", "true", "false"):
                raise ValueError(text)
            value = text in ("1", "true")
        else:
            value = text
    except ValueError:
        notes.append(Note(param.name, "garbage", text[:60]))
        return param.default
    if param.kind in ("float", "int") and ((param.lo is not None and value < param.lo)
                                           or (param.hi is not None and value > param.hi)):
        notes.append(Note(param.name, "garbage", text[:60]))
        return param.default
    allowed = param.allowed()
    if allowed is not None and value not in allowed:
        notes.append(Note(param.name, "garbage", text[:60]))
        return param.default
    return value


def unparse(param: Param, value):
    """A typed value as the URL's raw value (``None`` at the default: the key is left out)."""
    if value is None or value == param.default or value in ("", [], ()):
        return None
    if param.kind == "list":
        return [str(v) for v in value]
    if param.kind == "bool":
        return "1" if value else "0"
    if param.kind == "float":
        return f"{float(value):g}"
    return str(value)


@dataclass
class UrlState:
    """The parameters of one page (or one fragment of a page); see the module docstring."""

    scope: str
    params: Iterable[Param]
    values: dict = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    changed_outside: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.params = {p.name: p for p in self.params}

    def _seen(self) -> dict:
        return st.session_state.setdefault(SEEN_KEY, {})

    def read(self) -> dict:
        """Every parameter's value from the URL (validated); which ones changed since this session
        last wrote them (``changed_outside``)."""
        seen = self._seen()
        for name, p in self.params.items():
            raw = _raw(name, p.kind == "list")
            self.values[name] = parse(p, raw, self.notes)
            if seen.get((self.scope, name), "<unset>") != raw:
                self.changed_outside.add(name)
        return self.values

    def __getitem__(self, name: str):
        return self.values[name]

    def seed(self, name: str, options: Sequence | None = None) -> None:
        """Before the widget for ``name`` is created: put the URL's value in its session state
        when the address changed from outside (or the widget has no state yet).

        ``options``: the widget's choices, when only known now; a value outside them is noted
        and replaced by the default (list items are dropped)."""
        p = self.params[name]
        value = self.values[name]
        if options is not None:
            allowed = set(options)
            if isinstance(value, list):
                bad = [v for v in value if v not in allowed]
                if bad:
                    self.notes.append(Note(name, "garbage", bad[0][:60]))
                    st.session_state.setdefault("_url_notes", []).append(self.notes[-1])
                    value = self.values[name] = [v for v in value if v in allowed]
            elif value not in allowed:
                self.notes.append(Note(name, "garbage", str(value)[:60]))
                st.session_state.setdefault("_url_notes", []).append(self.notes[-1])
                value = self.values[name] = p.default
            current = st.session_state.get(p.key)
            stale = current is not None and (any(v not in allowed for v in current) if isinstance(current, list)
                                             else current not in allowed)
        else:
            stale = False
        if name in self.changed_outside or p.key not in st.session_state or stale:
            st.session_state[p.key] = list(value) if isinstance(value, list) else value

    def set(self, name: str, value) -> None:
        self.values[name] = value

    def publish(self, **values) -> None:
        """Write this scope's values (``values`` override what was read) into the address."""
        self.values.update(values)
        seen = self._seen()
        current = {k: st.query_params.get_all(k) for k in st.query_params}
        target = {k: (v if len(v) > 1 else v[0]) for k, v in current.items()}
        for name, p in self.params.items():
            raw = unparse(p, self.values.get(name, p.default))
            seen[(self.scope, name)] = raw
            if raw is None:
                target.pop(name, None)
            else:
                target[name] = raw
        write(target)


def write(target: dict) -> None:
    """Replace the query string with ``target`` (global keys first).

    Sent even when the server already holds these values: after a link click the server has the
    new query string but the address bar still shows the old one, and this message is what makes
    the browser show it (and record it in the history); an unchanged address is not recorded twice.
    """
    ordered = {k: target[k] for k in GLOBAL_PARAMS if k in target}
    ordered.update({k: v for k, v in target.items() if k not in ordered})
    st.query_params.from_dict(ordered)


def note_texts(notes: list[Note], t: Callable[..., str]) -> list[str]:
    """One line per note, in the UI language (``t`` is the translator)."""
    from petaflop.safe_text import escape_markdown as esc

    out = []
    for n in notes:
        param = n.param[:40].replace("`", "'")  # shown in a code span: as is, never as markup
        if n.problem == "cut":
            out.append(t("url.cut", param=param, n=n.value))
        elif n.problem == "items":
            out.append(t("url.items", param=param, n=n.value, max=MAX_LIST_ITEMS))
        elif n.problem == "unknown":
            out.append(t("url.unknown", param=param))
        else:
            out.append(t("url.garbage", param=param, value=esc(n.value)))
    return out
