"""Benchmark: the workbench in a real browser — cold start and each main interaction.

Not a test (timings depend on the machine); run it by hand::

    .venv/bin/python -m bench.bench_app [--graph build/atlas.nq] [--repeat 3] [--json OUT]

It starts ``streamlit run app.py`` on a free 127.0.0.1 port and drives Debian's Chromium
(``/usr/bin/chromium``) with Playwright. Times are wall-clock from the browser action to
the text the app writes in answer becoming visible, so they include the Streamlit rerun,
the websocket round trip and the browser's rendering:

* ``server_ready`` — process start to ``/_stcore/health``;
* ``first_render`` — navigation to the first page heading (the page shell);
* ``graph_ready`` — navigation to the Home page's type counts (the graph loaded);
* ``cold_start_to_first_render`` — process start to first render (the headline number);
* interactions (warm, median of ``--repeat``): search, open an object, follow a link,
  switch to the explorer with a type, expand in the graph, run a catalogue query,
  change the what-if cap, switch the language.

Targets (issue 18): an object page opens in under 1 s warm and Home is usable in under 3 s cold.
Each is also given as a ratio against a *plain* Streamlit page of the same size (the same
number of elements, no graph, no components) served the same way — what Streamlit itself
costs on this machine: ``object_page_warm`` / ``plain_page_warm``, ``home_usable_cold`` /
``plain_page_cold``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_FIRST_RENDER_S = 3.0
TARGET_INTERACTION_S = 0.3
TARGET_OBJECT_WARM_S = 1.0
TARGET_HOME_COLD_S = 3.0
PLAIN_PAGE = """import streamlit as st
st.set_page_config(layout="wide")
st.title("Plain page")
for i in range({n}):
    st.markdown(f"**value {{i}}** — 1,234 MW · line {{i}}")
