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
import math
import random
from pathlib import Path

from bench.synthetic_vocab import (
    ASSET_KINDS,
    CHIP_KINDS,
    DEAL_KINDS,
    EXPORT_STATUS,
    FORMS,
    MEASURE_KINDS,
    MEMORIES,
    ORG_KINDS,
    PACKAGINGS,
    PROCESS_NODES,
    ROLES,
    SECTORS,
    STATUSES,
)
from bench.synthetic_world import World
from bench.synthetic_writer import (
    ALT,
    GENERATOR_VERSION,
    SyntheticStats,
    Writer,
    date,
    dec,
    ident,
    lit,
    term,
    weighted,
)

__all__ = ["GENERATOR_VERSION", "SyntheticStats", "generate"]


class _Units(World):
    """The world that grows by units: firms, chips, clusters, deals, measures, models, people, claims."""

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
            kind = weighted(rng, ORG_KINDS)
            hq = self.country()
            n = self.counts.get("Organization", 0) + 1
            china = hq == ident("china")
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
                    f(o, term("ownedBy"), parent)
            if rng.random() < 0.3:
                f(o, term("revenueUSD"), dec(min(rng.lognormvariate(math.log(2e8), 1.8), 1e12)))
            if kind == "AILab" and rng.random() < 0.7:
                f(o, term("valuationUSD"), dec(min(rng.lognormvariate(math.log(3e9), 1.5), 5e11)))
            if rng.random() < 0.2:
                f(o, term("gpuCount"), dec(round(rng.lognormvariate(math.log(5000), 1.8))))
            if rng.random() < 0.15:
                f(o, term("sector"), lit(rng.choice(SECTORS), "ko"))
            if rng.random() < 0.3 and len(self.orgs) > 10:
                other = self.orgs.popular()
                if other != o:
                    f(o, term("partnerOf"), other)
            if rng.random() < 0.1:
                f(o, term("customerOf"), self.orgs.popular())
        # chips
        for _ in range(3):
            w.new_row(in_table=True)
            c, n = self.new("Chip")
            kind = weighted(rng, CHIP_KINDS)
            chinese = rng.random() < 0.22
            if chinese:
                designer = ident("huawei") if rng.random() < 0.4 else self.designers_cn.popular()
                foundry = ident("smic") if rng.random() < 0.75 else self.foundries.popular()
            else:
                designer = ident("nvidia") if rng.random() < 0.3 else self.designers_us.popular()
                foundry = self.foundries.popular() if rng.random() < 0.5 else ident("tsmc")
            self.typed(c, kind, f"Synthetic {kind} {n}", f"합성 칩 {n}" if rng.random() < 0.3 else None,
                       [f"SX{n}"] if rng.random() < 0.2 else ())
            f(c, term("designedBy"), designer)
            f(c, term("fabricatedBy"), foundry)
            f(c, term("fabricatedOn"), ident(rng.choice(PROCESS_NODES[:8])[0]))
            f(c, term("usesMemory"), ident(rng.choices(MEMORIES, weights=[1, 3, 4, 2, 1, 1, 1])[0][0]))
            if rng.random() < 0.5:
                f(c, term("packagedWith"), ident(rng.choice(PACKAGINGS)[0]))
            f(c, term("memoryBandwidthTBps"), dec(min(rng.lognormvariate(math.log(2.0), 0.8), 20)))
            f(c, term("memoryGB"), dec(rng.choice([16, 24, 32, 48, 64, 80, 96, 128, 141, 192, 288])))
            if rng.random() < 0.7:
                f(c, term("bf16DenseTFLOPS"), dec(rng.lognormvariate(math.log(400), 0.9)))
            if rng.random() < 0.5:
                f(c, term("tdpW"), dec(rng.choice([75, 150, 300, 350, 400, 500, 700, 1000, 1200])))
            f(c, term("releaseDate"), date(rng.randint(2014, 2027), rng.randint(1, 12), rng.randint(1, 28)))
            if rng.random() < 0.3:
                f(c, term("exportStatusToChina"), ident(rng.choice(EXPORT_STATUS)[0]))
            if rng.random() < 0.2 and len(self.measures):
                f(c, term("subjectTo"), self.measures.popular())
            if kind in ("ASIC", "TPU", "NPU") and rng.random() < 0.5:
                f(c, term("designPartner"), self.orgs.popular())
            if rng.random() < 0.1:
                f(c, term("shipmentsThousands"), dec(rng.lognormvariate(math.log(100), 1.2)))
            if chinese and rng.random() < 0.1:
                f(c, term("estimatedYield"), lit(f"약 {rng.randint(20, 80)}%", "ko"))
            self.chips.add(c)
        if u % 2 == 0:
            s, n = self.new("System")
            self.typed(s, "System", f"Synthetic System {n}")
            f(s, term("usesChip"), self.chips.popular())
            f(s, term("rackPowerKW"), dec(rng.choice([20, 40, 60, 120, 132, 200])))
            f(s, term("chipsPerSystem"), dec(rng.choice([8, 16, 36, 72, 144])))
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
                f(i, term("hasInvestor"), inv)
            f(i, term("hasInvestee"), investee)
            if rng.random() < 0.85:
                f(i, term("amountUSD"), dec(min(rng.lognormvariate(math.log(5e8), 1.5), 5e11)))
            if rng.random() < 0.4:
                f(i, term("investmentForm"), lit(rng.choice(FORMS), "ko"))
            if rng.random() < 0.3:
                f(i, term("investorRole"), lit(rng.choice(ROLES), "ko"))
            if rng.random() < 0.3:
                f(i, term("status"), lit(rng.choice(STATUSES), "ko"))
            if rng.random() < 0.5:
                f(i, term("eventDate"), date(rng.randint(2018, 2026), rng.randint(1, 12), rng.randint(1, 28)))
        w.new_row(in_table=True)
        d, n = self.new("Deal")
        kind = weighted(rng, DEAL_KINDS)
        self.typed(d, kind, f"{kind} {n}")
        for party in self.orgs.several(rng.choice([2, 2, 3])):
            f(d, term("hasParty"), party)
        if rng.random() < 0.7:
            f(d, term("amountUSD"), dec(min(rng.lognormvariate(math.log(1e9), 1.6), 6e11)))
        f(d, term("dealKind"), lit(rng.choice(["공급 계약", "합작 투자", "인수", "전략적 제휴"]), "ko"))
        if rng.random() < 0.5:
            f(d, term("sector"), lit(rng.choice(SECTORS), "ko"))
        if rng.random() < 0.3:
            f(d, term("involvesChip"), self.chips.popular())
        if rng.random() < 0.1 and len(self.gov):
            f(d, term("fundedBy"), self.gov.popular())
        # export controls
        if rng.random() < 0.3:
            w.new_row(in_table=True)
            e, n = self.new("ExportControlEvent")
            self.typed(e, "ExportControlEvent", f"Export control event {n}", f"수출 통제 {n}")
            f(e, term("eventDate"), date(rng.randint(2018, 2026), rng.randint(1, 12), rng.randint(1, 28)))
            f(e, term("issuedBy"), self.gov.popular() if len(self.gov) and rng.random() < 0.5
              else ident("us-department-of-commerce"))
            for chip in self.chips.several(rng.randint(1, 3)):
                f(e, term("concernsChip"), chip)
            f(e, term("eventDescription"), lit(f"합성 수출 통제 조치 {n}", "ko"))
        if rng.random() < 0.2:
            w.new_row(in_table=False)
            m, n = self.new("Measure")
            kind = weighted(rng, MEASURE_KINDS)
            self.typed(m, kind, f"{kind} {n}")
            f(m, term("issuedBy"), ident("us-department-of-commerce") if rng.random() < 0.7 else self.gov.popular()
              if len(self.gov) else ident("us-department-of-commerce"))
            f(m, term("restrictsExportTo"), ident("china") if rng.random() < 0.8 else self.countries.uniform())
            for chip in self.chips.several(rng.randint(1, 3)):
                f(m, term("appliesToChip"), chip)
            f(m, term("effectiveDate"), date(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)))
            if len(self.measures) and rng.random() < 0.3:
                f(m, term("linkedToMeasure"), self.measures.popular())
            self.measures.add(m)
        # models, people, claims
        w.new_row(in_table=False)
        mdl, n = self.new("AIModel")
        self.typed(mdl, "AIModel", f"Synthetic Model {n}")
        f(mdl, term("developedBy"), self.labs.popular() if len(self.labs) else self.orgs.popular())
        if rng.random() < 0.6:
            params = rng.lognormvariate(math.log(7e10), 1.3)
            f(mdl, term("parameterCount"), dec(round(params)))
            if rng.random() < 0.4:
                f(mdl, term("activeParameterCount"), dec(round(params * rng.uniform(0.03, 0.3))))
                f(mdl, term("expertCount"), dec(rng.choice([8, 16, 64, 128, 256])))
        f(mdl, term("releaseDate"), date(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)))
        if rng.random() < 0.3 and len(self.clusters):
            f(mdl, term("trainedOn"), self.clusters.popular())
        self.models.add(mdl)
        p, n = self.new("Person")
        self.typed(p, "Person", f"Person {n}", f"인물 {n}")
        f(p, term("affiliatedWith"), self.orgs.popular())
        if rng.random() < 0.5:
            f(p, term("roleTitle"), lit(rng.choice(["CEO", "CTO", "Founder", "Minister"])))
        for _ in range(5):
            self.claim()
        if rng.random() < 0.3:
            self.link(self.orgs.popular(), "procures", self.chips.popular())
        if rng.random() < 0.2:
            self.link(self.orgs.popular(), "dependsOnChip", self.chips.popular())

    def cluster(self, u: int) -> None:
        rng, w, f = self.rng, self.w, self.w.fact
        w.new_row(in_table=rng.random() < 0.5)
        c, n = self.new("ComputeCluster")
        stargate = rng.random() < 0.02
        en = f"Stargate Site {n}" if stargate else f"Synthetic Cluster {n}"
        ko = f"스타게이트 부지 {n}" if stargate else (f"합성 클러스터 {n}" if rng.random() < 0.5 else None)
        self.typed(c, "ComputeCluster", en, ko, [f"DC-{n}"] if rng.random() < 0.2 else ())
        operator = self.orgs.popular()
        f(c, term("operatedBy"), operator)
        if rng.random() < 0.5:
            f(c, term("ownedBy"), self.orgs.popular())
        if rng.random() < 0.3:
            f(c, term("announcedBy"), self.orgs.popular())
        if rng.random() < 0.25 and self.regions:
            f(c, term("locatedIn"), rng.choice(self.regions)[0])
        else:
            f(c, term("locatedIn"), self.country())
        for chip in self.chips.several(rng.choices([1, 2, 3], weights=[6, 3, 1])[0], 0.8):
            f(c, term("usesChip"), chip)
        if rng.random() < 0.3 and len(self.systems):
            f(c, term("usesSystem"), self.systems.popular())
        mw = min(rng.lognormvariate(math.log(150), 1.2), 10000)
        if rng.random() < 0.8:
            f(c, term("powerCapacityMW"), dec(mw))
        planned = rng.random() < 0.5
        if planned:
            f(c, term("plannedPowerMW"), dec(mw * rng.uniform(1.0, 4.0)))
        if rng.random() < 0.6:
            chips = max(100, round(mw * rng.uniform(500, 1500)))
            f(c, term(rng.choice(["chipCount", "gpuCount", "h100EquivalentCount"])), dec(chips))
            if rng.random() < 0.15:
                f(c, term("maxChipCount"), dec(chips * 2))
        if rng.random() < 0.1 and len(self.gov):
            f(c, term("fundedBy"), self.gov.popular() if rng.random() < 0.6 else
              self.investors.popular() if len(self.investors) else self.gov.popular())
        if rng.random() < 0.05:
            f(c, term("projectOf"), self.initiatives.popular())
        if rng.random() < 0.3:
            for k in range(1, rng.randint(2, 5) + 1):
                ph = ident(f"syn-computecluster-{n}-phase-{k}")
                self.typed(ph, "ClusterPhase", f"{en} Phase {k}", None)
                f(ph, term("phaseOf"), c)
                f(ph, term("powerCapacityMW"), dec(mw / 3 * rng.uniform(0.5, 1.5)))
                if rng.random() < 0.6:
                    f(ph, term("chipCount"), dec(max(100, round(mw * 300))))
                if rng.random() < 0.5:
                    f(ph, term("status"), lit(rng.choice(STATUSES), "ko"))
                if rng.random() < 0.5:
                    f(ph, term("usesChip"), self.chips.popular())
        if rng.random() < 0.4:
            onsite = 0.0
            for _ in range(rng.randint(1, 3)):
                a, an = self.new("PowerAsset")
                kind = weighted(rng, ASSET_KINDS)
                self.typed(a, kind, f"{kind} {an}")
                cap = mw * rng.uniform(0.1, 0.8)
                f(a, term("powerCapacityMW"), dec(cap))
                if kind != "GridConnection":
                    onsite += cap
                if rng.random() < 0.5:
                    f(a, term("unitCount"), dec(rng.randint(1, 40)))
                tech = {"GasTurbine": "gas-turbine", "SolarPV": "solar-plus-storage", "FuelCell": "fuel-cell",
                        "GridConnection": "grid-power", "NuclearPlant": "small-modular-reactor"}.get(kind)
                if tech:
                    f(a, term("usesPowerTechnology"), ident(tech))
                f(c, term("poweredBy"), a)
        if rng.random() < 0.1:
            f(c, term("status"), lit(rng.choice(STATUSES), "ko"))
        self.clusters.add(c)


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
        w = Writer(handle, rng, provenance)
        if with_ontology:
            text, count = _ontology_nquads()
            w.raw(text, "ontology", count)
        world = _Units(w, rng)
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
