"""Safety of SPARQL text, decided by tokens before any parser sees it, and exact syntax-error positions.

* :func:`complexity_problem`: too long, too many tokens or nested too deeply for a parser to be
  trusted with (pyoxigraph's recursive-descent parser overflows its stack — a segfault, not an
  exception — at about 2,000 nested ``{``/``(`` or a chain of about 7,000 operands);
* :func:`outbound_problem`: ``SERVICE`` and ``LOAD`` (and Virtuoso's ``DEFINE`` pragmas, which can
  make it fetch) to a host not allowed: a keyword in a string, a comment or an IRI is not one;
* :func:`exact_syntax_message`: ``syntax error at line L, column C: expected …, found '…'`` at the
  token where the text stops being a query (pyoxigraph reports the furthest position any
  alternative of its parser reached, usually the end of the text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from queries.sparql import _POSITION_RE, Token, iter_tokens, syntax_message, tokenize

# --------------------------------------------------------------------------- limits

#: A query longer, with more tokens or nested deeper than this is refused before any parser sees
#: it. pyoxigraph's recursive-descent parser overflows the stack (a segfault, not an exception)
#: at about 2,000 nested ``{``/``(`` or a chain of about 7,000 ``+``/``UNION`` operands (measured
#: on 0.5.13, 8 MB stack); the largest catalogue query has 452 tokens and depth 7.
MAX_QUERY_CHARS = 100_000
MAX_TOKENS = 5_000
MAX_DEPTH = 32
_OPENERS = {"{": "}", "(": ")", "[": "]"}
_CLOSERS = frozenset(_OPENERS.values())


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _at(text: str, offset: int) -> str:
    line, col = position(text, offset)
    return f"line {line}, column {col}"


def complexity_problem(text: str) -> str:
    """Why ``text`` is too big for a parser to be trusted with it ("" when it is not)."""
    if len(text) > MAX_QUERY_CHARS:
        return f"query too long: {len(text):,} characters (limit {MAX_QUERY_CHARS:,})"
    depth = count = 0
    for t in iter_tokens(text):
        count += 1
        if count > MAX_TOKENS:
            return f"query too complex: more than {MAX_TOKENS:,} tokens (limit {MAX_TOKENS:,})"
        if t.kind != "punct":
            continue
        if t.text in _OPENERS:
            depth += 1
            if depth > MAX_DEPTH:
                return (f"query nested too deeply: more than {MAX_DEPTH} levels of {{ }}, ( ) or [ ] at "
                        f"{_at(text, t.start)} (limit {MAX_DEPTH})")
        elif t.text in _CLOSERS:
            depth = max(0, depth - 1)
    return ""


# --------------------------------------------------------------------------- outbound references


@dataclass(frozen=True)
class Outbound:
    """A place where a query or update would make the store send a request: SERVICE or LOAD."""

    keyword: str  # SERVICE, LOAD or DEFINE
    target: str  # the IRI as written (or the variable / pragma)
    host: str  # lower-case host name, "" when it cannot be known before running
    offset: int


def _prefix_map(tokens: list[Token]) -> dict[str, str]:
    out = {}
    for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if a.upper == "PREFIX" and b.kind == "pname" and c.kind == "iri":
            out[b.text.split(":", 1)[0]] = c.text[1:-1]
    return out


def _host(iri: str) -> str:
    import urllib.parse

    try:
        return (urllib.parse.urlsplit(iri).hostname or "").lower()
    except ValueError:
        return ""


def outbound_references(text: str, prefixes: dict[str, str] | None = None) -> list[Outbound]:
    """Every ``SERVICE``, ``LOAD`` (and Virtuoso ``DEFINE`` pragma, which can make it fetch) in ``text``,
    found by tokens: a keyword in a string, a comment or an IRI is not one."""
    tokens = tokenize(text)
    declared = {**(prefixes or {}), **_prefix_map(tokens)}
    out = []
    for i, t in enumerate(tokens):
        if t.upper not in ("SERVICE", "LOAD", "DEFINE"):
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].upper == "SILENT":
            j += 1
        nxt = tokens[j] if j < len(tokens) else None
        target, host = (nxt.text if nxt else ""), ""
        if nxt is not None and nxt.kind == "iri":
            host = _host(nxt.text[1:-1])
        elif nxt is not None and nxt.kind == "pname":
            pfx, _, local = nxt.text.partition(":")
            if pfx in declared:
                host = _host(declared[pfx] + local)
        if t.upper == "DEFINE":
            host = ""
        out.append(Outbound(t.upper, target, host, t.start))
    return out


def outbound_problem(text: str, allowed_hosts: frozenset[str] | set[str] = frozenset(),
                     prefixes: dict[str, str] | None = None) -> str:
    """Why ``text`` may not run ("" when it may): a SERVICE or LOAD to a host not in ``allowed_hosts``."""
    allowed = {h.lower() for h in allowed_hosts}
    for ref in outbound_references(text, prefixes):
        where = _at(text, ref.offset)
        if ref.keyword == "DEFINE":
            return (f"DEFINE at {where}: store pragmas are refused (Virtuoso's can make it fetch remote "
                    "data); this is not SPARQL 1.1")
        if not ref.host:
            return (f"{ref.keyword} {ref.target} at {where}: refused — the host it would contact cannot be "
                    "known before running (give an IRI with a host)")
        if ref.host not in allowed:
            what = "federated queries" if ref.keyword == "SERVICE" else "loading data from the web"
            return (f"{ref.keyword} {ref.target} at {where}: {what} are refused (it would send a request to "
                    f"{ref.host}); pass --allow-service {ref.host} to allow that host")
    return ""


# --------------------------------------------------------------------------- syntax error positions

_BAD_IRI_RE = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*\s")


def lexical_problem(text: str) -> tuple[int, str] | None:
    """A problem the tokeniser sees on its own: an unterminated string or an IRI with a space in it."""
    for t in iter_tokens(text):
        if t.kind == "punct" and t.text in ("\"", "'"):
            return t.start, "string not closed on its line"
        if t.kind == "punct" and t.text == "<":
            m = _BAD_IRI_RE.match(text, t.start)
            if m:
                return t.start, "IRI not closed (an IRI cannot hold a space)"
    return None


def _viable(parse, prefix: str) -> bool:
    """Whether some text could follow ``prefix`` to make a valid query, by pyoxigraph's verdict.

    pyoxigraph (rust-peg) reports the furthest position any alternative reached, which is
    usually the end of the text — too late to point at the mistake. So the text is cut after
    each token: a prefix is *viable* when it parses, or when the parser stopped at its end and
    expected a punctuation mark, a character class or the second word of ORDER BY / GROUP BY
    there; it is not when it stopped inside it or expected only keywords (what rust-peg lists
    after it has backtracked over a token that cannot be there).
    """
    probe = prefix + " "
    try:
        parse(probe)
        return True
    except SyntaxError as exc:
        m = _POSITION_RE.search(str(exc))
        if not m:
            return False
        line, col = int(m.group(1)), int(m.group(2))
        lines = probe.split("\n")
        offset = sum(len(x) + 1 for x in lines[: line - 1]) + col - 1
        if offset < len(probe):
            return False
        expected = m.group(3)
        if re.search(r'"[^A-Za-z"\\]+"', expected) or re.search(r"\[(?!_\])", expected):
            return True
        words = prefix.split()
        return bool(words) and words[-1].upper() in ("ORDER", "GROUP")


def locate_syntax_error(text: str, parse) -> int | None:
    """Offset of the first token after which ``text`` cannot be a valid query (``parse`` raises
    SyntaxError like pyoxigraph's), or None when every prefix is viable (the text stops early)."""
    lexical = lexical_problem(text)
    tokens = tokenize(text)
    lo, hi = 0, len(tokens)  # first non-viable token index in [lo, hi]; hi == len: none
    while lo < hi:
        mid = (lo + hi) // 2
        if _viable(parse, text[: tokens[mid].end]):
            lo = mid + 1
        else:
            hi = mid
    found = tokens[lo].start if lo < len(tokens) else None
    if lexical is not None and (found is None or lexical[0] <= found):
        return lexical[0]
    return found


def _expected_at(parse, text: str, offset: int) -> str:
    """pyoxigraph's list of what may come at ``offset`` (the text cut there), shortened."""
    try:
        parse(text[:offset] + " ")
    except SyntaxError as exc:
        m = _POSITION_RE.search(str(exc))
        if m:
            return _readable_expected(m.group(3))
    return ""


def _readable_expected(raw: str) -> str:
    """pyoxigraph's ``expected one of …`` without its parser internals (``[_]``, Unicode ranges)."""
    body = " ".join(raw.split())
    body = re.sub(r"^expected (one of )?", "", body)
    items = re.findall(r'"(?:[^"\\]|\\.)*"|\[(?:[^\]\\]|\\.)*\]|[^\s,]+', body)
    named = []
    for item in items:
        if item == "[_]" or not item:
            continue
        if item.startswith("["):
            item = "a digit" if item.startswith("['0'") else "a name"
        if item not in named:
            named.append(item)
    if not named:
        return ""
    text = ("expected " if len(named) == 1 else "expected one of ") + ", ".join(named)
    return text[:159] + "…" if len(text) > 160 else text


def exact_syntax_message(exc: SyntaxError, text: str, parse) -> str:
    """``syntax error at line L, column C: expected …, found '…'`` at the token where the text
    stops being a query.

    ``parse`` is pyoxigraph's parser (it raised ``exc`` for ``text``). The position is found by
    cutting the text after each token (a binary search, see :func:`_viable`); what was expected is
    pyoxigraph's list for the text cut just before that token. A text that is fine up to its end
    says ``syntax error at the end of the query``.
    """
    if not _POSITION_RE.search(str(exc)):
        return syntax_message(exc, text)
    try:
        offset = locate_syntax_error(text, parse)
    except RecursionError:
        return syntax_message(exc, text)
    lexical = lexical_problem(text)
    if offset is None:
        end = len(text.rstrip())
        line, col = position(text, end)
        expected = _expected_at(parse, text, end)
        where = (f"syntax error at the end of the query (line {line}, column {col})"
                 + (f": {expected}" if expected else ""))
    else:
        line, col = position(text, offset)
        if lexical is not None and lexical[0] == offset:
            detail = lexical[1]
        else:
            token = next(iter_tokens(text[offset:]), None)
            found = token.text if token is not None else ""
            found = found[:40] + "…" if len(found) > 40 else found
            expected = _expected_at(parse, text, offset)
            detail = (expected + ", " if expected else "") + f"found {found!r}"
        where = f"syntax error at line {line}, column {col}: {detail}"
    lines = text.splitlines()
    if 1 <= line <= len(lines):
        where += f"; the line reads: {lines[line - 1].strip()[:80]}"
    return where