"""


def _timed(action, wait) -> float:
    started = time.perf_counter()
    action()
    wait()
    return time.perf_counter() - started


class Driver:
    """The interactions, each returning its wall-clock time from action to answer."""

    SEARCHES = (("콜로서스", "Colossus"), ("nvidia h20", "NVIDIA H20"), ("stargate", "Stargate"))

    def __init__(self, page, expect):
        self.page, self.expect = page, expect
        self.sidebar = page.get_by_test_id("stSidebar")
        self.nav = self.sidebar  # the app's own links (one Streamlit page, ?page=… router)

    def idle(self) -> None:
        """Wait until no script run is in flight (Streamlit's running indicator is gone)."""
        self.page.wait_for_timeout(50)
        self.page.get_by_test_id("stStatusWidget").wait_for(state="hidden")

    def go(self, link: str, title: str) -> None:
        self.idle()
        self.nav.get_by_role("link", name=link, exact=True).click()
        self.page.get_by_role("heading", name=title, exact=True).wait_for()
        self.idle()

    def search_open_follow(self, i: int) -> tuple[float, float, float]:
        page = self.page
        query, name = self.SEARCHES[i % len(self.SEARCHES)]
        self.go("Home", "Petaflop Atlas")
        box = page.get_by_label("Search objects (English or Korean name or alias)")
        box.fill(query)
        self.idle()
        button = page.get_by_role("button", name=f"Open {name}")
        t_search = _timed(lambda: box.press("Enter"), button.wait_for)
        t_open = _timed(button.click, page.get_by_role("heading", name=name, exact=True).wait_for)
        self.idle()
        link = page.get_by_test_id("stMain").locator("[data-testid='stPageLink'] a").filter(
            has_not_text=re.compile("Search around")).first
        target = link.inner_text().strip().split("\n")[-1].strip()  # drop a leading icon name
        t_follow = _timed(link.click, page.get_by_role("heading", name=target, exact=True).wait_for)
        return t_search, t_open, t_follow

    def explorer_with_type(self) -> float:
        page = self.page
        self.go("Home", "Petaflop Atlas")
        gpu = page.get_by_role("link", name=re.compile(r"^GPU — \d+$"))
        return _timed(gpu.click, page.get_by_text(re.compile(r"objects of type GPU match")).wait_for)

    def graph_expand(self) -> float:
        page = self.page
        base = page.url.split("?")[0]
        page.goto(base + "?page=graph&seed=nvidia&sel=nvidia-h100")
        summary = page.get_by_text(re.compile(r"^\d+ objects, \d+ links on the canvas"))
        summary.wait_for()
        self.idle()
        before = summary.inner_text()
        return _timed(lambda: page.get_by_role("button", name="Expand", exact=True).click(),
                      lambda: self.expect(summary).not_to_have_text(before))

    def run_query(self) -> float:
        page = self.page
        self.go("SPARQL console", "SPARQL console")
        page.get_by_test_id("stSelectbox").filter(has_text="Catalogue").click()
        page.keyboard.type("Clusters ranked by power")
        page.keyboard.press("Enter")
        page.get_by_role("paragraph").filter(has_text="ranked by the largest power").wait_for()
        page.get_by_label("min_mw (decimal)", exact=True).wait_for()  # the rerun for the chosen query is done
        self.idle()
        page.get_by_text("Plain text editor", exact=True).click()  # the Run button of the plain editor
        self.idle()
        rows = page.get_by_text(re.compile(r"rows in \d+ ms"))
        before = rows.inner_text() if rows.count() else None

        def answered() -> None:
            if before is None:
                rows.wait_for()
            else:
                self.expect(rows).not_to_have_text(before)
        return _timed(lambda: page.get_by_role("button", name="Run", exact=True).click(), answered)

    def what_if(self) -> float:
        page = self.page
        self.go("Export controls", "Export controls")
        verdict = page.get_by_text(re.compile(r"chips in the graph are above [\d.]+ TB/s"))
        verdict.wait_for()
        before = verdict.inner_text()
        slider = page.get_by_role("slider").first
        slider.focus()
        self.idle()
        return _timed(lambda: slider.press("ArrowLeft"), lambda: self.expect(verdict).not_to_have_text(before))

    def language_switch(self) -> float:
        page = self.page
        self.go("Home", "Petaflop Atlas")
        page.get_by_text("Object types", exact=True).wait_for()
        self.idle()
        t = _timed(lambda: self.sidebar.get_by_text("한국어", exact=True).click(),
                   page.get_by_text("객체 유형", exact=True).wait_for)
        self.sidebar.get_by_text("English", exact=True).click()
        page.get_by_text("Object types", exact=True).wait_for()
        return t


def run(graph: Path, repeat: int) -> dict:
    from playwright.sync_api import expect, sync_playwright

    from tests.browser import free_port, launch, running_app

    expect.set_options(timeout=60_000)
    out: dict = {"graph": str(graph), "repeat": repeat, "python": platform.python_version(),
                 "machine": platform.machine(), "cpus": os.cpu_count(),
                 "load_average_before": os.getloadavg()[0], "interactions": {},
                 "page_elements": page_elements(graph)}
    timings: dict[str, list[float]] = {k: [] for k in (
        "search", "open_object", "follow_link", "explorer_with_type", "graph_expand", "run_query",
        "what_if_cap", "language_switch")}
    out["graph_source"] = graph_source(graph)
    port = free_port()
    launched = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, running_app(graph, port=port) as url, sync_playwright() as p:
        out["server_ready_s"] = time.perf_counter() - launched
        ctx = launch(p, Path(tmp) / "profile")
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        started = time.perf_counter()
        page.goto(url)
        page.get_by_role("heading", name="Petaflop Atlas", exact=True).wait_for()
        out["first_render_s"] = time.perf_counter() - started
        out["cold_start_to_first_render_s"] = time.perf_counter() - launched
        page.get_by_text("Object types", exact=True).wait_for()
        out["graph_ready_s"] = time.perf_counter() - started
        out["cold_start_to_graph_ready_s"] = time.perf_counter() - launched
        started = time.perf_counter()  # a new session on the warm server: what later visitors see
        page.reload()
        page.get_by_text("Object types", exact=True).wait_for()
        out["warm_session_first_render_s"] = time.perf_counter() - started

        for _ in range(repeat):  # an object page opened by its address, graph cached (warm)
            started = time.perf_counter()
            page.goto(url + "/?page=object&id=colossus")
            page.get_by_role("heading", name="Colossus", exact=True).wait_for()
            page.get_by_test_id("stStatusWidget").wait_for(state="hidden")
            out.setdefault("object_page_warm_runs", []).append(time.perf_counter() - started)
        out["object_page_warm_s"] = statistics.median(out["object_page_warm_runs"])
        out["home_usable_cold_s"] = out["cold_start_to_graph_ready_s"]
        page.goto(url)

        driver = Driver(page, expect)
        try:
            for i in range(repeat):
                t_search, t_open, t_follow = driver.search_open_follow(i)
                timings["search"].append(t_search)
                timings["open_object"].append(t_open)
                timings["follow_link"].append(t_follow)
                timings["explorer_with_type"].append(driver.explorer_with_type())
                timings["graph_expand"].append(driver.graph_expand())
                timings["run_query"].append(driver.run_query())
                timings["what_if_cap"].append(driver.what_if())
                timings["language_switch"].append(driver.language_switch())
        except Exception:
            shot = Path(tmp).parent / "bench_app_failure.png"
            page.screenshot(path=str(shot), full_page=True)
            print(f"failed; the page at that moment: {shot}")
            raise
        ctx.close()
    out.update(plain_page(out.get("page_elements", 60), repeat))
    out["object_page_warm_ratio"] = out["object_page_warm_s"] / out["plain_page_warm_s"]
    out["home_usable_cold_ratio"] = out["home_usable_cold_s"] / out["plain_page_cold_s"]
    out["load_average_after"] = os.getloadavg()[0]
    for name, values in timings.items():
        out["interactions"][name] = {"median_s": statistics.median(values), "best_s": min(values), "runs": values}
    return out


def graph_source(graph: Path) -> str:
    """How the app reads ``graph``: its build's store read-only, or the N-Quads loaded into memory."""
    from petaflop.app.backend import BackendError, current_store_dir

    try:
        folder = current_store_dir(graph)
    except BackendError as exc:
        return f"refused: {exc}"
    return f"store {folder} (read-only)" if folder is not None else "N-Quads loaded into memory (no manifest)"


def plain_page(elements: int, repeat: int) -> dict:
    """Cold and warm times of a plain Streamlit page with ``elements`` Markdown elements."""
    import subprocess
    import sys

    from playwright.sync_api import sync_playwright

    from tests.browser import free_port, launch, wait_healthy

    out: dict = {"plain_page_elements": elements}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "plain.py"
        script.write_text(PLAIN_PAGE.format(n=elements), encoding="utf-8")
        port = free_port()
        launched = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.address",
                                 "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
                                 "--browser.gatherUsageStats", "false"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, proc=proc)
            with sync_playwright() as p:
                ctx = launch(p, Path(tmp) / "profile")
                page = ctx.pages[0] if ctx.pages else ctx.new_page()
                page.goto(url)
                page.get_by_text(f"value {elements - 1}").wait_for()
                out["plain_page_cold_s"] = time.perf_counter() - launched
                runs = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    page.goto(url)
                    page.get_by_text(f"value {elements - 1}").wait_for()
                    runs.append(time.perf_counter() - started)
                out["plain_page_warm_s"] = statistics.median(runs)
                ctx.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    return out


