"""``petaflop query``, ``serve``: catalogue help, formats, limits, errors as one line with their exit code."""

from __future__ import annotations

import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

from petaflop.cli import app
from petaflop.endpoint import RemoteStore
from petaflop.serve import free_port, port_is_free
from queries import load_catalogue

WIDE = {"COLUMNS": "250"}
CHINA = ("PREFIX pfid: <https://petaflop-atlas.org/id/> PREFIX pfg: <https://petaflop-atlas.org/graph/> "
         "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
         "SELECT ?l WHERE { GRAPH pfg:facts { pfid:china rdfs:label ?l } } ORDER BY ?l")


def run(cli, built_graph, *args):
    return cli.invoke(app, ["query", *args, "--data", str(built_graph)], env=WIDE)


def petaflop(*args, timeout=120):
    """The CLI as a user runs it: a real process, its exit code and both streams."""
    env = {**os.environ, "COLUMNS": "250"}
    return subprocess.run([sys.executable, "-m", "petaflop.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, check=False)


def test_help_lists_the_catalogue(cli):
    result = cli.invoke(app, ["query", "--help"], env=WIDE)
    assert result.exit_code == 0
    catalogue = load_catalogue()
    assert catalogue
    for q in catalogue:
        assert q.id in result.output
    assert catalogue[0].title in result.output


def test_unknown_name_suggests_close_matches(cli, built_graph):
    result = run(cli, built_graph, "clustrs-by-power")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: unknown query 'clustrs-by-power'; did you mean: clusters-by-power")
    assert result.stderr.count("\n") == 1


def test_sparql_text_in_every_format(cli, built_graph):
    out = {fmt: run(cli, built_graph, "--sparql", CHINA, "--format", fmt) for fmt in ("json", "csv", "tsv", "table")}
    assert all(r.exit_code == 0 for r in out.values()), {k: r.output for k, r in out.items()}
    assert json.loads(out["json"].stdout) == {"head": {"vars": ["l"]}, "results": {"bindings": [
        {"l": {"type": "literal", "value": "China", "xml:lang": "en"}},
        {"l": {"type": "literal", "value": "중국", "xml:lang": "ko"}}]}}
    assert out["csv"].stdout_bytes.decode() == "l\r\nChina\r\n중국\r\n"  # .stdout would turn CRLF into LF
    assert out["tsv"].stdout == '?l\n"China"@en\n"중국"@ko\n'
    assert "China@en" in out["table"].stdout and "2 rows" in out["table"].stdout


def test_a_catalogue_query_runs_with_its_defaults_and_params(cli, built_graph):
    q = next(q for q in load_catalogue() if any(p.type == "decimal" for p in q.params))
    p = next(p for p in q.params if p.type == "decimal")
    result = run(cli, built_graph, q.id, "--format", "json", "--param", f"{p.name}=0")
    assert result.exit_code == 0, result.output
    assert p.name not in json.loads(result.stdout)["head"]["vars"]
    bad = run(cli, built_graph, q.id, "--param", f"{p.name}=lots")
    assert bad.exit_code == 1 and bad.stderr == f"error: --param {p.name}: 'lots' is not a decimal\n"


def test_row_limit_message(cli, built_graph):
    q = "SELECT ?s WHERE { ?s ?p ?o }"
    result = run(cli, built_graph, "--sparql", q, "--limit", "3", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout_bytes.count(b"\r\n") == 4  # header + 3 rows
    assert result.stderr == "row limit 3 reached; use --limit or --page 2\n"


def test_errors_are_one_line_with_exit_code_1(cli, built_graph, tmp_path):
    cases = {
        ("--sparql", "SELECT ?s WHERE { ?s ?p }"): "error: syntax error at line 1, column 25: expected one of ",
        ("--sparql", "DROP ALL"): "error: this is a SPARQL update (DROP); queries are read-only — pass --allow-update",
        (str(tmp_path / "missing.rq"),): f"error: no such query file: {tmp_path / 'missing.rq'}",
        ("--sparql", CHINA, "--format", "ttl"): "error: --format ttl: SELECT results are not triples",
        (): "error: give a catalogue id, a .rq file or --sparql TEXT (exactly one); see --help",
    }
    for args, start in cases.items():
        result = run(cli, built_graph, *args)
        assert result.exit_code == 1, (args, result.output)
        assert result.stderr.startswith(start), (args, result.stderr)
        assert result.stderr.count("\n") == 1


def test_a_query_file_without_header_takes_typed_params(cli, built_graph, tmp_path):
    path = tmp_path / "labels.rq"
    path.write_text(CHINA.replace("pfid:china", "?e"), encoding="utf-8")
    result = run(cli, built_graph, str(path), "-p", "e=pfid:nvidia", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode() == "l\r\nNVIDIA\r\n엔비디아\r\n"


def test_construct_as_ntriples(cli, built_graph):
    q = CHINA.replace("SELECT ?l WHERE", "CONSTRUCT { pfid:china rdfs:label ?l } WHERE").replace(" ORDER BY ?l", "")
    result = run(cli, built_graph, "--sparql", q, "--format", "nt")
    assert result.exit_code == 0, result.output
    assert sorted(result.stdout.splitlines()) == [
        '<https://petaflop-atlas.org/id/china> <http://www.w3.org/2000/01/rdf-schema#label> "China"@en .',
        '<https://petaflop-atlas.org/id/china> <http://www.w3.org/2000/01/rdf-schema#label> "중국"@ko .',
    ]


def test_the_same_answer_from_an_endpoint(cli, built_graph, oxigraph_server):
    local = run(cli, built_graph, "--sparql", CHINA, "--format", "json")
    remote = cli.invoke(app, ["query", "--sparql", CHINA, "--format", "json", "--endpoint", oxigraph_server.query_url],
                        env=WIDE)
    assert remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout


def test_an_unreachable_endpoint_is_one_line_and_exit_2():
    url = f"http://127.0.0.1:{free_port()}/query"
    result = petaflop("query", "--sparql", "ASK {}", "--endpoint", url)
    assert result.returncode == 2
    assert result.stderr == f"error: cannot connect to {url}: connection refused (tried 3 times)\n"
    assert result.stdout == ""


def _read_until(proc: subprocess.Popen, marker: str, timeout_s: float = 60) -> str:
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    seen = ""
    while marker not in seen:
        if not sel.select(timeout_s):
            raise AssertionError(f"no {marker!r} in the output: {seen!r}")
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"the process ended: {seen!r}")
        seen += line
    return seen


STOPS_WITHIN_S = 30  # serve stops within 20 s of Ctrl-C whatever hangs (petaflop.serve.STOP_WITHIN_S)


def _serve(built_graph, location, **popen) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "COLUMNS": "250", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "petaflop.cli", "serve", "--port", str(port), "--data",
                             str(built_graph), "--location", str(location)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, **popen)
    return proc, port


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False)
    return [int(p) for p in out.stdout.split()]


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def _ctrl_c(proc: subprocess.Popen) -> tuple[str, str]:
    """SIGINT, then: gone within STOPS_WITHIN_S, exit 0, "stopped", no traceback, no child left."""
    children = _children(proc.pid)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=STOPS_WITHIN_S)
    assert proc.returncode == 0, err
    assert out.rstrip().endswith("stopped") and "Traceback" not in err, (out, err)
    assert [c for c in children if not _gone(c)] == []
    return out, err


