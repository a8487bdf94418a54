"""One language at a time: every page, in English and in Korean, shows no text of the other language
outside object names and the report's own words.

The scan reads what AppTest renders — titles, headers, Markdown, captions, alerts, widget labels
and options, button and link labels, table headers and cells, chart titles — and removes what
is data rather than interface: every name of every object (any language, since an object the
report names only in English keeps that name), the literal values the report states (a deal's
sector in the report's words), code blocks, and the provenance popover (which quotes the report
on purpose). What is left must be in the chosen language: no Hangul in English; in Korean, no
English word other than units, acronyms and product names written in capitals.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from streamlit.testing.v1 import AppTest

from petaflop.app.backend import EmbeddedBackend
from petaflop.app.data import Atlas

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = [("home", {}), ("explorer", {"type": "Chip"}), ("object", {"id": "nvidia"}), ("object", {"id": "colossus"}),
         ("graph", {"seed": "nvidia"}), ("sovereign", {}), ("export-controls", {}), ("power", {}),
         ("sparql", {"query": "clusters-by-power", "run": "1"}), ("views", {}), ("export", {"seeds": "stargate"}),
         ("review", {}), ("object", {"id": "h20"}), ("explorer", {"type": "ComputeCluster"})]
HANGUL = re.compile(r"[\uac00-\ud7a3]+")
# English a Korean page may show: units, formats, the product's own name, keyboard keys
ALLOWED_EN = {"petaflop", "atlas", "sparql", "json", "csv", "iri", "ctrl", "space", "enter", "usd", "tpp", "bis",
              "eccn", "mw", "gw", "gb", "tb", "tflops", "pflops", "bf", "fp", "hbm", "nm", "kw", "kv", "mwh",
              "graphml", "cypher", "turtle", "trig", "jsonld", "rdfxml", "ntriples", "nquads", "cytoscape",
              "english", "tn", "bn", "run",
              # tools and formats named by their own names
              "gephi", "yed", "networkx", "cypher-shell", "n-quads", "n-triples", "zip"}


@pytest.fixture(scope="module")
def data_strings(built_graph) -> list[str]:
    """Every object name and every literal the graph states, longest first (removed before the scan)."""
    atlas = Atlas.load(EmbeddedBackend.from_file(built_graph))
    out: set[str] = set()
    for iri in atlas.entities:
        out |= {n for n in atlas.all_names(iri) if n}
        for e in atlas.out.get(iri, ()):
            if isinstance(e.o, ox.Literal) and len(e.o.value) >= 2:
                out.add(e.o.value)
    from petaflop.app import console

    for q in console.catalogue()[0]:
        out |= set(re.findall(r"\?(\w{2,})", q.sparql))  # column names: identifiers, removed as whole words
    return sorted(out, key=lambda s: (-len(s), s))  # longest first; one order whatever the hash seed


def _rendered(at: AppTest) -> list[str]:
    out: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        for el in at.get(kind):
            value = getattr(el, "value", "")
            if isinstance(value, str) and not value.startswith(("**Report location:**", "**보고서 위치:**",
                                                                "**inferred by rule**", "**추론 규칙**", "<div")):
                out.append(value)
    for kind in ("selectbox", "multiselect", "text_input", "text_area", "number_input", "slider", "toggle",
                 "segmented_control", "button", "page_link", "download_button", "pills"):
        for el in at.get(kind):
            label = getattr(el, "label", None) or getattr(el.proto, "label", "")
            if label and label != "Language / 언어":
                out.append(label)
            for option in getattr(el, "options", []) or []:
                if option not in ("English", "한국어"):
                    out.append(str(option))
    for df in at.dataframe:
        frame = df.value
        out += [str(c) for c in frame.columns]
        for col in frame.columns:
            out += [v for v in frame[col].tolist() if isinstance(v, str)]
    for chart in at.get("arrow_vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        out += re.findall(r'"title": "([^"]+)"', json.dumps(spec, ensure_ascii=False))
    return out


def _foreign(text: str, lang: str) -> list[str]:
    if lang == "en":
        return HANGUL.findall(text)
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'\-]{2,}", text)
            if not w.isupper() and w.lower() not in ALLOWED_EN and not re.search(r"\d", w)]


def _residue(text: str, data_strings: list[str], lang: str) -> list[str]:
    """The other language's words left in ``text`` once data, code and identifiers are removed."""
    text = text.replace("\\", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = re.sub(r"`[^`]*`", " ", text)  # code spans: identifiers, paths, queries
    text = re.sub(r":[a-z]+(?:-badge|-background)?\[", "[", text)  # Streamlit colour markup around words
    text = re.sub(r"\b[\w.-]+\.(?:csv|zip|json|ttl|nq|trig|graphml|cypher)(?![A-Za-z0-9])", " ", text)  # file names
    text = re.sub(r"https?://\S+|\./\?\S+|:material/[a-z_]+:|\b\w+_\w+\b|\b[a-z]+:(?=[\s,]|$)", " ", text)
    if not _foreign(text, lang):
        return []
    # a name cut short for a narrow column ("Telefónica Edge A…"): the start of a data string. Read
    # before whole names are removed: "Telenor renewabl…" would otherwise lose "Telenor" (a name of
    # its own) and leave "renewabl…", which starts no name.
    for m in list(re.finditer(r"([^\n…]{1,60})…", text)):
        frag = m.group(1)
        cut = next((frag[k:] for k in range(len(frag)) if len(frag[k:].strip()) >= 6
                    and any(d.startswith(frag[k:].strip()) for d in data_strings)), None)
        if cut:
            text = text.replace(cut + "…", " ")
    for s in data_strings:
        if s in text:  # a name that is one ASCII word goes only as a whole word ("AI" not out of "AIR")
            text = (re.sub(rf"(?<![A-Za-z]){re.escape(s)}(?![A-Za-z])", " ", text) if re.fullmatch(r"[A-Za-z]+", s)
                    else text.replace(s, " "))
    text = re.sub(r"“[^”]*”", " ", text)  # the report's own words, quoted (a table's column header)
    return _foreign(text, lang)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_page_speaks_one_language(lang, built_graph, data_strings, monkeypatch, tmp_path):
    monkeypatch.setenv("PETAFLOP_GRAPH", str(built_graph))
    monkeypatch.setenv("PETAFLOP_VIEWS_DIR", str(tmp_path))
    monkeypatch.delenv("PETAFLOP_ENDPOINT", raising=False)
    problems: list[str] = []
    for page, params in PAGES:
        at = AppTest.from_file(APP, default_timeout=120)
        at.query_params["page"] = page
        at.query_params["lang"] = lang
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, (page, at.exception)
        for text in _rendered(at):
            found = _residue(text, data_strings, lang)
            if found:
                problems.append(f"{page}: {found[:4]} in {text[:90]!r}")
    assert not problems, "\n".join(problems[:40])


def test_a_cut_name_is_read_before_its_first_word_is_removed():
    """A cut name whose first word is a name of its own ("Telenor") is still one cut name; an English
    word after it is still found."""
    data = sorted(["Telenor", "Telenor renewable-energy data centre", "MIIA", "MIIA supercomputer"],
                  key=len, reverse=True)
    assert _residue("Telenor renewabl…", data, "ko") == []
    assert _residue("MIIA supercompu…\t3", data, "ko") == []
    assert _residue("Telenor renewabl… 보기 storage", data, "ko") == ["storage"]
    assert _residue("Telenor renewables", data, "ko") == ["renewables"]


def test_a_one_word_name_is_removed_only_as_a_whole_word_and_markup_is_not_a_word():
    """Removing the name "AI" leaves "AIR"'s residue; a colour badge's markup is not English, its words are."""
    data = sorted(["AI", "Stargate"], key=len, reverse=True)
    assert _residue("AI 클러스터", data, "ko") == []
    assert _residue("Airflow 클러스터", data, "ko") == ["Airflow"]
    assert _residue(":orange-badge[계획] Stargate", data, "ko") == []
    assert _residue(":orange-badge[planned]", data, "ko") == ["planned"]
    assert _residue("nodes.csv, edges.csv를 묶은 zip", data, "ko") == []