def page_elements(graph: Path) -> int:
    """How many elements the object page of Colossus draws (the size of the plain page to compare)."""
    from streamlit.testing.v1 import AppTest

    from tests.browser import APP

    os.environ["PETAFLOP_GRAPH"] = str(graph)
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params["page"] = "object"
    at.query_params["id"] = "colossus"
    at.run()
    return sum(1 for _ in at.main.children.values()) if not hasattr(at.main, "iter") else len(list(at.main.iter()))


def script_times(graph: Path, repeat: int) -> dict[str, float]:
    """Median wall time of the app's script run per interaction, in-process (Streamlit's AppTest):
    the server's share of an interaction, without the browser and the websocket."""
    import os as _os

    from streamlit.testing.v1 import AppTest

    from tests.browser import APP

    _os.environ["PETAFLOP_GRAPH"] = str(graph)
    _os.environ.pop("PETAFLOP_ENDPOINT", None)
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    times: dict[str, list[float]] = {}

    def timed(name: str, step) -> None:
        started = time.perf_counter()
        step()
        times.setdefault(name, []).append(time.perf_counter() - started)

    def page(name: str, **params) -> None:
        at.query_params.clear()
        at.query_params["page"] = name
        for k, v in params.items():
            at.query_params[k] = v
        at.run()

    for i in range(repeat):
        query = ("콜로서스", "nvidia h20", "stargate")[i % 3]
        page("home")
        timed("search", lambda q=query: at.text_input(key="search").set_value(q).run())
        timed("open_object", lambda: page("object", id="colossus"))
        timed("explorer_with_type", lambda: page("explorer", type="GPU"))
        page("graph", seed="nvidia", sel="nvidia-h100")
        timed("graph_expand", lambda: at.button(key="sa_expand").click().run())
        page("sparql", query="clusters-by-power")
        at.toggle(key="c_plain").set_value(True).run()
        timed("run_query", lambda: at.button(key="c_run").click().run())
        page("export-controls")
        timed("what_if_cap", lambda v=1.6 + 0.05 * i: at.slider(key="wi_cap").set_value(v).run())
    return {k: statistics.median(v) for k, v in times.items()}