def _kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def test_serve_answers_sparql_and_stops_on_ctrl_c(built_graph, tmp_path):
    proc, port = _serve(built_graph, tmp_path / "store")
    try:
        seen = _read_until(proc, "SPARQL endpoint:")
        url = f"http://127.0.0.1:{port}/query"
        assert f"SPARQL endpoint: {url}" in seen
        r = RemoteStore(url).run(CHINA)
        assert [str(row[0]) for row in r.rows] == ['"China"@en', '"중국"@ko']
        with socket.socket() as s:  # bound to loopback only
            assert s.connect_ex(("127.0.0.1", port)) == 0
        assert len(_children(proc.pid)) == 1  # the Oxigraph behind the guard
        _ctrl_c(proc)
        assert port_is_free("127.0.0.1", port)
    finally:
        _kill(proc)


def _sigint_ignored() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def test_serve_stops_on_ctrl_c_when_started_with_sigint_ignored(built_graph, tmp_path):
    """A background job of a non-interactive shell (``make test &``, a CI script) inherits SIGINT
    ignored. Before: Python kept it ignored, asyncio installed no handler, SIGINT did nothing."""
    proc, port = _serve(built_graph, tmp_path / "store", preexec_fn=_sigint_ignored)
    try:
        _read_until(proc, "SPARQL endpoint:")
        with open(f"/proc/{proc.pid}/status", encoding="ascii") as fh:
            caught = int(next(line for line in fh if line.startswith("SigCgt:")).split()[1], 16)
        assert caught & (1 << (signal.SIGINT - 1))  # serve handles SIGINT itself
        assert RemoteStore(f"http://127.0.0.1:{port}/query").run("ASK {}").boolean is True
        _ctrl_c(proc)
        assert port_is_free("127.0.0.1", port)
    finally:
        _kill(proc)


