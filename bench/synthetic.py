"""Synthetic Petaflop Atlas graphs for benchmarks: deterministic, streamed N-Quads, shaped like the report.

The generator writes a graph that looks like several merged reports: the ontology in
``pfg:ontology``, facts in ``pfg:facts`` and, for a fraction of the facts, provenance statements
in ``pfg:provenance`` (the report's own layout, see docs/architecture.md). It never holds the
graph in memory: entities are numbered, lines are formatted and written in batches, and only the
entity numbers that later links point to are kept (a few MB at 10^7 triples).

What it produces, per *unit* (about 1,000-1,400 quads with the default provenance fraction):

* firms (Firm, AILab, Investor, SovereignWealthFund, GovernmentBody, UtilityOrGridOperator,
  ResearchInstitute) with English and Korean labels, headquarters (the US and China dominate),
  subsidiaries (``ownedBy`` a parent picked by preferential attachment: a few conglomerates own
  many), revenues, valuations and GPU holdings;
* chips (GPU, ASIC, TPU, NPU, CPU) designed by firms (NVIDIA designs about a quarter, Huawei most
  Chinese ones), fabricated by a few foundries on process nodes, with memory, packaging,
  bandwidth (log-normal around 2 TB/s, so the 1.8 TB/s export threshold splits them), TFLOPS, TDP,
  release dates, export status to China and export measures they are subject to;
* compute clusters operated, owned and announced by firms, located in countries, using one to three
  chips (popular chips more often), with power (log-normal, median ~150 MW, a tail past 1 GW),
  chip counts, phases (``phaseOf``), power assets (gas turbines, batteries, fuel cells, solar,
  grid connections) and the odd sovereign funding;
* investments (``hasInvestor`` 1-4, ``hasInvestee``, ``amountUSD`` log-normal, median $500M),
  deals, contracts, partnerships and acquisitions with parties, amounts and chips;
* export-control events and measures (bans, licence requirements, revenue-share conditions) that
  name chips and destinations; AI models; people; quantity claims attached to entities.

Anchor entities carry the ids the query catalogue's defaults name (``nvidia``, ``huawei``,
``huawei-ascend-910c``, ``stargate``, ``stargate-abilene-campus`` with phases, ``colossus``,
``stargate-investors--openai--stargate``, the bloc countries…) so that every catalogue query
returns rows on a synthetic graph too.

The same ``seed`` always gives the same bytes, and a smaller graph is a prefix of a larger one
(generation stops after the unit that reaches the target size). Use::

    from bench.synthetic import generate
    stats = generate("graph.nq", triples=1_000_000, seed=7)      # -> SyntheticStats

    python -m bench.synthetic graph.nq --triples 1000000 [--seed 7] [--provenance 0.5] [--no-ontology]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from foundation.namespaces import GRAPH_FACTS, GRAPH_ONTOLOGY, GRAPH_PROVENANCE, PFA, PFID

GENERATOR_VERSION = 1  # bump when the output changes (bench caches generated files by it)

_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_PROV = "http://www.w3.org/ns/prov#"
_PFLOC = "https://petaflop-atlas.org/report/"
_PFST = "https://petaflop-atlas.org/statement/"

TYPE = f"<{_RDF}type>"
LABEL = f"<{_RDFS}label>"
ALT = f"<{_SKOS}altLabel>"
G_FACTS = f"<{GRAPH_FACTS}>"
G_PROV = f"<{GRAPH_PROVENANCE}>"
G_ONTO = f"<{GRAPH_ONTOLOGY}>"


def _p(local: str) -> str:
    return f"<{PFA}{local}>"


def _id(local: str) -> str:
    return f"<{PFID}{local}>"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def lit(text: str, lang: str | None = None) -> str:
    body = f'"{_escape(text)}"'
    return f"{body}@{lang}" if lang else body


def dec(value: float) -> str:
    """An xsd:decimal in the build's form (``"1200.0"``): rounded to 3 significant decimals."""
    text = f"{round(value, 3)!r}"
    if "e" in text or "E" in text:
        text = f"{value:.1f}"
    return f'"{text}"^^<{_XSD}decimal>'


def integer(value: int) -> str:
    return f'"{value}"^^<{_XSD}integer>'


def date(year: int, month: int, day: int) -> str:
    return f'"{year:04d}-{month:02d}-{day:02d}"^^<{_XSD}date>'


# --------------------------------------------------------------------------- reference data

BLOC_COUNTRIES = [
    ("united-states", "United States", "미국", "US"), ("china", "China", "중국", "CN"),
    ("saudi-arabia", "Saudi Arabia", "사우디아라비아", "SA"), ("united-arab-emirates", "United Arab Emirates", "아랍에미리트", "AE"),
    ("qatar", "Qatar", "카타르", "QA"), ("france", "France", "프랑스", "FR"), ("germany", "Germany", "독일", "DE"),
    ("italy", "Italy", "이탈리아", "IT"), ("spain", "Spain", "스페인", "ES"), ("norway", "Norway", "노르웨이", "NO"),
    ("united-kingdom", "United Kingdom", "영국", "GB"), ("ireland", "Ireland", "아일랜드", "IE"),
    ("netherlands", "Netherlands", "네덜란드", "NL"), ("sweden", "Sweden", "스웨덴", "SE"),
    ("finland", "Finland", "핀란드", "FI"), ("japan", "Japan", "일본", "JP"), ("south-korea", "South Korea", "한국", "KR"),
    ("taiwan", "Taiwan", "대만", "TW"), ("india", "India", "인도", "IN"), ("singapore", "Singapore", "싱가포르", "SG"),
    ("malaysia", "Malaysia", "말레이시아", "MY"), ("canada", "Canada", "캐나다", "CA"), ("israel", "Israel", "이스라엘", "IL"),
    ("brazil", "Brazil", "브라질", "BR"), ("australia", "Australia", "호주", "AU"),
]
N_EXTRA_COUNTRIES = 35
# headquarters and locations: weights per country index (US and China dominate, a long tail)
_COUNTRY_WEIGHTS = [30, 18, 4, 4, 1, 3, 3, 1.5, 1, 1, 3, 1, 1, 1, 0.5, 4, 3, 3, 2, 1.5, 1, 2, 1, 1, 1]
EXPORT_STATUS = [("exportstatustochina-banned", "banned", "수출 금지"),
                 ("exportstatustochina-effectively-allowed", "effectively allowed", "사실상 허용"),
                 ("exportstatustochina-expected-to-be-allowed", "expected to be allowed", "허용 예상")]
