"""The catalogue's answers computed when ``petaflop serve`` starts: a materialised view of every
catalogue query with its default parameters.

The store behind the guard is read-only, so an answer computed once stays right for the life of the
server. Right after the guard starts listening, a background thread asks the guard itself each
catalogue query with its default parameters, one at a time, in the two forms clients send:

* **petaflop's own client** (``petaflop query --endpoint``, the app with ``$PETAFLOP_ENDPOINT``):
  :class:`petaflop.endpoint.RemoteStore`, which names the atlas graphs as the dataset;
* **any SPARQL 1.1 client**: the query text with its parameters in a ``VALUES`` block (the portable
  form of :func:`queries.sparql.insert_values`), ``POST``\\ ed as ``application/sparql-query`` with
  ``Accept: application/sparql-results+json``.

Each answer goes through the guard like any request (its checks, its time-out, its slots), so the
answer cache (:mod:`petaflop.serve_cache`) keeps it, and a client asking the same query while it is
being computed shares that evaluation. Queries with other parameters, other result formats and
ad-hoc queries are evaluated when asked, as before. A query that fails or times out is reported and
not kept; the server answers throughout.
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

PLAIN_ACCEPT = "application/sparql-results+json"


@dataclass
class WarmReport:
    """What the warm-up did: queries asked, answers kept (both forms), failures with their reason."""

    queries: int = 0
    kept: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    stopped: bool = False

    def line(self) -> str:
        text = (f"catalogue answers computed at start: {self.queries} queries with their default parameters "
                f"in {self.seconds:.1f} s")
        if self.failed:
            shown = "; ".join(f"{qid}: {why}" for qid, why in self.failed[:3])
            text += f"; {len(self.failed)} not kept ({shown}{' …' if len(self.failed) > 3 else ''})"
        return text + (" (stopped early)" if self.stopped else "")


def _plain_post(url: str, text: str, timeout_s: float) -> int:
    """POST ``text`` as ``application/sparql-query`` to ``url``; the HTTP status (the answer is read whole)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=timeout_s)
    try:
        conn.request("POST", parts.path or "/query", body=text.encode("utf-8"),
                     headers={"Content-Type": "application/sparql-query", "Accept": PLAIN_ACCEPT})
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


def warm_catalogue(url: str, timeout_s: float, stop: threading.Event | None = None,
                   catalogue=None) -> WarmReport:
    """Ask ``url`` (the guard's own endpoint) every catalogue query with its default parameters, in
    both forms; stop between queries when ``stop`` is set. Never raises for a query: a failure is
    recorded in the report."""
    from foundation.errors import PetaflopError, UserError
    from petaflop.endpoint import RemoteStore
    from petaflop.params import bind_params
    from petaflop.query import prepare
    from queries import load_catalogue
    from queries.sparql import insert_values

    stop = stop or threading.Event()
    report = WarmReport()
    started = time.perf_counter()
    remote = RemoteStore(url, retry_delays=())

    def ask(query) -> None:
        # a default that names an object the build made (no gazetteer row) is bound as the client binds it once
        # the endpoint has confirmed it: the same IRI (the text sent must be the client's)
        params = bind_params({}, query, lambda _iri: True)
        answer, _binding = remote.send(prepare(query.sparql, params), timeout_s)
        if answer.status != 200:
            raise UserError(f"HTTP {answer.status}")
        status = _plain_post(url, insert_values(query.sparql, params) if params else query.sparql, timeout_s)
        if status != 200:
            raise UserError(f"HTTP {status}")

    queries = list(catalogue if catalogue is not None else load_catalogue())
    report.queries = len(queries)
    failed: list = []
    # a query that did not finish in time (a busy machine) is asked once more after the others: what the first
    # pass kept is no longer computed, so the second has the machine to itself
    for attempt, batch in enumerate((queries, failed)):
        if attempt:
            batch, failed, report.failed = list(batch), [], []
        for query in batch:
            if stop.is_set():
                report.stopped = True
                break
            try:
                ask(query)
                report.kept += 1
            except (PetaflopError, OSError, http.client.HTTPException) as exc:
                if stop.is_set():
                    report.stopped = True
                    break
                failed.append(query)
                report.failed.append((query.id, str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__))
        if report.stopped or not failed:
            break
    report.seconds = time.perf_counter() - started
    return report


def start_warming(url: str, timeout_s: float, say: Callable[[str], None],
                  stop: threading.Event) -> threading.Thread:
    """:func:`warm_catalogue` in a daemon thread that says its report when done."""

    def work() -> None:
        report = warm_catalogue(url, timeout_s, stop)
        if not report.stopped:  # stopped: the server is going down, nothing to say
            say(report.line())

    thread = threading.Thread(target=work, name="petaflop-warm", daemon=True)
    thread.start()
    return thread