def report(result: dict) -> str:
    lines = [f"{result['cpus']} CPUs, load average {result['load_average_before']:.1f} before and "
             f"{result['load_average_after']:.1f} after the run",
             f"graph read from: {result.get('graph_source', '?')}",
             f"{'measure':<34} {'seconds':>8}  target"]
    for key, target in (("object_page_warm_s", TARGET_OBJECT_WARM_S), ("home_usable_cold_s", TARGET_HOME_COLD_S)):
        ratio = result[key.replace("_s", "_ratio")]
        mark = f"≤ {target:g} s " + ("ok" if result[key] <= target else "MISSED")
        lines.append(f"{key:<34} {result[key]:>8.3f}  {mark}  ({ratio:.2f}× a plain page of the same size)")
    for key, target in (("server_ready_s", None), ("first_render_s", None),
                        ("cold_start_to_first_render_s", TARGET_FIRST_RENDER_S), ("graph_ready_s", None),
                        ("cold_start_to_graph_ready_s", None), ("warm_session_first_render_s", TARGET_FIRST_RENDER_S)):
        mark = "" if target is None else (f"≤ {target:g} s " + ("ok" if result[key] <= target else "MISSED"))
        lines.append(f"{key:<34} {result[key]:>8.3f}  {mark}")
    for name, t in result["interactions"].items():
        ok = "ok" if t["median_s"] <= TARGET_INTERACTION_S else "MISSED"
        script = result.get("script_s", {}).get(name)
        extra = f"  (script {script:.3f} s)" if script is not None else ""
        lines.append(f"{name + ' (median)':<34} {t['median_s']:>8.3f}  ≤ {TARGET_INTERACTION_S:g} s {ok}{extra}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=None, help="N-Quads file (default: build/atlas.nq)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None, help="where to write the results")
    args = parser.parse_args(argv)
    from petaflop.app.config import graph_path

    graph = (args.graph or graph_path()).resolve()
    if not graph.is_file():
        parser.error(f"no graph at {graph}; run `petaflop build` first")
    if graph_source(graph).startswith("refused: "):  # a stale build: the app would only show the message
        parser.error(graph_source(graph).removeprefix("refused: "))
    result = run(graph, args.repeat)
    result["script_s"] = script_times(graph, args.repeat)
    print(report(result))
    out = args.json or RESULTS / f"{date.today().isoformat()}-app.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"results: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
