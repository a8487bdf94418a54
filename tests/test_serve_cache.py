"""The answers ``petaflop serve`` keeps (petaflop/serve_cache.py): keyed by what makes an answer, bounded in
memory, only complete 200 answers, and one evaluation for the same query asked at once."""

from __future__ import annotations

import asyncio
import urllib.parse

import pytest

from petaflop.serve_cache import AnswerCache, marked
from petaflop.serve_guard import Request, protocol_params

Q = "SELECT ?c WHERE { ?c a <https://petaflop-atlas.org/ontology#Country> } LIMIT 3"
JSON = {"accept": "application/sparql-results+json"}


def ok(body: bytes) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body


def key(method="GET", target="/query", headers=None, body=b"", text=Q):
    req = Request(method, target, headers if headers is not None else JSON, body)
    return AnswerCache.key(text, protocol_params(req), req.headers.get("accept", ""))


def test_the_key_is_the_query_its_graphs_and_its_format():
    get = key(target="/query?query=" + urllib.parse.quote(Q))
    form = key("POST", "/query", {**JSON, "content-type": "application/x-www-form-urlencoded"},
               urllib.parse.urlencode({"query": Q}).encode())
    direct = key("POST", "/query", {**JSON, "content-type": "application/sparql-query"}, Q.encode())
    assert get == form == direct  # the same query by GET or POST: one entry
    assert key(headers={"accept": "text/csv"}) != get  # another format: another answer
    assert key(target="/query?default-graph-uri=" + urllib.parse.quote("https://petaflop-atlas.org/graph/facts")) != get
    assert key(text=Q + " ") != get
    assert key(text=None) is None  # the service description is not kept


def test_only_complete_200_answers_are_kept_within_the_bounds():
    cache = AnswerCache(max_bytes=1000, max_entry=400)
    assert not cache.put(b"a", b"HTTP/1.1 503 Service Unavailable\r\n\r\ntimed out")
    assert not cache.put(b"a", ok(b"x" * 500))  # over the entry bound
    assert cache.get(b"a") is None and cache.size == 0
    for k in (b"1", b"2", b"3"):
        assert cache.put(k, ok(b"y" * 250))
    assert cache.get(b"1") is not None  # used: the least recently used is now 2
    assert cache.put(b"4", ok(b"z" * 250))
    assert cache.get(b"2") is None and cache.get(b"1") and cache.get(b"3") and cache.get(b"4")
    assert cache.size <= 1000 and cache.stats["evicted"] == 1


def test_a_query_asked_by_eight_at_once_is_evaluated_once():
    cache = AnswerCache(max_bytes=1 << 20)
    calls = []

    async def compute() -> bytes:
        calls.append(1)
        await asyncio.sleep(0.05)
        return ok(b'{"rows": 3}')

    async def main():
        first = await asyncio.gather(*(cache.answer(b"k", compute) for _ in range(8)))
        again = await cache.answer(b"k", compute)
        return first, again

    first, again = asyncio.run(main())
    assert len(calls) == 1
    assert sorted(how for _raw, how in first) == ["miss"] + ["shared"] * 7
    assert {raw for raw, _how in first} == {ok(b'{"rows": 3}')}
    assert again == (ok(b'{"rows": 3}'), "hit")
    assert cache.stats == {"hits": 1, "shared": 7, "misses": 1, "kept": 1, "evicted": 0}


def test_an_error_is_not_kept_and_a_failed_evaluation_is_retried_by_the_waiters():
    cache = AnswerCache(max_bytes=1 << 20)
    answers = iter([b"HTTP/1.1 503 Service Unavailable\r\n\r\nbusy", ok(b"{}")])

    async def refused() -> bytes:
        return next(answers)

    async def broken() -> bytes:
        await asyncio.sleep(0.02)
        raise ConnectionError("upstream gone")

    async def good() -> bytes:
        await asyncio.sleep(0.01)
        return ok(b"[]")

    async def main():
        one = await cache.answer(b"e", refused)
        two = await cache.answer(b"e", refused)  # the 503 was not kept: computed again
        owner = asyncio.ensure_future(cache.answer(b"f", broken))
        await asyncio.sleep(0)
        waiter = asyncio.ensure_future(cache.answer(b"f", good))
        with pytest.raises(ConnectionError):
            await owner
        return one, two, await waiter

    one, two, waited = asyncio.run(main())
    assert one[1] == two[1] == "miss" and two[0] == ok(b"{}")
    assert waited == (ok(b"[]"), "miss")  # the waiter computed it itself


def test_the_mark_is_a_header_after_the_status_line():
    raw = marked(ok(b"{}"), "hit")
    assert raw.startswith(b"HTTP/1.1 200 OK\r\nX-Petaflop-Cache: hit\r\nContent-Type: application/json\r\n")
    assert raw.endswith(b"\r\n\r\n{}")