def test_ctrl_c_while_loading_leaves_no_half_made_store(built_graph, tmp_path):
    """Before: Ctrl-C during ``oxigraph load`` exited 130 and left the folder half-loaded without
    its stamp, so the next ``serve --location`` refused it as "not a store made by petaflop serve"."""
    store = tmp_path / "store"
    proc, _port = _serve(built_graph, store)
    try:
        _read_until(proc, "loading ")
        time.sleep(0.5)  # the load of the report graph takes seconds
        out, _err = _ctrl_c(proc)
        assert "SPARQL endpoint:" not in out
        assert not store.exists() or (store / ".petaflop-loaded-from").is_file()
        assert [p.name for p in tmp_path.iterdir() if p.name != "store"] == []  # no loading folder left
    finally:
        _kill(proc)
    again, _port = _serve(built_graph, store)
    try:
        _read_until(again, "SPARQL endpoint:")
        _ctrl_c(again)
    finally:
        _kill(again)


def test_ctrl_c_during_a_query_and_with_an_idle_connection_open(built_graph, tmp_path):
    """A runaway query in flight and a client that sent half a request: Ctrl-C still stops it all."""
    proc, port = _serve(built_graph, tmp_path / "store")
    idle = socket.socket()
    try:
        _read_until(proc, "SPARQL endpoint:")
        idle.connect(("127.0.0.1", port))
        idle.sendall(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")  # no blank line: never complete
        runaway = socket.create_connection(("127.0.0.1", port))
        q = urllib.parse.quote("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f")
        runaway.sendall(f"GET /query?query={q} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        time.sleep(1.5)  # Oxigraph is sorting the cross product
        started = time.monotonic()
        _ctrl_c(proc)
        assert time.monotonic() - started < 10
        assert port_is_free("127.0.0.1", port)
        runaway.close()
    finally:
        idle.close()
        _kill(proc)


def test_serve_on_a_busy_port_is_an_environment_error(built_graph, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        result = petaflop("serve", "--port", str(port), "--data", str(built_graph), "--location", str(tmp_path / "s"))
    assert result.returncode == 2
    assert result.stderr.endswith(f"error: port {port} on 127.0.0.1 is in use; choose another with --port\n")


@pytest.mark.parametrize("args", [["--port", "0"], ["--port", "70000"]])
def test_serve_rejects_a_bad_port(cli, built_graph, args):
    result = cli.invoke(app, ["serve", *args, "--data", str(built_graph)], env=WIDE)
    assert result.exit_code == 1
    assert result.stderr == f"error: --port {args[1]}: not a TCP port (1–65535)\n"


def test_ctrl_c_while_the_cli_is_still_importing_is_one_line_not_a_traceback():
    """The console script enters through petaflop.entry: a KeyboardInterrupt raised while the CLI's
    modules load (simulated by an import hook) ends with 'interrupted' and exit code 130."""
    code = (
        "import sys\n"
        "class Interrupt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'petaflop.cli':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        "from petaflop.entry import main\n"
        "sys.exit(main())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "interrupted\n")


def test_the_console_script_enters_through_the_interrupt_guard():
    import tomllib

    scripts = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert scripts["project"]["scripts"] == {"petaflop": "petaflop.entry:main"}


def test_pages_of_a_listing_are_disjoint_and_cover_it(cli, built_graph):
    """--page N shows rows (N-1)*limit+1 … N*limit of the ordered result; the last page says so."""
    q = "SELECT ?c WHERE { GRAPH ?g { ?c a <https://petaflop-atlas.org/ontology#ComputeCluster> } } ORDER BY ?c"
    whole = run(cli, built_graph, "--sparql", q, "--format", "csv").stdout.splitlines()[1:]
    assert len(whole) > 10
    pages, n = [], 1
    while True:
        res = run(cli, built_graph, "--sparql", q, "--format", "csv", "--limit", "10", "--page", str(n))
        assert res.exit_code == 0, res.output
        pages.append(res.stdout.splitlines()[1:])
        if "more follow" not in res.stderr and "use --limit" not in res.stderr:
            break
        n += 1
    assert [row for page in pages for row in page] == whole and all(len(p) == 10 for p in pages[:-1])
    start = 10 * (n - 1) + 1
    assert res.stderr == f"rows {start}–{start + len(pages[-1]) - 1} (page {n}, the last)\n"
    assert run(cli, built_graph, "--sparql", q, "--limit", "10", "--page", "2").stderr.startswith(
        "rows 11–20 (page 2); more follow: --page 3") or n == 2
    bad = run(cli, built_graph, "--sparql", q, "--limit", "0", "--page", "2")
    assert (bad.exit_code, bad.stderr) == (1, "error: --page needs a page size: give --limit N (N > 0)\n")
    assert run(cli, built_graph, "--sparql", q, "--page", "0").stderr == "error: --page 0: must be at least 1\n"
