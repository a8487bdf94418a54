"""SPARQL text: a lexer, the shape of a query, typed-term serialisation and parameter insertion.

This module never pastes a user's value into query text as a raw string. Values become RDF
terms (``pyoxigraph`` terms) and are written with :func:`term_to_sparql`, which emits only
well-formed IRIs (validated by ``pyoxigraph.NamedNode``) and literals whose lexical form is
escaped with SPARQL's ``ECHAR`` escapes (``\\"``, ``\\\\``, ``\\n`` …) — never ``\\u``
escapes, which some engines expand before parsing.

The lexer is a real tokeniser (IRIs, the four string forms, comments, variables, prefixed
names, numbers, punctuation), so that structure is found by tokens and brace depth, never by
substring search: ``# INSERT`` in a comment or ``"DELETE"`` in a string is not an update, and
the ``{`` inside ``"{"`` is not a group. :func:`analyse` reports the query form (or that the
text is an update), where the outermost ``WHERE`` group opens, the projection and the
``GROUP BY`` clause; :func:`insert_values` and :func:`project_variables` use those positions.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

import pyoxigraph as ox

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
AGGREGATES = frozenset({"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"})

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
             | '''(?:[^'\\]|\\.|'(?!''))*'''
             | "(?:[^"\\\n\r]|\\.)*"
             | '(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7]+)
  | (?P<bnode>_:[\w\u00B7-]*(?:\.[\w\u00B7-]+)*)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[^\W\d_][\w\u00B7.-]*)?:(?:[\w\u00B7:%-]|\\[^\s]|\.(?=[\w\u00B7:%-]))*)
  | (?P<number>\d*\.\d+(?:[eE][+-]?\d+)?|\d+\.\d*[eE][+-]?\d+|\d+(?:[eE][+-]?\d+)?)
  | (?P<name>[^\W\d][\w]*)
  | (?P<punct>\^\^|&&|\|\||!=|<=|>=|.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str  # string, iri, var, bnode, lang, pname, number, name, punct
    text: str
    start: int
    end: int

    @property
    def upper(self) -> str:
        return self.text.upper() if self.kind == "name" else ""


def iter_tokens(text: str):
    """Significant tokens (whitespace and comments dropped), with their offsets in ``text``."""
    pos = 0
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        assert m is not None  # the last alternative matches any character
        kind = m.lastgroup or "punct"
        if kind not in ("ws", "comment"):
            yield Token(kind, m.group(), m.start(), m.end())
        pos = m.end()


def tokenize(text: str) -> list[Token]:
    return list(iter_tokens(text))


@dataclass
class QueryShape:
    """What the tokens say about a query (positions are offsets into the text)."""

    form: str  # SELECT/CONSTRUCT/DESCRIBE/ASK, or UPDATE, or "" when unrecognisable
    update_keyword: str = ""  # for updates: the first operation keyword (INSERT, DROP, …)
    form_start: int = -1  # offset of the form keyword
    form_end: int = -1
    where_open: int = -1  # offset just after the "{" opening the outermost WHERE group
    where_close: int = -1  # offset of the matching "}"
    where_is_template: bool = False  # CONSTRUCT WHERE { triples }: the group cannot hold VALUES
    projection: list[str] = field(default_factory=list)  # plain ?vars projected by SELECT
    projection_end: int = -1  # where more ?vars may be appended to the SELECT clause
    select_star: bool = False
    has_aggregate: bool = False  # aggregate in the projection or a HAVING clause
    group_by_end: int = -1  # offset just after "GROUP BY", or -1
    variables: set[str] = field(default_factory=set)  # every variable name used anywhere
    assigned: set[str] = field(default_factory=set)  # variables bound by "AS ?x"
    in_expression: set[str] = field(default_factory=set)  # variables read by a "(… AS ?x)" or BIND expression
    prefixes_used: set[str] = field(default_factory=set)  # prefixes of the prefixed names in the body
    prefixes_declared: set[str] = field(default_factory=set)  # PREFIX declarations of the prologue

    @property
    def is_update(self) -> bool:
        return self.form == "UPDATE"


def _match_close(tokens: list[Token], i: int) -> int:
    """Index of the "}" closing the "{" at tokens[i] (or len(tokens) if unbalanced)."""
    depth = 0
    for j in range(i, len(tokens)):
        t = tokens[j].text if tokens[j].kind == "punct" else ""
        if t == "{":
            depth += 1
        elif t == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(tokens)


def _first_keyword(text: str) -> Token | None:
    """The first token after the prologue (BASE/PREFIX declarations)."""
    skip = 0
    for t in iter_tokens(text):
        if skip:
            skip -= 1
        elif t.upper == "BASE":
            skip = 1
        elif t.upper == "PREFIX":
            skip = 2
        else:
            return t
    return None


def _select_clause(tokens: list[Token], j: int) -> tuple[list[str], bool, bool, int]:
    """The SELECT clause starting at ``tokens[j]`` (after the keyword), up to WHERE / FROM / "{"
    at parenthesis depth 0: its plain ``?vars``, whether it is ``*``, whether it aggregates, and
    the index of the token that ends it."""
    projection: list[str] = []
    star = aggregate = False
    paren = 0
    if j < len(tokens) and tokens[j].upper in ("DISTINCT", "REDUCED"):
        j += 1
    while j < len(tokens):
        t = tokens[j]
        if t.kind == "punct" and t.text == "(":
            paren += 1
        elif t.kind == "punct" and t.text == ")":
            paren -= 1
        elif paren == 0 and (t.upper in ("WHERE", "FROM") or t.text == "{"):
            break
        elif paren == 0 and t.kind == "var":
            projection.append(t.text[1:])
        elif paren == 0 and t.kind == "punct" and t.text == "*":
            star = True
        if t.kind == "name" and t.upper in AGGREGATES and j + 1 < len(tokens) and tokens[j + 1].text == "(":
            aggregate = True
        j += 1
    return projection, star, aggregate, j


def analyse(text: str) -> QueryShape:
    """The form of a query or update and the positions parameter binding needs."""
    shape = QueryShape(form="")
    head = _first_keyword(text)
    if head is not None and head.upper in UPDATE_KEYWORDS:  # an update: its (long) body is not needed
        shape.form, shape.update_keyword = "UPDATE", head.upper
        return shape
    tokens = tokenize(text)
    shape.variables = {t.text[1:] for t in tokens if t.kind == "var"}
    for a, b in itertools.pairwise(tokens):
        if a.upper == "PREFIX" and b.kind == "pname":
            shape.prefixes_declared.add(b.text.split(":", 1)[0])
    shape.prefixes_used = {t.text.split(":", 1)[0] for t in tokens if t.kind == "pname"} - shape.prefixes_declared
    for a, b in itertools.pairwise(tokens):
        if a.upper == "AS" and b.kind == "var":
            shape.assigned.add(b.text[1:])
    opened: list[int] = []
    for k, t in enumerate(tokens):
        if t.kind != "punct":
            continue
        if t.text == "(":
            opened.append(k)
        elif t.text == ")" and opened:
            start = opened.pop()
            if k - start >= 3 and tokens[k - 2].upper == "AS" and tokens[k - 1].kind == "var":
                shape.in_expression.update(x.text[1:] for x in tokens[start + 1: k - 2] if x.kind == "var")
    i = 0
    # Prologue: BASE <iri> | PREFIX pname: <iri>
    while i < len(tokens):
        if tokens[i].upper == "BASE":
            i += 2
        elif tokens[i].upper == "PREFIX":
            i += 3
        else:
            break
    if i >= len(tokens):
        return shape
    head = tokens[i]
    if head.upper in UPDATE_KEYWORDS:
        shape.form = "UPDATE"
        shape.update_keyword = head.upper
        return shape
    if head.upper not in QUERY_FORMS:
        return shape
    shape.form = head.upper
    shape.form_start, shape.form_end = head.start, head.end
    j = i + 1
    if shape.form == "CONSTRUCT" and j < len(tokens) and tokens[j].text == "{":
        j = _match_close(tokens, j) + 1  # skip the template
    if shape.form == "CONSTRUCT" and j < len(tokens) and tokens[j].upper == "WHERE" and i + 1 == j:
        shape.where_is_template = True
    if shape.form == "SELECT":
        shape.projection, shape.select_star, shape.has_aggregate, j = _select_clause(tokens, j)
        shape.projection_end = tokens[j - 1].end if j > 0 else -1
    # the outermost group: the first "{" at depth 0 from here
    while j < len(tokens) and not (tokens[j].kind == "punct" and tokens[j].text == "{"):
        j += 1
    if j < len(tokens):
        close = _match_close(tokens, j)
        shape.where_open = tokens[j].end
        shape.where_close = tokens[close].start if close < len(tokens) else len(text)
        k = close + 1
        while k < len(tokens):
            t = tokens[k]
            if t.upper == "GROUP" and k + 1 < len(tokens) and tokens[k + 1].upper == "BY":
                shape.group_by_end = tokens[k + 1].end
            elif t.upper == "HAVING":
                shape.has_aggregate = True
            k += 1
    return shape


# --------------------------------------------------------------------------- terms

_LANG_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*\Z")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_ECHAR_RE = re.compile(r'[\\"\n\r\t\b\f]')


def quote_string(value: str) -> str:
    """A SPARQL ``STRING_LITERAL2`` for any Python string, using only ECHAR escapes."""
    return '"' + _ECHAR_RE.sub(lambda m: _ECHAR[m.group()], value) + '"'


def term_to_sparql(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """Serialise an RDF term for SPARQL text (IRI re-validated; literals escaped, typed)."""
    if isinstance(term, ox.NamedNode):
        return f"<{ox.NamedNode(term.value).value}>"
    if isinstance(term, ox.Literal):
        body = quote_string(term.value)
        if term.language:
            if not _LANG_RE.match(term.language):
                raise ValueError(f"invalid language tag {term.language!r}")
            return f"{body}@{term.language}"
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return body
        return f"{body}^^<{ox.NamedNode(dt).value}>"
    if isinstance(term, ox.BlankNode):
        raise ValueError("a blank node cannot be bound as a parameter")
    raise TypeError(f"not an RDF term: {term!r}")


def declare_prefixes(text: str, prefixes: dict[str, str]) -> str:
    """``PREFIX p: <iri>`` declarations put in front of the text, on its first line (line numbers stay)."""
    return "".join(f"PREFIX {p}: <{ox.NamedNode(iri).value}> " for p, iri in prefixes.items()) + text


def values_block(bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """``VALUES (?a ?b) { (t1 t2) }`` for one row of bindings."""
    names = list(bindings)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"invalid variable name {name!r}")
    head = " ".join(f"?{n}" for n in names)
    row = " ".join(term_to_sparql(bindings[n]) for n in names)
    return f"VALUES ({head}) {{ ({row}) }}"


def insert_values(text: str, bindings: dict[str, ox.NamedNode | ox.Literal], shape: QueryShape | None = None) -> str:
    """Bind variables by a VALUES block at the start of the outermost WHERE group.

    Placed there, the block is joined with the whole group, so a FILTER or BIND of that group
    (and an OPTIONAL's condition) sees the value. Where the group cannot hold it (``CONSTRUCT
    WHERE { … }`` short form, ``DESCRIBE <x>`` without WHERE) the block is appended as the
    query's trailing VALUES clause instead.

    Sub-queries are evaluated before the group around them sees the block, so each sub-query
    that projects a bound variable gets the block too (for the variables it projects): the
    answers are the same — its rows are joined on that variable anyway — but a store evaluates
    it for the one value instead of for every value and then drops the rest (on Oxigraph 0.5 at
    10^6 triples: 10–20 s per entity query without, milliseconds with).
    """
    if not bindings:
        return text
    shape = shape or analyse(text)
    block = values_block(bindings)
    cuts = [(at, values_block({n: bindings[n] for n in names}))
            for at, names in subquery_groups(text, list(bindings)) if at != shape.where_open]
    if shape.where_open >= 0 and not shape.where_is_template:
        cuts.append((shape.where_open, block))
        tail = ""
    else:
        tail = f"\n{block}\n"
    out = text if not tail else text.rstrip()
    for at, piece in sorted(cuts, reverse=True):
        out = f"{out[:at]} {piece} {out[at:]}"
    return out + tail


def subquery_groups(text: str, names: list[str]) -> list[tuple[int, list[str]]]:
    """For each nested ``SELECT`` that projects some of ``names`` (plainly, or by ``*``): the
    offset just after the "{" opening its WHERE group, and which of the names it projects."""
    tokens = tokenize(text)
    out = []
    depth = 0
    for i, t in enumerate(tokens):
        if t.kind == "punct" and t.text in "{}":
            depth += 1 if t.text == "{" else -1
            continue
        if t.upper != "SELECT" or depth == 0:
            continue
        projected, star, _, j = _select_clause(tokens, i + 1)
        while j < len(tokens) and not (tokens[j].kind == "punct" and tokens[j].text == "{"):
            j += 1  # past WHERE
        wanted = [n for n in names if star or n in projected]
        if wanted and j < len(tokens):
            out.append((tokens[j].end, wanted))
    return out


def project_variables(text: str, names: list[str], shape: QueryShape) -> str:
    """Append ``?names`` to a SELECT's projection (and its GROUP BY, if any).

    Used for pyoxigraph's ``substitutions=``, which only accepts variables the SELECT projects.
    Grouping by a variable that has one fixed value does not change the groups.
    """
    extra = [n for n in names if n not in shape.projection]
    if not extra:
        return text
    add = "".join(f" ?{n}" for n in extra)
    cuts = [(shape.projection_end, add)]
    if shape.group_by_end >= 0:
        cuts.append((shape.group_by_end, add))
    out = text
    for pos, piece in sorted(cuts, reverse=True):
        out = out[:pos] + piece + out[pos:]
    return out


def select_from_ask(text: str, names: list[str], shape: QueryShape) -> str:
    """``ASK {…}`` → ``SELECT ?names {…} LIMIT 1``: true iff a row comes back."""
    proj = " ".join(f"?{n}" for n in names) or "*"
    return f"{text[: shape.form_start]}SELECT {proj}{text[shape.form_end:]}"


_POSITION_RE = re.compile(r"error at (\d+):(\d+): ?(.*)", re.DOTALL)


def undeclared_prefix_message(text: str, prefix: str, known: list[str]) -> str:
    """``unknown prefix 'foo:' at line L, column C`` for the first use of an undeclared prefix."""
    for t in iter_tokens(text):
        if t.kind == "pname" and t.text.split(":", 1)[0] == prefix:
            line = text.count("\n", 0, t.start) + 1
            col = t.start - (text.rfind("\n", 0, t.start) + 1) + 1
            return (f"syntax error at line {line}, column {col}: unknown prefix '{prefix}:' — declare it "
                    f"(PREFIX {prefix}: <…>) or use one of {', '.join(known)}")
    return f"syntax error: unknown prefix '{prefix}:'"


def syntax_message(exc: SyntaxError, text: str | None = None) -> str:
    """``syntax error at line L, column C: …`` from pyoxigraph's ``error at L:C: …``.

    pyoxigraph's parser reports the furthest position it reached (1-based line and column),
    which is at or just after the offending token.
    """
    msg = str(exc)
    m = _POSITION_RE.search(msg)
    if not m:
        return f"syntax error: {msg}"
    line, col, rest = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    if len(rest) > 160:  # pyoxigraph can list every character class it expected
        rest = rest[:159] + "…"
    where = f"syntax error at line {line}, column {col}: {rest}"
    if text is not None:
        lines = text.splitlines()
        if 1 <= line <= len(lines):
            where += f"; the line reads: {lines[line - 1].strip()[:80]}"
    return where


# Keywords whose meaning inside an OPTIONAL group depends on evaluating the group on its own
# (a BIND or sub-query reading an outer variable sees it unbound there, not substituted).
_NOT_LATERAL = frozenset({"BIND", "VALUES", "SELECT", "SERVICE", "MINUS", "EXISTS", "UNION", "LATERAL", "OPTIONAL"})


@functools.lru_cache(maxsize=512)
def lateral_optionals(text: str, prefixes: tuple[tuple[str, str], ...] = ()) -> str:
    """``P OPTIONAL { B }`` → ``P LATERAL { OPTIONAL { B } }`` for Oxigraph, where ``B`` is only
    triple patterns, ``GRAPH`` groups and ``FILTER``\\s, or one grouped sub-query joined on its
    group keys.

    Oxigraph (0.5, no cost-based planner) evaluates an OPTIONAL's group once on its own and joins
    it by hash: a provenance look-up (``?st rdf:subject ?s ; rdf:predicate ?p …``) then reads every
    statement of the graph for a handful of rows — 0.3 s on the report graph, minutes at 10^7.
    ``LATERAL`` (an Oxigraph extension) evaluates the group once per row with the row's bindings
    in place, through the indexes. For such groups both forms give the same solutions (a FILTER
    inside an OPTIONAL already sees the outer row; a sub-query ``SELECT ?k … GROUP BY ?k`` given
    the row's ``?k`` computes that one group). Groups holding anything whose meaning depends on the
    group being evaluated alone (BIND, VALUES, EXISTS, UNION, MINUS, SERVICE, a nested OPTIONAL; in
    a sub-query: ordering, a limit, a key assigned by BIND or AS, or a variable shared with the rest of the
    query that is not a group key) are left as written. Found by tokens, so ``OPTIONAL`` in a
    string or a comment is never touched.
    """
    tokens = tokenize(text)
    spans: list[tuple[int, int]] = []
    for i, tok in enumerate(tokens):
        if tok.upper != "OPTIONAL" or i + 1 >= len(tokens) or tokens[i + 1].text != "{":
            continue
        close = _match_close(tokens, i + 1)
        if close >= len(tokens) or (i > 1 and tokens[i - 1].text == "{" and tokens[i - 2].upper == "LATERAL"):
            continue
        inner = tokens[i + 2:close]
        plain = not any(t.upper in _NOT_LATERAL for t in inner)
        if plain or _keyed_subquery(tokens, i + 1, close):
            spans.append((tok.start, tokens[close].end))
    known = dict(prefixes)
    if not spans or not _parses(text, known):
        return text
    # each rewrite is kept only if Oxigraph still parses the query (it refuses some sub-queries
    # under LATERAL that SPARQL allows under OPTIONAL): a query is never broken by this
    kept: list[tuple[int, int]] = []
    for span in spans:
        if _parses(_with_lateral(text, [*kept, span]), known):
            kept.append(span)
    return _with_lateral(text, kept)


def _with_lateral(text: str, spans: list[tuple[int, int]]) -> str:
    # one insertion per point, from the end: nested spans (a sub-query holding an OPTIONAL) stay right
    inserts = sorted([(start, 1, "LATERAL { ") for start, _ in spans] + [(end, 0, " }") for _, end in spans],
                     reverse=True)
    for at, _order, piece in inserts:
        text = text[:at] + piece + text[at:]
    return text


def _parses(text: str, prefixes: dict[str, str]) -> bool:
    try:
        ox.Store().query(text, prefixes=prefixes or None)  # parsed when called; solutions are computed only when read
    except SyntaxError:
        return False
    except (RuntimeError, ValueError):
        return True  # parsed, refused later for another reason (the caller reports it as before)
    return True


_SUBQUERY_STOP = frozenset({"ORDER", "LIMIT", "OFFSET", "SERVICE", "LATERAL", "MINUS", "EXISTS"})


def _keyed_subquery(tokens: list[Token], open_: int, close: int) -> bool:
    """Whether the group ``tokens[open_]..tokens[close]`` is ``{ SELECT … WHERE { … } GROUP BY ?k… }``
    whose variables shared with the rest of the query are all projected group keys — given the
    outer row's keys, it computes exactly the groups the row joins with."""
    inner = tokens[open_ + 1:close]
    if not inner or inner[0].upper != "SELECT" or sum(t.upper == "SELECT" for t in inner) != 1:
        return False
    if any(t.upper in _SUBQUERY_STOP for t in inner):
        return False
    projected, star, _aggregate, _j = _select_clause(inner, 1)
    by = next((k for k in range(len(inner) - 1) if inner[k].upper == "GROUP" and inner[k + 1].upper == "BY"), -1)
    if star or by < 0:
        return False
    keys = set()
    for t in inner[by + 2:]:
        if t.kind != "var":
            return False  # a key that is an expression
        keys.add(t.text[1:])
    if not keys <= set(projected):
        return False
    assigned = {inner[k + 1].text[1:] for k in range(len(inner) - 1) if inner[k].upper == "AS"}
    if keys & assigned:  # a key a BIND or a projection assigns (a VALUES block only restricts it: kept)
        return False
    # variables the rest of the WHERE group uses (the projection and ORDER BY bind nothing)
    where = next((k for k in range(open_) if tokens[k].upper == "WHERE" or (tokens[k].text == "{" and k > 0
                  and tokens[k - 1].upper not in ("LATERAL", "OPTIONAL", "GRAPH"))), 0)
    end = _match_close(tokens, where + 1 if tokens[where].upper == "WHERE" else where)
    outside = {t.text[1:] for k, t in enumerate(tokens) if t.kind == "var" and where < k < end
               and not open_ <= k <= close}
    used = {t.text[1:] for t in inner if t.kind == "var"}
    return used & outside <= keys
