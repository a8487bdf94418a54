"""Real SPARQL servers for the tests, on free 127.0.0.1 ports, started once per session.

* :class:`OxigraphServer`: the ``oxigraph`` binary from the venv over a store directory
  bulk-loaded from the N-Quads file (the same code path as ``petaflop serve``).
* :class:`VirtuosoServer`: Debian's Virtuoso 7.2 (``virtuoso-opensource``, installed by
  ``make sysdeps``). It gets its own ``virtuoso.ini`` in a temporary directory: database,
  log, lock and transaction files there; the SQL port and the HTTP port on 127.0.0.1 free
  ports; ``DirsAllowed`` including that directory (the bulk loader reads only allowed
  directories); ``ResultSetMaxRows`` at Debian's default of 10,000, so that the runner's
  detection of the cap (the ``X-SPARQL-MaxRows`` header) is tested against the real thing;
  ``MaxQueryCostEstimationTime = 0`` turns off the refusal of queries by *estimated* cost,
  which depends on sampled statistics and passed or failed the same query between runs.
  ``virtuoso-t +foreground +configfile INI`` starts it; when ``/sparql`` answers, the quads
  are bulk-loaded with ``isql``: ``ld_dir(dir, 'atlas.nq', …)`` + ``rdf_loader_run()`` (the
  loader puts each quad into its named graph) + ``checkpoint``, and the load list is checked
  for errors. ``stop()`` sends SIGTERM to that PID (Virtuoso checkpoints and exits), then
  SIGKILL if it has not exited in 20 s.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
import time
import urllib.parse
import urllib.request
from pathlib import Path

from petaflop.serve import free_port, prepare_location, start_oxigraph, stop_process, wait_for_http

VIRTUOSO_BIN = "virtuoso-t"
ISQL_BINS = ("isql-vt", "isql")
VIRTUOSO_VSP = Path("/var/lib/virtuoso-opensource-7/vsp")


class OxigraphServer:
    def __init__(self, nq_path: Path, workdir: Path, *, read_only: bool = True, load: bool = True):
        self.workdir = workdir
        self.location = workdir / "store"
        self.port = free_port()
        if load:
            prepare_location(nq_path, self.location)
        else:
            self.location.mkdir(parents=True, exist_ok=True)
        self.log = (workdir / "oxigraph.log").open("wb")
        self.proc = start_oxigraph(self.location, "127.0.0.1", self.port, read_only=read_only,
                                   stdout=self.log, stderr=subprocess.STDOUT)
        self.base = f"http://127.0.0.1:{self.port}"
        self.query_url = self.base + "/query"
        self.update_url = self.base + "/update"
        self.store_url = self.base + "/store"

    def stop(self) -> None:
        stop_process(self.proc)
        self.log.close()


def _which(*names: str) -> str:
    for name in names:
        found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None)
        if found:
            return found
    raise RuntimeError(f"{' / '.join(names)} not found: install Debian's virtuoso-opensource (`make sysdeps`)")


class VirtuosoServer:
    user = "dba"
    password = "dba"  # the password of a fresh Virtuoso database

    def __init__(self, nq_path: Path | None, workdir: Path, *, max_rows: int = 10_000):
        self.binary = _which(VIRTUOSO_BIN)
        self.isql = _which(*ISQL_BINS)
        self.dir = workdir
        self.dir.mkdir(parents=True, exist_ok=True)
        self.sql_port, self.http_port = free_port(), free_port()
        while self.http_port == self.sql_port:
            self.http_port = free_port()
        self.ini = self.dir / "virtuoso.ini"
        self.ini.write_text(self.config(max_rows), encoding="utf-8")
        self.base = f"http://127.0.0.1:{self.http_port}"
        self.query_url = self.base + "/sparql"
        self.log = (self.dir / "stdout.log").open("wb")
        self.proc = subprocess.Popen([self.binary, "+foreground", "+configfile", str(self.ini)], cwd=self.dir,
                                     stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            wait_for_http(self.query_url + "?query=" + urllib.parse.quote("ASK {}"), self.proc, timeout_s=120,
                          ok=lambda status: status == 200, what="virtuoso-t")
            if nq_path is not None:
                self.load(nq_path)
        except BaseException:
            self.stop()
            raise

    def config(self, max_rows: int) -> str:
        d = self.dir
        vsp = VIRTUOSO_VSP if VIRTUOSO_VSP.is_dir() else d
        return textwrap.dedent(f"""\
            [Database]
            DatabaseFile = {d}/virtuoso.db
            ErrorLogFile = {d}/virtuoso.log
            LockFile = {d}/virtuoso.lck
            TransactionFile = {d}/virtuoso.trx
            xa_persistent_file = {d}/virtuoso.pxa
            ErrorLogLevel = 7
            FileExtend = 200
            MaxCheckpointRemap = 2000
            Striping = 0
            TempStorage = TempDatabase

            [TempDatabase]
            DatabaseFile = {d}/virtuoso-temp.db
            TransactionFile = {d}/virtuoso-temp.trx
            MaxCheckpointRemap = 2000
            Striping = 0

            [Parameters]
            ServerPort = 127.0.0.1:{self.sql_port}
            DisableUnixSocket = 1
            DisableTcpSocket = 0
            MaxClientConnections = 10
            CheckpointInterval = 60
            CaseMode = 2
            DirsAllowed = ., {d}
            NumberOfBuffers = 10000
            MaxDirtyBuffers = 6000
            MaxQueryMem = 1G

            [HTTPServer]
            ServerPort = 127.0.0.1:{self.http_port}
            ServerRoot = {vsp}
            MaxClientConnections = 10
            ServerThreads = 10
            Charset = UTF-8
            EnabledDavVSP = 0

            [SPARQL]
            ResultSetMaxRows = {max_rows}
            MaxQueryCostEstimationTime = 0
            MaxQueryExecutionTime = 120
            """)

    def sql(self, statements: str, timeout_s: float = 300) -> str:
        proc = subprocess.run(
            [self.isql, f"127.0.0.1:{self.sql_port}", self.user, self.password, f"exec={statements}"],
            capture_output=True, text=True, timeout=timeout_s, check=False,
        )
        out = proc.stdout + proc.stderr
        if proc.returncode != 0 or "*** Error" in out:
            raise RuntimeError(f"isql failed (exit {proc.returncode}): {out.strip()[-500:]}")
        return out

    def load(self, nq_path: Path) -> None:
        target = self.dir / "load" / "atlas.nq"
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(nq_path, target)
        self.sql(f"ld_dir('{target.parent}', 'atlas.nq', 'urn:petaflop:unused'); rdf_loader_run(); checkpoint;")
        state = self.sql("select ll_state, ll_error from DB.DBA.LOAD_LIST;")
        if "NULL" not in state or " 2 " not in f" {' '.join(state.split())} ":
            raise RuntimeError(f"virtuoso bulk load did not finish cleanly: {state.strip()[-400:]}")

    def stop(self) -> None:
        stop_process(self.proc, grace_s=20)
        self.log.close()


def http_get(url: str, accept: str = "application/sparql-results+json", timeout_s: float = 30) -> bytes:
    req = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(req, timeout=timeout_s) as resp:
        return resp.read()


def wait_until(predicate, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        time.sleep(0.05)


class FakeEndpoint:
    """A tiny HTTP server on 127.0.0.1 that answers like a (misbehaving) SPARQL endpoint.

    Paths: ``/ok`` (a one-row SPARQL JSON answer), ``/status/<code>`` (that status, with a body),
    ``/flaky`` (503 twice, then ``/ok``), ``/slow`` (answers after ``slow_s``), ``/capped``
    (3 rows and ``X-SPARQL-MaxRows: 3``), ``/basic`` (``/ok`` behind HTTP Basic ``user:secret``),
    ``/html`` (a web page instead of results). Every request is recorded in ``requests``.
    """

    def __init__(self, slow_s: float = 3.0):
        import base64
        import http.server
        import json
        import threading

        fake = self
        self.row = {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "ok"}}]}}
        self.requests: list[dict] = []
        self.counts: dict[str, int] = {}
        self.slow_s = slow_s

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *_args):  # quiet
                pass

            def _send(self, status, body=b"", ctype="text/plain", headers=None):
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test): nothing to answer

            def do_GET(self):
                self.do_POST()

            def do_PUT(self):
                self.do_POST()

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path.split("?")[0]
                fake.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                      "body": body})
                fake.counts[path] = fake.counts.get(path, 0) + 1
                ok = json.dumps(fake.row).encode()
                if path.startswith("/status/"):
                    code = int(path.rsplit("/", 1)[1])
                    extra = {"WWW-Authenticate": 'Basic realm="sparql"'} if code == 401 else {}
                    self._send(code, f"error {code} from the fake endpoint".encode(), headers=extra)
                elif path == "/flaky":
                    if fake.counts[path] <= 2:
                        self._send(503, b"busy")
                    else:
                        self._send(200, ok, "application/sparql-results+json")
                elif path == "/slow":
                    import time as _t

                    _t.sleep(fake.slow_s)
                    self._send(200, ok, "application/sparql-results+json")
                elif path == "/capped":
                    rows = {"head": {"vars": ["x"]}, "results": {"bindings": [
                        {"x": {"type": "literal", "value": str(i)}} for i in range(3)]}}
                    self._send(200, json.dumps(rows).encode(), "application/sparql-results+json",
                               {"X-SPARQL-MaxRows": "3"})
                elif path == "/basic":
                    want = "Basic " + base64.b64encode(b"user:secret").decode()
                    if self.headers.get("Authorization") != want:
                        self._send(401, b"who are you", headers={"WWW-Authenticate": 'Basic realm="sparql"'})
                    else:
                        self._send(200, ok, "application/sparql-results+json")
                elif path == "/html":
                    self._send(200, b"<html><body>hello</body></html>", "text/html")
                else:
                    self._send(200, ok, "application/sparql-results+json")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