PROCESS_NODES = [(f"node-{nm}nm", f"{nm} nm", nm) for nm in (2, 3, 4, 5, 6, 7, 10, 12, 14, 16, 22, 28)]
MEMORIES = [("hbm2e", "HBM2e", True), ("hbm3", "HBM3", True), ("hbm3e", "HBM3e", True), ("hbm4", "HBM4", True),
            ("gddr6", "GDDR6", False), ("gddr7", "GDDR7", False), ("lpddr5x", "LPDDR5X", False)]
PACKAGINGS = [("cowos-s", "CoWoS-S"), ("cowos-l", "CoWoS-L"), ("info", "InFO"), ("emib", "EMIB"), ("soic", "SoIC")]
POWER_TECHS = [("gas-turbine", "Gas turbine", 70, "high"), ("small-modular-reactor", "Small modular reactor", 95, "high"),
               ("solar-plus-storage", "Solar + storage", 60, "medium"), ("onshore-wind", "Onshore wind", 45, "low"),
               ("fuel-cell", "Fuel cell", 120, "high"), ("grid-power", "Grid power", 80, "medium")]
ASSET_KINDS = [("GasTurbine", 0.35), ("BatteryStorage", 0.15), ("FuelCell", 0.1), ("SolarPV", 0.1),
               ("GridConnection", 0.25), ("NuclearPlant", 0.05)]
ORG_KINDS = [("Firm", 0.6), ("AILab", 0.15), ("Investor", 0.1), ("SovereignWealthFund", 0.03),
             ("GovernmentBody", 0.04), ("UtilityOrGridOperator", 0.05), ("ResearchInstitute", 0.03)]
CHIP_KINDS = [("GPU", 0.45), ("ASIC", 0.25), ("TPU", 0.08), ("NPU", 0.12), ("CPU", 0.1)]
DEAL_KINDS = [("Deal", 0.35), ("Contract", 0.3), ("Partnership", 0.25), ("Acquisition", 0.1)]
MEASURE_KINDS = [("ExportBan", 0.45), ("LicenseRequirement", 0.4), ("RevenueShareCondition", 0.15)]
CLAIM_KINDS = [("count", "count"), ("money", "USD"), ("power", "MW"), ("percent", "%"), ("number", ""),
               ("bandwidth", "TB/s"), ("multiple", "x")]
SECTORS = ["AI 인프라", "데이터센터", "반도체", "에너지", "클라우드", "국방", "헬스케어", "통신"]
STATUSES = ["건설 중", "계획", "가동 중", "발표", "협상 중"]
FORMS = ["지분 투자", "프로젝트 파이낸스", "전환사채", "자체 자금"]
ROLES = ["지분 투자자", "프로젝트 스폰서", "대주단", "전략적 투자자"]
RULES = ["table:generic-entity-rows:claims", "text:quantity", "gazetteer", "table:generic-entity-columns:claims",
         "table:cluster-key-facts", "table:stargate-investors", "table:china-export-gpus", "claim:cluster-power",
         "relation:model-developer", "table:export-control-timeline", "table:bigtech-asics", "source-line"]
_RULE_WEIGHTS = [30, 26, 20, 8, 3, 2, 2, 2, 2, 2, 2, 1]
QUALIFIERS = ["approximate", "lowerBound", "range", "vague", "upperBound", "estimate"]


