"""The workbench in a real browser: Debian's Chromium driven by Playwright against ``streamlit run``.

Opens every page, searches in Korean and in English, opens an object and follows a link,
expands the graph, runs a catalogue query and downloads its CSV, switches the language,
and checks that the browser console logged no error. Screenshots go to build/screenshots/.
Streamlit's data grid draws on a canvas, so assertions read the text the app writes.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from browser import launch, running_app
from playwright.sync_api import expect, sync_playwright

from petaflop.app.ui import export_available

SHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"
TIMEOUT_MS = 60_000
expect.set_options(timeout=30_000)


@pytest.fixture(scope="module")
def app_url(built_graph, tmp_path_factory):
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    with running_app(built_graph, log=log) as url:
        yield url


@pytest.mark.slow
def test_every_page_in_a_real_browser(app_url, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as p:
        ctx = launch(p, tmp_path / "profile")
        ctx.set_default_timeout(TIMEOUT_MS)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"page error: {e}"))

        def shot(name: str) -> None:
            page.wait_for_timeout(300)
            page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)

        def heading(name: str):
            return page.get_by_role("heading", name=name, exact=True)

        nav = page.get_by_test_id("stSidebarNav")

        def idle() -> None:  # no script run in flight (Streamlit's running indicator gone)
            page.wait_for_timeout(50)
            page.get_by_test_id("stStatusWidget").wait_for(state="hidden")

        def go(link: str, title: str) -> None:
            idle()
            nav.get_by_role("link", name=link, exact=True).click()
            expect(heading(title)).to_be_visible()
            idle()

        # home, Korean search, object page, follow a link
        page.goto(app_url)
        expect(heading("Petaflop Atlas")).to_be_visible()
        expect(page.get_by_text("Object types")).to_be_visible()
        shot("01-home")
        search = page.get_by_label("Search objects (English or Korean name or alias)")
        search.fill("콜로서스")
        search.press("Enter")
        page.get_by_role("button", name="Open Colossus").click()
        expect(heading("Colossus")).to_be_visible()
        expect(page.get_by_text("550,000", exact=True)).to_be_visible()
        assert "id=colossus" in page.url
        shot("02-object-colossus")
        page.get_by_role("link", name="Shelby County").first.click()
        expect(heading("Shelby County")).to_be_visible()
        expect(page.get_by_role("link", name="Colossus", exact=True).first).to_be_visible()
        shot("03-object-shelby-county")

        # English search, tolerant of case and spacing
        go("Home", "Petaflop Atlas")
        search = page.get_by_label("Search objects (English or Korean name or alias)")
        search.fill("NVIDIA h-20")
        search.press("Enter")
        page.get_by_role("button", name="Open NVIDIA H20").click()
        expect(heading("NVIDIA H20")).to_be_visible()
        expect(page.get_by_text("effectively allowed").first).to_be_visible()
        shot("04-object-nvidia-h20")

        # explorer, opened from a type on Home: the type is in the address
        go("Home", "Petaflop Atlas")
        page.get_by_role("link", name=re.compile(r"^GPU — \d+$")).click()
        expect(heading("Object explorer")).to_be_visible()
        expect(page.get_by_text(re.compile(r"objects of type GPU match"))).to_be_visible()
        assert "type=GPU" in page.url
        shot("05-explorer-gpu")

        # graph: Search Around from Colossus, expand, the network is drawn in its frame
        go("Graph", "Graph")
        expect(page.get_by_text(re.compile(r"5 objects, \d+ links on the canvas"))).to_be_visible()
        idle()
        page.get_by_role("button", name="Expand", exact=True).click()
        expect(page.get_by_text("Expanded Colossus: 4 linked objects.")).to_be_visible()
        frame = page.frame_locator("iframe[title='st.iframe']").first
        expect(frame.locator("#mynetwork canvas")).to_be_attached()
        shot("06-graph")

        go("Sovereign AI & alliances", "Sovereign AI & alliances")
        expect(page.get_by_text(re.compile(r"\d+ flows, stated amounts totalling"))).to_be_visible()
        shot("07-sovereign")
        go("Export controls", "Export controls")
        expect(page.get_by_text(re.compile(r"chips would be restricted"))).to_be_visible()
        shot("08-export-controls")
        go("Power", "Power")
        expect(page.get_by_text("Colossus", exact=True).first).to_be_visible()
        shot("09-power")

        # SPARQL console: a catalogue query, run, CSV download
        go("SPARQL console", "SPARQL console")
        page.get_by_test_id("stSelectbox").filter(has_text="Catalogue").click()
        page.keyboard.type("Clusters ranked by power")
        page.keyboard.press("Enter")
        expect(page.get_by_role("paragraph").filter(
            has_text="Compute clusters and cluster phases ranked by the largest power")).to_be_visible()
        expect(page.get_by_label("min_mw (decimal)", exact=True)).to_be_visible()  # the query's parameter form
        # the editor holds the chosen query before Run (on a loaded machine the rerun can lag)
        expect(page.get_by_label("SPARQL", exact=True)).to_have_value(re.compile(r"\?min_mw"))
        idle()
        page.get_by_role("button", name="Run", exact=True).click()
        expect(page.get_by_text(re.compile(r"rows in \d+ ms"))).to_be_visible()
        expect(page.get_by_text("./sparql?query=clusters-by-power&p.min_mw=0&run=1")).to_be_visible()
        with page.expect_download() as download:
            page.get_by_role("button", name="Download CSV").click()
        rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
        assert rows and "https://petaflop-atlas.org/id/colossus" in {r["cluster"] for r in rows}
        assert download.value.suggested_filename == "clusters-by-power.csv"
        shot("10-sparql")

        if export_available():
            go("Export", "Export")
            shot("11-export")

        # language switch
        go("Home", "Petaflop Atlas")
        page.get_by_test_id("stSidebar").get_by_text("한국어", exact=True).click()
        expect(page.get_by_text("객체 유형")).to_be_visible()
        expect(nav.get_by_role("link", name="수출통제")).to_be_visible()
        shot("12-home-korean")
        ctx.close()
    assert not errors, errors
