"""Property tests: random damage to the mini report never crashes the parser or loses a line.

Edits: deleted, duplicated and truncated lines, stray tabs, random bytes. The only
exceptions allowed are the documented ones (ReportFormatError subclasses); otherwise every
non-blank line has exactly one owner or is listed in ``unaccounted_lines``.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import ReportFormatError, document_to_json, line_owners, parse_bytes
from ingest.model import Figure, Table

BASE = (Path(__file__).parent / "fixtures" / "mini_report.txt").read_bytes()
BASE_LINES = BASE.split(b"\n")

edit = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 10_000)),
    st.tuples(st.just("duplicate"), st.integers(0, 10_000)),
    st.tuples(st.just("truncate_line"), st.integers(0, 10_000), st.integers(0, 200)),
    st.tuples(st.just("tab"), st.integers(0, 10_000), st.integers(0, 200)),
    st.tuples(st.just("bytes"), st.integers(0, 10_000), st.binary(min_size=1, max_size=4)),
    st.tuples(st.just("blank"), st.integers(0, 10_000)),
)


def apply(lines: list[bytes], e: tuple) -> list[bytes]:
    if not lines:
        return lines
    i = e[1] % len(lines)
    op = e[0]
    if op == "delete":
        return lines[:i] + lines[i + 1 :]
    if op == "duplicate":
        return [*lines[: i + 1], lines[i], *lines[i + 1 :]]
    if op == "truncate_line":
        return [*lines[:i], lines[i][: e[2]], *lines[i + 1 :]]
    if op == "tab":
        k = min(e[2], len(lines[i]))
        return [*lines[:i], lines[i][:k] + b"\t" + lines[i][k:], *lines[i + 1 :]]
    if op == "bytes":
        k = len(lines[i]) // 2
        return [*lines[:i], lines[i][:k] + e[2] + lines[i][k:], *lines[i + 1 :]]
    if op == "blank":
        return [*lines[:i], b"", *lines[i:]]
    raise AssertionError(op)


def check(data: bytes) -> None:
    try:
        doc = parse_bytes(data, "fuzz.txt")
    except ReportFormatError:
        return
    n = len(doc.lines)
    owners = line_owners(doc)  # raises if two owners claim a line
    unaccounted = {ln for ln, _ in doc.unaccounted_lines}
    for i, line in enumerate(doc.lines, start=1):
        if line.strip():
            assert (owners[i - 1] is not None) != (i in unaccounted), i
    ids = [t.id for t in doc.tables] + [f.id for f in doc.figures]
    assert len(ids) == len(set(ids))
    for ch in doc.chapters:
        assert 1 <= ch.lines.first <= ch.lines.last <= n
        for s in ch.slides:
            for b in s.blocks:
                assert 1 <= b.lines.first <= b.lines.last <= n
                if isinstance(b, Table | Figure) and b.source_line:
                    assert b.lines.first <= b.source_line <= b.lines.last
    document_to_json(doc)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edit, min_size=1, max_size=8))
def test_random_edits_keep_the_invariant(edits):
    lines = list(BASE_LINES)
    for e in edits:
        lines = apply(lines, e)
    check(b"\n".join(lines))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, len(BASE)))
def test_truncated_file(cut):
    check(BASE[:cut])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text):
    check(text.encode("utf-8", "surrogatepass"))


def test_unmodified_fixture_passes():
    check(BASE)
