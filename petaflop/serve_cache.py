"""Answers the guard keeps (``petaflop serve``): the store behind it is read-only, so the answer to
a query does not change while the server runs, and an analyst's catalogue query asked again — by
the app's pages, by another reader, by a script in a loop — is answered from memory.

* **the key** is what makes the answer: the query text, the other protocol parameters (default and
  named graphs) in order of name, and the ``Accept`` header (the answer's format). The same query
  sent by ``GET`` or ``POST`` shares its entry. A request without a query (the service description)
  is not kept.
* **what is kept**: complete ``200`` answers only — refusals, time-outs and errors are computed again
  next time — each at most ``max_entry`` bytes, all together at most ``max_bytes``; the least
  recently used go first.
* **the same query at once** (eight clients opening the same catalogue page): one evaluation; the
  others wait for its answer (:meth:`AnswerCache.answer`), so a slow query costs its time once,
  not once per client.
* the guard marks what it answers from memory with ``X-Petaflop-Cache: hit`` (or ``shared``).

The answers live as long as the server process: a rebuilt graph is served by a new ``serve``.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable

#: protocol parameters that change an answer besides the query text
_ANSWER_PARAMS = ("default-graph-uri", "named-graph-uri", "format", "output", "timeout")


class AnswerCache:
    def __init__(self, max_bytes: int, max_entry: int | None = None) -> None:
        self.max_bytes = max(0, max_bytes)
        self.max_entry = min(self.max_bytes, max_entry if max_entry is not None else self.max_bytes // 4)
        self.entries: OrderedDict[bytes, bytes] = OrderedDict()
        self.size = 0
        self.pending: dict[bytes, asyncio.Future[bytes]] = {}
        self.stats = {"hits": 0, "shared": 0, "misses": 0, "kept": 0, "evicted": 0}

    @staticmethod
    def key(text: str | None, params: list[tuple[str, str]], accept: str) -> bytes | None:
        """The key of a query request: its SPARQL ``text``, its protocol ``params`` (URL and form, as the guard
        reads them) and its ``Accept`` header; None when there is no query."""
        if text is None:
            return None
        kept = sorted((k, v) for k, v in params if k in _ANSWER_PARAMS)
        digest = hashlib.sha256()
        for part in (text, repr(kept), accept.strip().lower()):
            digest.update(part.encode("utf-8", "replace") + b"\0")
        return digest.digest()

    def get(self, key: bytes) -> bytes | None:
        raw = self.entries.get(key)
        if raw is not None:
            self.entries.move_to_end(key)
        return raw

    def put(self, key: bytes, raw: bytes) -> bool:
        """Keep a complete ``200`` answer within the bounds; True when it was kept."""
        if not raw.startswith(b"HTTP/1.1 200 ") or len(raw) > self.max_entry:
            return False
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old)
        while self.entries and self.size + len(raw) > self.max_bytes:
            _k, gone = self.entries.popitem(last=False)
            self.size -= len(gone)
            self.stats["evicted"] += 1
        self.entries[key] = raw
        self.size += len(raw)
        self.stats["kept"] += 1
        return True

    async def answer(self, key: bytes, compute: Callable[[], Awaitable[bytes]]) -> tuple[bytes, str]:
        """The answer for ``key`` and how it came: ``hit`` (kept), ``shared`` (another request of the same
        query was being answered: its answer) or ``miss`` (computed by ``compute`` now)."""
        raw = self.get(key)
        if raw is not None:
            self.stats["hits"] += 1
            return raw, "hit"
        running = self.pending.get(key)
        if running is not None:
            try:
                raw = await asyncio.shield(running)
            except asyncio.CancelledError:
                if not running.cancelled():
                    raise  # this request itself was cancelled (the server stops)
            else:
                self.stats["shared"] += 1
                return raw, "shared"
        future: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
        self.pending[key] = future
        self.stats["misses"] += 1
        try:
            raw = await compute()
        except BaseException:
            future.cancel()  # the waiters compute it themselves
            raise
        finally:
            if self.pending.get(key) is future:
                del self.pending[key]
        future.set_result(raw)
        self.put(key, raw)
        return raw, "miss"


def marked(raw: bytes, how: str) -> bytes:
    """``raw`` with the header ``X-Petaflop-Cache: <how>`` after its status line."""
    return raw.replace(b"\r\n", f"\r\nX-Petaflop-Cache: {how}\r\n".encode("latin-1"), 1)