def _weighted(rng: random.Random, table: list[tuple[str, float]]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


@dataclass
class SyntheticStats:
    """What was written: quads per graph, entities per class, and the parameters used."""

    path: str
    seed: int
    target: int
    quads: int = 0
    per_graph: dict[str, int] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    units: int = 0
    provenance_fraction: float = 0.5
    with_ontology: bool = True
    generator_version: int = GENERATOR_VERSION


class _Pool:
    """Entity numbers to link to, picked uniformly or by preferential attachment (power-law fan-in)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.items: list[str] = []
        self.hits: list[str] = []

    def add(self, item: str, weight: int = 1) -> None:
        self.items.append(item)
        self.hits.extend([item] * weight)

    def __len__(self) -> int:
        return len(self.items)

    def uniform(self) -> str:
        return self.items[self.rng.randrange(len(self.items))]

    def popular(self, p_pref: float = 0.7) -> str:
        """With probability p_pref an item in proportion to the links it already has, else uniform."""
        if self.hits and self.rng.random() < p_pref:
            item = self.hits[self.rng.randrange(len(self.hits))]
        else:
            item = self.uniform()
        if len(self.hits) < 4_000_000:
            self.hits.append(item)
        return item

    def several(self, k: int, p_pref: float = 0.7) -> list[str]:
        out: list[str] = []
        for _ in range(k * 3):
            if len(out) >= k or len(out) >= len(self.items):
                break
            item = self.popular(p_pref)
            if item not in out:
                out.append(item)
        return out


class _Writer:
    """Formats quads, counts them, writes lines in batches; adds provenance for a fraction of facts."""

    def __init__(self, handle, rng: random.Random, provenance: float):
        self.handle = handle
        self.rng = rng
        self.provenance = provenance
        self.buffer: list[str] = []
        self.per_graph = {"ontology": 0, "facts": 0, "provenance": 0}
        self.sources: _Pool | None = None
        self.report = 0
        self.line = 0
        self.table = 0
        self.row_loc: str | None = None
        self.row_col = 0
        self.table_rows = 0
        self.current_loc: str | None = None
        self.statement_count = 0
        self.last_statement: str | None = None

    def raw(self, text: str, graph: str, count: int) -> None:
        self.buffer.append(text)
        self.per_graph[graph] += count

    def quad(self, s: str, p: str, o: str, g: str = G_FACTS) -> None:
        self.buffer.append(f"{s} {p} {o} {g} .\n")
        self.per_graph["facts" if g == G_FACTS else "provenance"] += 1
        if len(self.buffer) >= 20_000:
            self.flush()

    def flush(self) -> None:
        self.handle.write("".join(self.buffer))
        self.buffer.clear()

    @property
    def total(self) -> int:
        return sum(self.per_graph.values())

    # ---- report locations: a "table row" or a run of text lines per entity; facts share cells and lines
    def new_row(self, in_table: bool) -> None:
        self.line += self.rng.randint(1, 6)
        if in_table:
            if self.table == 0 or self.rng.random() < 0.2:
                self.table += 1
                self.table_rows = 0
            self.table_rows += 1
            self.row_loc = f"T/S{self.report}-{self.table}/r{self.table_rows}"
        else:
            self.row_loc = None
        self.row_col = 0
        self.current_loc = None

    def location(self) -> str:
        """The current cell (or line) most of the time, else the next one: about five statements each."""
        if self.current_loc is not None and self.rng.random() >= 0.2:
            return self.current_loc
        if self.row_loc:
            self.row_col += 1
            local = f"{self.row_loc}c{self.row_col}"
        else:
            self.line += 1
            local = f"S{self.report}/L{self.line}"
        iri = f"<{_PFLOC}{local}>"
        g = G_PROV
        chapter = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][(self.line // 700) % 10]
        self.quad(iri, TYPE, _p("ReportLocation"), g)
        self.quad(iri, _p("lineStart"), integer(self.line), g)
        self.quad(iri, _p("lineEnd"), integer(self.line), g)
        self.quad(iri, _p("chapter"), lit(chapter), g)
        self.quad(iri, _p("slideTitle"), lit(f"{chapter}. 합성 보고서 {self.report} 슬라이드 {self.line // 40}"), g)
        if self.row_loc:
            table, row = self.row_loc.rsplit("/r", 1)
            self.quad(iri, _p("tableId"), lit(table[2:]), g)
            self.quad(iri, _p("rowNumber"), integer(int(row)), g)
            self.quad(iri, _p("columnNumber"), integer(self.row_col), g)
        self.current_loc = iri
        return iri

    def fact(self, s: str, p: str, o: str, force_provenance: bool = False) -> None:
        self.quad(s, p, o)
        if self.provenance <= 0 or not (force_provenance or self.rng.random() < self.provenance):
            return
        g = G_PROV
        self.statement_count += 1
        st = f"<{_PFST}{hashlib.sha1(f'{s} {p} {o}'.encode()).hexdigest()[:20]}>"
        self.quad(st, TYPE, f"<{_RDF}Statement>", g)
        self.quad(st, f"<{_RDF}subject>", s, g)
        self.quad(st, f"<{_RDF}predicate>", p, g)
        self.quad(st, f"<{_RDF}object>", o, g)
        self.quad(st, f"<{_PROV}wasDerivedFrom>", self.location(), g)
        rule = self.rng.choices(RULES, weights=_RULE_WEIGHTS)[0]
        self.quad(st, _p("extractionRule"), lit(rule), g)
        assert self.sources is not None
        for src in self.sources.several(2 if self.rng.random() < 0.3 else 1, 0.85):
            self.quad(st, _p("citedSource"), src, g)
        r = self.rng.random()
        if r < 0.08:
            self.quad(st, _p("qualifier"), lit(self.rng.choice(QUALIFIERS)), g)
        elif r < 0.15:
            self.quad(st, _p("asOf"), f'"{self.rng.randint(2019, 2026)}"^^<{_XSD}gYear>', g)
        if self.rng.random() < 0.15:
            self.quad(st, _p("sourceText"), lit(f"합성 원문 {self.line}"), g)
        if self.rng.random() < 0.02 and self.last_statement and self.last_statement != st:
            self.quad(st, _p("conflicting"), f'"true"^^<{_XSD}boolean>', g)
            self.quad(st, _p("conflictsWith"), self.last_statement, g)
        self.last_statement = st


class _World:
    """The generator's state: pools of entities to link to and the counters that name new ones."""

    def __init__(self, w: _Writer, rng: random.Random):
        self.w = w
        self.rng = rng
        self.counts: dict[str, int] = {}
        self.orgs = _Pool(rng)          # every organisation
        self.designers_us = _Pool(rng)  # chip designers by bloc
        self.designers_cn = _Pool(rng)
        self.foundries = _Pool(rng)
        self.labs = _Pool(rng)
        self.investors = _Pool(rng)
        self.gov = _Pool(rng)
        self.chips = _Pool(rng)
        self.systems = _Pool(rng)
        self.clusters = _Pool(rng)
        self.measures = _Pool(rng)
        self.sources = _Pool(rng)
        self.countries = _Pool(rng)
        self.country_weights: list[float] = []
        self.regions: list[tuple[str, str]] = []
        self.initiatives = _Pool(rng)
        self.alliances: list[str] = []
        self.models = _Pool(rng)
        self.links: set[tuple[str, str, str]] = set()
        w.sources = self.sources

    def new(self, kind: str) -> tuple[str, int]:
        n = self.counts.get(kind, 0) + 1
        self.counts[kind] = n
        return _id(f"syn-{kind.lower()}-{n}"), n

    def typed(self, iri: str, cls: str, en: str, ko: str | None = None, alts: Iterable[str] = (),
              force: bool = False) -> None:
        self.w.fact(iri, TYPE, _p(cls) if not cls.startswith("<") else cls, force)
        self.w.fact(iri, LABEL, lit(en, "en"), force)
        if ko:
            self.w.fact(iri, LABEL, lit(ko, "ko"), force)
        for alt in alts:
            self.w.fact(iri, ALT, lit(alt, "en"))
        self.counts["typed:" + cls] = self.counts.get("typed:" + cls, 0) + 1

    def country(self) -> str:
        return self.rng.choices(self.countries.items, weights=self.country_weights)[0]

    # ---- reference data and anchors, written once
    def reference(self) -> None:
        w, f = self.w, self.w.fact
        w.new_row(in_table=False)
        for i in range(40):
            src = _id(f"source-{i}" if i else "source-openai")
            self.typed(src, "Source", f"Source {i}" if i else "OpenAI (source)")
            self.sources.add(src, weight=max(1, 40 // (i + 1)))
        for i, (slug, en, ko, code) in enumerate(BLOC_COUNTRIES):
            c = _id(slug)
            self.typed(c, "Country", en, ko, [code])
            f(c, _p("countryCode"), lit(code))
            self.countries.add(c)
            self.country_weights.append(_COUNTRY_WEIGHTS[i])
        for i in range(N_EXTRA_COUNTRIES):
            c = _id(f"syn-country-{i + 1}")
            self.typed(c, "Country", f"Country {i + 1}", f"국가 {i + 1}")
            f(c, _p("countryCode"), lit(f"X{i:02d}"))
            self.countries.add(c)
            self.country_weights.append(0.3)
        for i, name in enumerate(["texas", "ohio", "arizona", "guangdong", "inner-mongolia", "riyadh-province",
                                  "abu-dhabi-emirate", "bavaria", "tennessee", "wisconsin"]):
            country = _id("china") if i in (3, 4) else _id("saudi-arabia") if i == 5 else \
                _id("united-arab-emirates") if i == 6 else _id("germany") if i == 7 else _id("united-states")
            r = _id(name)
            self.typed(r, "Region", name.replace("-", " ").title())
            f(r, _p("partOf"), country)
            self.regions.append((r, country))
        for i, name in enumerate(["Gulf AI Compact", "Chip 4 Alliance", "EU AI Gigafactories", "Digital Silk Road",
                                  "Pax Silica", "Quad Tech Partnership"]):
            a = _id(f"syn-alliance-{i + 1}")
            self.typed(a, "Alliance", name)
            self.alliances.append(a)
            for c in self.countries.several(self.rng.randint(3, 8), 0.0):
                f(c, _p("memberOf"), a)
        for slug, en, ko in EXPORT_STATUS:
            c = _id(slug)
            self.typed(c, f"<{_SKOS}Concept>", en, ko)
        for slug, en, nm in PROCESS_NODES:
            n = _id(slug)
            self.typed(n, "ProcessNode", en)
            f(n, _p("processNodeNm"), dec(nm))
        for slug, en, hbm in MEMORIES:
            self.typed(_id(slug), "HighBandwidthMemory" if hbm else "MemoryTechnology", en)
        for slug, en in PACKAGINGS:
            self.typed(_id(slug), "PackagingTechnology", en)
        for slug, en, lcoe, disp in POWER_TECHS:
            t = _id(slug)
            self.typed(t, "PowerTechnology", en)
            f(t, _p("lcoeUSDperMWh"), dec(lcoe))
            f(t, _p("dispatchability"), lit(disp))
            f(t, _p("constructionPeriod"), lit(f"{self.rng.randint(1, 8)} years"))
            f(t, _p("lifetimeYears"), dec(self.rng.choice([20, 25, 30, 40, 60])))
            f(t, _p("footprintAcresPer100MW"), dec(self.rng.uniform(5, 800)))
            f(t, _p("loadSmoothing"), lit(self.rng.choice(["yes", "partial", "no"])))
            f(t, _p("lvrtSupport"), lit(self.rng.choice(["yes", "no"])))
        thr = _id("syn-threshold-bandwidth")
        self.typed(thr, "PerformanceThreshold", "Memory bandwidth cap 1.8 TB/s")
        f(thr, _p("memoryBandwidthCapTBps"), dec(1.8))
        # anchors named by the catalogue's defaults
        self.org("nvidia", "Firm", "NVIDIA", "엔비디아", _id("united-states"), designer="us", weight=60)
        self.org("huawei", "Firm", "Huawei", "화웨이", _id("china"), designer="cn", weight=25)
        self.org("amd", "Firm", "AMD", "AMD", _id("united-states"), designer="us", weight=10)
        for slug, en, hq in (("tsmc", "TSMC", "taiwan"), ("samsung-foundry", "Samsung Foundry", "south-korea"),
                             ("smic", "SMIC", "china"), ("intel-foundry", "Intel Foundry", "united-states")):
            self.org(slug, "Firm", en, None, _id(hq), foundry=True)
        for slug, en, hq in (("openai", "OpenAI", "united-states"), ("xai", "xAI", "united-states"),
                             ("deepseek", "DeepSeek", "china")):
            self.org(slug, "AILab", en, None, _id(hq))
        self.org("oracle", "Firm", "Oracle", "오라클", _id("united-states"))
        self.org("softbank", "Investor", "SoftBank", "소프트뱅크", _id("japan"))
        self.org("pif", "SovereignWealthFund", "Public Investment Fund", "사우디 국부펀드", _id("saudi-arabia"))
        self.org("us-department-of-commerce", "GovernmentBody", "US Department of Commerce", "미국 상무부",
                 _id("united-states"))
        stargate = _id("stargate")
        self.typed(stargate, "ComputeCluster", "Stargate", "스타게이트", ["Project Stargate"], force=True)
        for p, o in ((_p("operatedBy"), _id("openai")), (_p("ownedBy"), _id("openai")),
                     (_p("chipCount"), dec(500000)), (_p("plannedPowerMW"), dec(10000)),
                     (_p("locatedIn"), _id("united-states")), (_p("announcedBy"), _id("oracle"))):
            f(stargate, p, o, True)
        self.clusters.add(stargate, 5)
        chip = _id("huawei-ascend-910c")
        self.typed(chip, "ASIC", "Huawei Ascend 910C", "화웨이 어센드 910C", ["Ascend 910C"], force=True)
        for p, o in ((_p("designedBy"), _id("huawei")), (_p("fabricatedBy"), _id("smic")),
                     (_p("fabricatedOn"), _id("node-7nm")), (_p("usesMemory"), _id("hbm2e")),
                     (_p("memoryBandwidthTBps"), dec(3.2)), (_p("memoryGB"), dec(128)),
                     (_p("bf16DenseTFLOPS"), dec(780)), (_p("shipmentsThousands"), dec(200)),
                     (_p("packagedWith"), _id("cowos-s")), (_p("releaseDate"), date(2025, 3, 1))):
            f(chip, p, o, True)
        self.chips.add(chip, 5)
        gb200 = _id("nvidia-gb200")
        self.typed(gb200, "GPU", "NVIDIA GB200", "GB200", force=True)
        for p, o in ((_p("designedBy"), _id("nvidia")), (_p("fabricatedBy"), _id("tsmc")),
                     (_p("fabricatedOn"), _id("node-4nm")), (_p("usesMemory"), _id("hbm3e")),
                     (_p("memoryBandwidthTBps"), dec(8)), (_p("memoryGB"), dec(192)), (_p("tdpW"), dec(1200)),
                     (_p("bf16DenseTFLOPS"), dec(2500)), (_p("exportStatusToChina"), _id(EXPORT_STATUS[0][0])),
                     (_p("releaseDate"), date(2024, 11, 1))):
            f(gb200, p, o, True)
        self.chips.add(gb200, 20)
        campus = _id("stargate-abilene-campus")
        self.typed(campus, "ComputeCluster", "Stargate Abilene Campus", "스타게이트 애빌린 캠퍼스", force=True)
        f(campus, _p("locatedIn"), _id("texas"), True)
        f(campus, _p("operatedBy"), _id("oracle"), True)
        f(campus, _p("partOf"), stargate, True)
        for k in range(1, 5):
            ph = _id(f"stargate-abilene-phase-{k}")
            self.typed(ph, "ClusterPhase", f"Stargate Abilene Phase {k}", f"애빌린 {k}단계", force=True)
            f(ph, _p("phaseOf"), campus, True)
            f(ph, _p("powerCapacityMW"), dec(200 * k + 100), True)
            f(ph, _p("chipCount"), dec(50000 * k), True)
            f(ph, _p("usesChip"), gb200, True)
            f(ph, _p("status"), lit(STATUSES[k % len(STATUSES)], "ko"), True)
        self.clusters.add(campus, 3)
        colossus = _id("colossus")
        self.typed(colossus, "ComputeCluster", "Colossus", "콜로서스", ["xAI Colossus"], force=True)
        for p, o in ((_p("operatedBy"), _id("xai")), (_p("chipCount"), dec(200000)),
                     (_p("powerCapacityMW"), dec(300)), (_p("usesChip"), gb200), (_p("locatedIn"), _id("tennessee"))):
            f(colossus, p, o, True)
        self.clusters.add(colossus, 3)
        inv = _id("stargate-investors--openai--stargate")
        self.typed(inv, "Investment", "Investment: OpenAI in Stargate", force=True)
        for p, o in ((_p("hasInvestor"), _id("openai")), (_p("hasInvestee"), stargate),
                     (_p("amountUSD"), dec(19e9)), (_p("investmentForm"), lit("자체 자금", "ko")),
                     (_p("investorRole"), lit("프로젝트 스폰서", "ko"))):
            f(inv, p, o, True)
        for k, (slug, en) in enumerate((("softbank", "SoftBank"), ("oracle", "Oracle"), ("pif", "PIF"))):
            i2 = _id(f"stargate-investors--{slug}--stargate")
            self.typed(i2, "Investment", f"Investment: {en} in Stargate")
            f(i2, _p("hasInvestor"), _id(slug), True)
            f(i2, _p("hasInvestee"), stargate, True)
            f(i2, _p("amountUSD"), dec((k + 1) * 7e9), True)
        for k, kind in enumerate(("ExportBan", "LicenseRequirement")):
            m = _id(f"syn-anchor-measure-{k + 1}")
            self.typed(m, kind, f"Export rule {k + 1}")
            f(m, _p("issuedBy"), _id("us-department-of-commerce"))
            f(m, _p("restrictsExportTo"), _id("china"))
            f(m, _p("appliesToChip"), gb200)
            self.measures.add(m, 3)
        ini = _id("syn-initiative-1")
        self.typed(ini, "SovereignAIInitiative", "Sovereign AI Initiative 1", "소버린 AI 1")
        f(ini, _p("sponsoredBy"), _id("pif"))
        self.initiatives.add(ini)

    def org(self, slug: str | None, kind: str, en: str, ko: str | None, hq: str, designer: str | None = None,
            foundry: bool = False, weight: int = 1) -> str:
        if slug:
            o = _id(slug)
            self.counts["Organization"] = self.counts.get("Organization", 0) + 1
        else:
            o, _n = self.new("Organization")
        self.typed(o, kind, en, ko, force=bool(slug))
        self.w.fact(o, _p("headquarteredIn"), hq, bool(slug))
        self.orgs.add(o, weight)
        if designer == "us":
            self.designers_us.add(o, weight)
        elif designer == "cn":
            self.designers_cn.add(o, weight)
        if foundry:
            self.foundries.add(o, 6 if "smic" not in o else 3)
        if kind == "AILab":
            self.labs.add(o, weight)
        if kind in ("Investor", "SovereignWealthFund"):
            self.investors.add(o, weight)
        if kind == "GovernmentBody":
            self.gov.add(o, weight)
        return o

    # ---- one unit of the merged graph
    def unit(self, u: int) -> None:
        rng, w, f = self.rng, self.w, self.w.fact
        if u % 40 == 0:
            w.report += 1
            w.line = 0
            w.table = 0
        if u % 3 == 0:
            src, n = self.new("Source")
            self.typed(src, "Source", f"Source {n}", f"출처 {n}")
            self.sources.add(src)
        # organisations
        for _ in range(6):
            w.new_row(in_table=rng.random() < 0.6)
            kind = _weighted(rng, ORG_KINDS)
            hq = self.country()
            n = self.counts.get("Organization", 0) + 1
            china = hq == _id("china")
            designer = None
            if kind == "Firm" and rng.random() < 0.12:
                designer = "cn" if china else "us"
            o = self.org(None, kind, f"Synthetic {kind} {n}", f"합성 {'기업' if kind == 'Firm' else '기관'} {n}",
                         hq, designer=designer)
            if rng.random() < 0.3:
                f(o, ALT, lit(f"SYN{n}", "en"))
            if rng.random() < 0.4 and len(self.orgs) > 20:
                parent = self.orgs.popular(0.8)
                if parent != o:
                    f(o, _p("ownedBy"), parent)
            if rng.random() < 0.3:
                f(o, _p("revenueUSD"), dec(min(rng.lognormvariate(math.log(2e8), 1.8), 1e12)))
            if kind == "AILab" and rng.random() < 0.7:
                f(o, _p("valuationUSD"), dec(min(rng.lognormvariate(math.log(3e9), 1.5), 5e11)))
            if rng.random() < 0.2:
                f(o, _p("gpuCount"), dec(round(rng.lognormvariate(math.log(5000), 1.8))))
            if rng.random() < 0.15:
                f(o, _p("sector"), lit(rng.choice(SECTORS), "ko"))
            if rng.random() < 0.3 and len(self.orgs) > 10:
                other = self.orgs.popular()
                if other != o:
                    f(o, _p("partnerOf"), other)
            if rng.random() < 0.1:
                f(o, _p("customerOf"), self.orgs.popular())
        # chips
        for _ in range(3):
            w.new_row(in_table=True)
            c, n = self.new("Chip")
            kind = _weighted(rng, CHIP_KINDS)
            chinese = rng.random() < 0.22
            if chinese:
                designer = _id("huawei") if rng.random() < 0.4 else self.designers_cn.popular()
                foundry = _id("smic") if rng.random() < 0.75 else self.foundries.popular()
            else:
                designer = _id("nvidia") if rng.random() < 0.3 else self.designers_us.popular()
                foundry = self.foundries.popular() if rng.random() < 0.5 else _id("tsmc")
            self.typed(c, kind, f"Synthetic {kind} {n}", f"합성 칩 {n}" if rng.random() < 0.3 else None,
                       [f"SX{n}"] if rng.random() < 0.2 else ())
            f(c, _p("designedBy"), designer)
            f(c, _p("fabricatedBy"), foundry)
            f(c, _p("fabricatedOn"), _id(rng.choice(PROCESS_NODES[:8])[0]))
            f(c, _p("usesMemory"), _id(rng.choices(MEMORIES, weights=[1, 3, 4, 2, 1, 1, 1])[0][0]))
            if rng.random() < 0.5:
                f(c, _p("packagedWith"), _id(rng.choice(PACKAGINGS)[0]))
            f(c, _p("memoryBandwidthTBps"), dec(min(rng.lognormvariate(math.log(2.0), 0.8), 20)))
            f(c, _p("memoryGB"), dec(rng.choice([16, 24, 32, 48, 64, 80, 96, 128, 141, 192, 288])))
            if rng.random() < 0.7:
                f(c, _p("bf16DenseTFLOPS"), dec(rng.lognormvariate(math.log(400), 0.9)))
            if rng.random() < 0.5:
                f(c, _p("tdpW"), dec(rng.choice([75, 150, 300, 350, 400, 500, 700, 1000, 1200])))
            f(c, _p("releaseDate"), date(rng.randint(2014, 2027), rng.randint(1, 12), rng.randint(1, 28)))
            if rng.random() < 0.3:
                f(c, _p("exportStatusToChina"), _id(rng.choice(EXPORT_STATUS)[0]))
            if rng.random() < 0.2 and len(self.measures):
                f(c, _p("subjectTo"), self.measures.popular())
            if kind in ("ASIC", "TPU", "NPU") and rng.random() < 0.5:
                f(c, _p("designPartner"), self.orgs.popular())
            if rng.random() < 0.1:
                f(c, _p("shipmentsThousands"), dec(rng.lognormvariate(math.log(100), 1.2)))
            if chinese and rng.random() < 0.1:
                f(c, _p("estimatedYield"), lit(f"약 {rng.randint(20, 80)}%", "ko"))
            self.chips.add(c)
        if u % 2 == 0:
            s, n = self.new("System")
            self.typed(s, "System", f"Synthetic System {n}")
            f(s, _p("usesChip"), self.chips.popular())
            f(s, _p("rackPowerKW"), dec(rng.choice([20, 40, 60, 120, 132, 200])))
            f(s, _p("chipsPerSystem"), dec(rng.choice([8, 16, 36, 72, 144])))
            self.systems.add(s)
        # clusters
        for _ in range(2):
            self.cluster(u)
        # investments and deals
        for _ in range(2):
            w.new_row(in_table=True)
            i, n = self.new("Investment")
            investee = rng.choice([self.labs, self.clusters, self.orgs]).popular()
            self.typed(i, "Investment", f"Investment {n}")
            for inv in self.investors.several(rng.choices([1, 2, 3, 4], weights=[5, 3, 1, 1])[0]) if len(
                    self.investors) > 3 else self.orgs.several(2):
                f(i, _p("hasInvestor"), inv)
            f(i, _p("hasInvestee"), investee)
            if rng.random() < 0.85:
                f(i, _p("amountUSD"), dec(min(rng.lognormvariate(math.log(5e8), 1.5), 5e11)))
            if rng.random() < 0.4:
                f(i, _p("investmentForm"), lit(rng.choice(FORMS), "ko"))
            if rng.random() < 0.3:
                f(i, _p("investorRole"), lit(rng.choice(ROLES), "ko"))
            if rng.random() < 0.3:
                f(i, _p("status"), lit(rng.choice(STATUSES), "ko"))
            if rng.random() < 0.5:
                f(i, _p("eventDate"), date(rng.randint(2018, 2026), rng.randint(1, 12), rng.randint(1, 28)))
        w.new_row(in_table=True)
        d, n = self.new("Deal")
        kind = _weighted(rng, DEAL_KINDS)
        self.typed(d, kind, f"{kind} {n}")
        for party in self.orgs.several(rng.choice([2, 2, 3])):
            f(d, _p("hasParty"), party)
        if rng.random() < 0.7:
            f(d, _p("amountUSD"), dec(min(rng.lognormvariate(math.log(1e9), 1.6), 6e11)))
        f(d, _p("dealKind"), lit(rng.choice(["공급 계약", "합작 투자", "인수", "전략적 제휴"]), "ko"))
        if rng.random() < 0.5:
            f(d, _p("sector"), lit(rng.choice(SECTORS), "ko"))
        if rng.random() < 0.3:
            f(d, _p("involvesChip"), self.chips.popular())
        if rng.random() < 0.1 and len(self.gov):
            f(d, _p("fundedBy"), self.gov.popular())
        # export controls
        if rng.random() < 0.3:
            w.new_row(in_table=True)
            e, n = self.new("ExportControlEvent")
            self.typed(e, "ExportControlEvent", f"Export control event {n}", f"수출 통제 {n}")
            f(e, _p("eventDate"), date(rng.randint(2018, 2026), rng.randint(1, 12), rng.randint(1, 28)))
            f(e, _p("issuedBy"), self.gov.popular() if len(self.gov) and rng.random() < 0.5
              else _id("us-department-of-commerce"))
            for chip in self.chips.several(rng.randint(1, 3)):
                f(e, _p("concernsChip"), chip)
            f(e, _p("eventDescription"), lit(f"합성 수출 통제 조치 {n}", "ko"))
        if rng.random() < 0.2:
            w.new_row(in_table=False)
            m, n = self.new("Measure")
            kind = _weighted(rng, MEASURE_KINDS)
            self.typed(m, kind, f"{kind} {n}")
            f(m, _p("issuedBy"), _id("us-department-of-commerce") if rng.random() < 0.7 else self.gov.popular()
              if len(self.gov) else _id("us-department-of-commerce"))
            f(m, _p("restrictsExportTo"), _id("china") if rng.random() < 0.8 else self.countries.uniform())
            for chip in self.chips.several(rng.randint(1, 3)):
                f(m, _p("appliesToChip"), chip)
            f(m, _p("effectiveDate"), date(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)))
            if len(self.measures) and rng.random() < 0.3:
                f(m, _p("linkedToMeasure"), self.measures.popular())
            self.measures.add(m)
        # models, people, claims
        w.new_row(in_table=False)
        mdl, n = self.new("AIModel")
        self.typed(mdl, "AIModel", f"Synthetic Model {n}")
        f(mdl, _p("developedBy"), self.labs.popular() if len(self.labs) else self.orgs.popular())
        if rng.random() < 0.6:
            params = rng.lognormvariate(math.log(7e10), 1.3)
            f(mdl, _p("parameterCount"), dec(round(params)))
            if rng.random() < 0.4:
                f(mdl, _p("activeParameterCount"), dec(round(params * rng.uniform(0.03, 0.3))))
                f(mdl, _p("expertCount"), dec(rng.choice([8, 16, 64, 128, 256])))
        f(mdl, _p("releaseDate"), date(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)))
        if rng.random() < 0.3 and len(self.clusters):
            f(mdl, _p("trainedOn"), self.clusters.popular())
        self.models.add(mdl)
        p, n = self.new("Person")
        self.typed(p, "Person", f"Person {n}", f"인물 {n}")
        f(p, _p("affiliatedWith"), self.orgs.popular())
        if rng.random() < 0.5:
            f(p, _p("roleTitle"), lit(rng.choice(["CEO", "CTO", "Founder", "Minister"])))
        for _ in range(5):
            self.claim()
        if rng.random() < 0.3:
            self.link(self.orgs.popular(), "procures", self.chips.popular())
        if rng.random() < 0.2:
            self.link(self.orgs.popular(), "dependsOnChip", self.chips.popular())

    def link(self, s: str, p: str, o: str) -> None:
        """A link between two existing entities, written once however often it is drawn."""
        key = (s, p, o)
        if key not in self.links:
            self.links.add(key)
            self.w.fact(s, _p(p), o)

    def cluster(self, u: int) -> None:
        rng, w, f = self.rng, self.w, self.w.fact
        w.new_row(in_table=rng.random() < 0.5)
        c, n = self.new("ComputeCluster")
        stargate = rng.random() < 0.02
        en = f"Stargate Site {n}" if stargate else f"Synthetic Cluster {n}"
        ko = f"스타게이트 부지 {n}" if stargate else (f"합성 클러스터 {n}" if rng.random() < 0.5 else None)
        self.typed(c, "ComputeCluster", en, ko, [f"DC-{n}"] if rng.random() < 0.2 else ())
        operator = self.orgs.popular()
        f(c, _p("operatedBy"), operator)
        if rng.random() < 0.5:
            f(c, _p("ownedBy"), self.orgs.popular())
        if rng.random() < 0.3:
            f(c, _p("announcedBy"), self.orgs.popular())
        if rng.random() < 0.25 and self.regions:
            f(c, _p("locatedIn"), rng.choice(self.regions)[0])
        else:
            f(c, _p("locatedIn"), self.country())
        for chip in self.chips.several(rng.choices([1, 2, 3], weights=[6, 3, 1])[0], 0.8):
            f(c, _p("usesChip"), chip)
        if rng.random() < 0.3 and len(self.systems):
            f(c, _p("usesSystem"), self.systems.popular())
        mw = min(rng.lognormvariate(math.log(150), 1.2), 10000)
        if rng.random() < 0.8:
            f(c, _p("powerCapacityMW"), dec(mw))
        planned = rng.random() < 0.5
        if planned:
            f(c, _p("plannedPowerMW"), dec(mw * rng.uniform(1.0, 4.0)))
        if rng.random() < 0.6:
            chips = max(100, round(mw * rng.uniform(500, 1500)))
            f(c, _p(rng.choice(["chipCount", "gpuCount", "h100EquivalentCount"])), dec(chips))
            if rng.random() < 0.15:
                f(c, _p("maxChipCount"), dec(chips * 2))
        if rng.random() < 0.1 and len(self.gov):
            f(c, _p("fundedBy"), self.gov.popular() if rng.random() < 0.6 else
              self.investors.popular() if len(self.investors) else self.gov.popular())
        if rng.random() < 0.05:
            f(c, _p("projectOf"), self.initiatives.popular())
        if rng.random() < 0.3:
            for k in range(1, rng.randint(2, 5) + 1):
                ph = _id(f"syn-computecluster-{n}-phase-{k}")
                self.typed(ph, "ClusterPhase", f"{en} Phase {k}", None)
                f(ph, _p("phaseOf"), c)
                f(ph, _p("powerCapacityMW"), dec(mw / 3 * rng.uniform(0.5, 1.5)))
                if rng.random() < 0.6:
                    f(ph, _p("chipCount"), dec(max(100, round(mw * 300))))
                if rng.random() < 0.5:
                    f(ph, _p("status"), lit(rng.choice(STATUSES), "ko"))
                if rng.random() < 0.5:
                    f(ph, _p("usesChip"), self.chips.popular())
        if rng.random() < 0.4:
            onsite = 0.0
            for _ in range(rng.randint(1, 3)):
                a, an = self.new("PowerAsset")
                kind = _weighted(rng, ASSET_KINDS)
                self.typed(a, kind, f"{kind} {an}")
                cap = mw * rng.uniform(0.1, 0.8)
                f(a, _p("powerCapacityMW"), dec(cap))
                if kind != "GridConnection":
                    onsite += cap
                if rng.random() < 0.5:
                    f(a, _p("unitCount"), dec(rng.randint(1, 40)))
                tech = {"GasTurbine": "gas-turbine", "SolarPV": "solar-plus-storage", "FuelCell": "fuel-cell",
                        "GridConnection": "grid-power", "NuclearPlant": "small-modular-reactor"}.get(kind)
                if tech:
                    f(a, _p("usesPowerTechnology"), _id(tech))
                f(c, _p("poweredBy"), a)
        if rng.random() < 0.1:
            f(c, _p("status"), lit(rng.choice(STATUSES), "ko"))
        self.clusters.add(c)

    def claim(self) -> None:
        rng, f = self.rng, self.w.fact
        pool = rng.choice([self.orgs, self.clusters, self.chips, self.models])
        about = pool.popular(0.5)
        cl, n = self.new("Claim")
        kind, unit = rng.choice(CLAIM_KINDS)
        value = rng.lognormvariate(math.log(1000), 2.5)
        f(cl, TYPE, _p("Claim"))
        f(cl, _p("claimText"), lit(f"합성 주장 {n}: {value:.0f} {unit}".strip(), "ko"))
        f(cl, _p("quantityValue"), dec(value))
        f(cl, _p("quantityUnit"), lit(unit))
        f(cl, _p("quantityKind"), lit(kind))
        f(about, _p("hasClaim"), cl)
        if rng.random() < 0.05:
            f(cl, _p("quantityLow"), dec(value * 0.8))
            f(cl, _p("quantityHigh"), dec(value * 1.2))
        if rng.random() < 0.1:
            f(cl, _p("promotedTo"), _p(rng.choice(["chipCount", "powerCapacityMW", "amountUSD", "gpuCount"])))
        if kind == "count" and rng.random() < 0.3:
            f(cl, _p("countedItem"), self.chips.popular())


def _ontology_nquads() -> tuple[str, int]:
    import pyoxigraph as ox

    from petaflop.build import ontology_quads

    quads = ontology_quads()
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8"), len(set(quads))


def generate(path: str | Path, triples: int, seed: int = 0, *, provenance: float = 0.5,
             with_ontology: bool = True) -> SyntheticStats:
    """Write a synthetic graph of at least ``triples`` quads (one unit more at most) to ``path``.

    ``provenance`` is the fraction of facts that get a provenance statement (0: facts only, not
    even the anchors' statements);
    ``with_ontology=False`` leaves the ontology graph out (e.g. as input to the reasoner, which
    brings its own).
    """
    if triples < 1:
        raise ValueError("triples must be at least 1")
    if not 0 <= provenance <= 1:
        raise ValueError("provenance is a fraction between 0 and 1")
    rng = random.Random(seed)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    stats = SyntheticStats(path=str(path), seed=seed, target=triples, provenance_fraction=provenance,
                           with_ontology=with_ontology)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        w = _Writer(handle, rng, provenance)
        if with_ontology:
            text, count = _ontology_nquads()
            w.raw(text, "ontology", count)
        world = _World(w, rng)
        world.reference()
        u = 0
        while w.total < triples:
            u += 1
            world.unit(u)
        w.flush()
    stats.units = u
    stats.per_graph = dict(w.per_graph)
    stats.quads = w.total
    stats.entities = {k[6:]: v for k, v in sorted(world.counts.items()) if k.startswith("typed:")}
    return stats


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--triples", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--provenance", type=float, default=0.5, help="fraction of facts with a provenance statement")
    ap.add_argument("--no-ontology", action="store_true", help="leave the ontology graph out")
    args = ap.parse_args(argv)
    stats = generate(args.out, args.triples, args.seed, provenance=args.provenance,
                     with_ontology=not args.no_ontology)
    print(f"wrote {stats.path}: {stats.quads} quads {stats.per_graph}, {stats.units} units")


if __name__ == "__main__":
    main()
