"""The workbench in a real browser: Debian's Chromium driven by Playwright against ``streamlit run``.

Covers the acceptance of issue 18: Back/Forward across object, graph and console pages; a
graph of 60+ objects with its legend, merged inverse edges, selection and expansion through
the canvas's own events; the world map with land shapes and the Gulf→US and Gulf→France
flows; saving and reopening a view; the what-if listing the clusters that depend on the
chips; no browser-console error on any page; a screenshot of every page in build/screenshots/.
Streamlit's tables and the charts draw on canvases, so assertions read the text the app writes
(and the Cytoscape instance inside the graph's frame).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import launch, running_app
from playwright.sync_api import expect, sync_playwright

SHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"
TIMEOUT_MS = 60_000
expect.set_options(timeout=30_000)
# A renderer crash ("Target crashed") is Chromium's, not an assertion about the app: it struck the
# graph test's double-click in three CI runs of 15 minutes, once twice in a row (never in local runs of
# that test, alone or with its file). Such a test runs up to twice more, each time on a fresh browser;
# any other failure, or a third crash, fails.
pytestmark = pytest.mark.flaky(reruns=2, only_rerun=["Target crashed"])
IGNORED = ("Unrecognized feature", "allow-scripts and allow-same-origin", "wheel sensitivity", "Infinite extent",
           "Log scale domain includes zero", "is deprecated")


@pytest.fixture(scope="module")
def app_url(built_graph, tmp_path_factory):
    import os

    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    before = os.environ.get("PETAFLOP_VIEWS_DIR")
    os.environ["PETAFLOP_VIEWS_DIR"] = str(tmp_path_factory.mktemp("views"))  # the app server inherits it
    try:
        with running_app(built_graph, log=log) as url:
            yield url
    finally:
        if before is None:
            os.environ.pop("PETAFLOP_VIEWS_DIR", None)
        else:
            os.environ["PETAFLOP_VIEWS_DIR"] = before


@pytest.fixture()
def browser_page(app_url, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as p:
        ctx = launch(p, tmp_path / "profile")
        ctx.set_default_timeout(TIMEOUT_MS)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.on("console", lambda m: errors.append(f"console: {m.text[:300]}")
                if m.type == "error" and not any(i in m.text for i in IGNORED) else None)
        page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
        yield page, errors
        ctx.close()
    assert not errors, errors


def idle(page) -> None:
    page.wait_for_timeout(100)
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden")


def shot(page, name: str) -> None:
    idle(page)
    page.wait_for_timeout(400)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def heading(page, name: str):
    return page.get_by_role("heading", name=name, exact=True)


@pytest.mark.slow
def test_every_page_has_no_console_error_and_a_screenshot(browser_page, app_url):
    page, _ = browser_page
    for name, path, title in [
        ("01-home", "/", "Petaflop Atlas"), ("02-explorer", "/?page=explorer&type=Chip", "Object explorer"),
        ("03-object", "/?page=object&id=nvidia", "NVIDIA"), ("04-graph", "/?page=graph&seed=nvidia", "Graph"),
        ("05-sovereign", "/?page=sovereign", "Sovereign AI & alliances"),
        ("06-export-controls", "/?page=export-controls", "Export controls"), ("07-power", "/?page=power", "Power"),
        ("08-sparql", "/?page=sparql&query=clusters-by-power&run=1", "SPARQL console"),
        ("09-views", "/?page=views", "Saved views"), ("10-export", "/?page=export&seeds=stargate", "Export"),
        ("11-home-korean", "/?lang=ko", "Petaflop Atlas"), ("12-object-korean", "/?page=object&id=colossus&lang=ko", "콜로서스"),
        ("13-garbage", "/?page=nope&foo=%3Cscript%3E", "Petaflop Atlas"),
    ]:
        page.goto(app_url + path)
        expect(heading(page, title)).to_be_visible()
        shot(page, name)
    expect(page.get_by_text(re.compile("The address parameter")).first).to_be_visible()
    assert page.get_by_test_id("stToolbarActions").count() == 0 or not page.get_by_text("Deploy").is_visible()


@pytest.mark.slow
def test_back_and_forward_across_object_graph_and_console(browser_page, app_url):
    page, _ = browser_page
    page.goto(app_url + "/?page=object&id=nvidia")
    expect(heading(page, "NVIDIA")).to_be_visible()
    idle(page)
    page.get_by_role("link", name="NVIDIA H100", exact=True).first.click()
    expect(heading(page, "NVIDIA H100")).to_be_visible()
    idle(page)
    assert "id=nvidia-h100" in page.url  # the link changed the address
    page.get_by_role("link", name=re.compile("Search around this object")).click()
    expect(heading(page, "Graph")).to_be_visible()
    idle(page)
    assert "page=graph" in page.url and "seed=nvidia-h100" in page.url
    page.get_by_test_id("stSidebar").get_by_role("link", name="SPARQL console").click()
    expect(heading(page, "SPARQL console")).to_be_visible()
    idle(page)
    page.go_back()
    expect(heading(page, "Graph")).to_be_visible()
    page.go_back()
    expect(heading(page, "NVIDIA H100")).to_be_visible()
    page.go_back()
    expect(heading(page, "NVIDIA")).to_be_visible()
    assert page.url.endswith("id=nvidia")
    page.go_forward()
    expect(heading(page, "NVIDIA H100")).to_be_visible()
    page.go_forward()
    expect(heading(page, "Graph")).to_be_visible()
    page.go_forward()
    expect(heading(page, "SPARQL console")).to_be_visible()
    shot(page, "20-after-history")


@pytest.mark.slow
def test_graph_of_sixty_objects_legend_merged_edges_select_and_expand(browser_page, app_url):
    page, _ = browser_page
    page.goto(app_url + "/?page=graph&seed=nvidia&ops=x2%3Anvidia&cap=30")
    expect(heading(page, "Graph")).to_be_visible()
    summary = page.get_by_text(re.compile(r"\d+ objects, \d+ links on the canvas"))
    expect(summary).to_be_visible()
    n = int(re.search(r"(\d+) objects", summary.inner_text()).group(1))
    assert n >= 60
    expect(page.get_by_text(re.compile(r"^Hardware \(\d+\)$")).first).to_be_visible()  # the legend
    frame = page.frame_locator("iframe[title*='petaflop_graph']")
    frame.locator("#cy canvas").first.wait_for(state="attached")
    handle = page.frame_locator("iframe[title*='petaflop_graph']").locator("body")
    handle.evaluate("() => new Promise(r => setTimeout(r, 300))")
    drawn = handle.evaluate("() => window.__cy.nodes().filter(n => !n.data('more')).length")
    assert drawn == n
    pairs = handle.evaluate("""() => window.__cy.edges().filter(e => !e.data('more'))
        .map(e => [e.data('source'), e.data('target')].sort().join('|') + '|' + e.data('rel'))""")
    assert len(pairs) == len(set(pairs))  # one edge per relation
    rels = {p.rsplit("|", 1)[1] for p in pairs}
    assert not ({"usesChip", "chipUsedBy"} <= rels or {"designedBy", "designs"} <= rels)
    shot(page, "21-graph-60")
    # select by clicking (the canvas's own tap event), then expand by double-click
    target = handle.evaluate("() => window.__cy.nodes().filter(n => !n.data('more') && !n.data('seed'))[0].id()")
    handle.evaluate(f"() => window.__cy.getElementById('{target}').emit('tap')")
    expect(page).to_have_url(re.compile(rf"sel={re.escape(target)}"))
    idle(page)
    # the selection re-runs the page: wait for the redrawn canvas before the next event
    frame.locator("#cy canvas").first.wait_for(state="attached")
    handle.evaluate("() => new Promise(r => setTimeout(r, 300))")
    handle.evaluate(f"() => window.__cy.getElementById('{target}').emit('dbltap')")
    expect(page).to_have_url(re.compile(rf"ops=x%3A{re.escape(target)}|ops=x:{re.escape(target)}"))
    idle(page)
    shot(page, "22-graph-expanded")


@pytest.mark.slow
def test_map_has_land_and_the_gulf_flows(browser_page, app_url):
    page, _ = browser_page
    page.goto(app_url + "/?page=sovereign")
    expect(heading(page, "Sovereign AI & alliances")).to_be_visible()
    expect(page.get_by_text(re.compile(r"↗ (United Arab Emirates|Qatar|Saudi Arabia) → United States: \$")).first)\
        .to_be_visible()
    expect(page.get_by_text(re.compile(r"↗ United Arab Emirates → France")).first).to_be_visible()
    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart).to_be_visible()
    shot(page, "23-map")
    page.get_by_test_id("stMultiSelect").filter(has_text="Countries").click()
    page.keyboard.type("United Arab Emirates")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("countries=united-arab-emirates"))
    expect(page.get_by_text(re.compile(r"\*?\d+ flows in \d+ deals")).first).to_be_visible()


@pytest.mark.slow
def test_what_if_lists_the_affected_clusters(browser_page, app_url):
    page, _ = browser_page
    page.goto(app_url + "/?page=export-controls")
    expect(page.get_by_text(re.compile(r"chips in the graph are above 1\.8 TB/s"))).to_be_visible()
    expect(page.get_by_text("Who depends on those chips")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Clusters · [1-9]"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"workbench's default|Default from the graph"))).to_be_visible()
    shot(page, "24-what-if")


@pytest.mark.slow
def test_save_and_reopen_a_view(browser_page, app_url):
    page, _ = browser_page
    page.goto(app_url + "/?page=explorer&type=Chip&f.designedBy=amd")
    expect(heading(page, "Object explorer")).to_be_visible()
    idle(page)
    page.get_by_role("button", name=re.compile("Save this view")).click()
    page.get_by_label("Name", exact=True).fill("AMD chips")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved as “AMD chips”.")).to_be_visible()
    page.goto(app_url + "/?page=views")
    expect(heading(page, "Saved views")).to_be_visible()
    page.get_by_role("link", name="AMD chips").click()
    expect(heading(page, "Object explorer")).to_be_visible()
    assert "f.designedBy=amd" in page.url and "type=Chip" in page.url
    shot(page, "25-view-reopened")


# the text a reader sees in the given test ids, with every code element (an identifier, a rule id,
# a query: exempt, as code spans are in tests/test_app_language.py) blanked first
_SHOWN_WITHOUT_CODE = """(ids) => ids.map((id) => {
  const root = document.querySelector(`[data-testid="${id}"]`);
  if (!root) return "";
  root.querySelectorAll("code").forEach((c) => { c.textContent = " "; });
  return root.innerText;
}).join("\\n")"""


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_language_scan_in_the_browser(lang, browser_page, app_url, built_graph):
    """What the browser shows of every page (sidebar and main area) is in one language, outside
    object names and the report's own words (the same rules as tests/test_app_language.py)."""
    from test_app_language import PAGES, _residue

    from petaflop.app.backend import EmbeddedBackend
    from petaflop.app.data import Atlas
    from petaflop.app.savedviews import ViewStore

    atlas = Atlas.load(EmbeddedBackend.from_file(built_graph))
    saved = {v.name for v in ViewStore().list()}  # names the analyst gave (another test saves one)
    data = sorted(saved | {n for iri in atlas.entities for n in atlas.all_names(iri) if n} |
                  {e.o.value for edges in atlas.out.values() for e in edges
                   if hasattr(e.o, "language") and len(e.o.value) >= 2}, key=len, reverse=True)
    app_dir = Path(__file__).resolve().parent.parent / "petaflop" / "app"
    icons = {m for f in app_dir.rglob("*.py") for m in re.findall(r":material/([a-z_]+):", f.read_text(encoding="utf-8"))}
    page, _ = browser_page
    problems = []
    for name, params in PAGES:
        query = "&".join(f"{k}={v}" for k, v in {"page": name, "lang": lang, **params}.items())
        page.goto(f"{app_url}/?{query}")
        page.get_by_role("heading").first.wait_for()
        idle(page)
        text = page.evaluate(_SHOWN_WITHOUT_CODE, ["stMain", "stSidebar"])
        for line in text.splitlines():
            if line.strip() in ("English", "한국어", "Language / 언어") or line.strip() in icons:
                continue  # the switch's own names; an icon's ligature name
            line = re.sub(r"(?:/[\w.\\-]+){2,}", " ", line)  # a file path
            line = re.sub(r"(?<![A-Za-z0-9])[a-z0-9]+(?:-[a-z0-9]+){2,}(?![A-Za-z0-9])", " ", line)  # an id
            found = _residue(line, data, lang)
            if found:
                problems.append(f"{name}: {found[:4]} in {line[:90]!r}")
    assert not problems, "\n".join(problems[:40])
