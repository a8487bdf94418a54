"""The synthetic graph's world (:mod:`bench.synthetic`): the pools of entities, the anchors and
reference data written once, organisations, links and quantity claims."""

from __future__ import annotations

import math
import random
from collections.abc import Iterable

from bench.synthetic_vocab import (
    BLOC_COUNTRIES,
    CLAIM_KINDS,
    COUNTRY_WEIGHTS,
    EXPORT_STATUS,
    MEMORIES,
    N_EXTRA_COUNTRIES,
    PACKAGINGS,
    POWER_TECHS,
    PROCESS_NODES,
    STATUSES,
)
from bench.synthetic_writer import (
    ALT,
    LABEL,
    SKOS_NS,
    TYPE,
    Pool,
    Writer,
    date,
    dec,
    ident,
    lit,
    term,
)


class World:
    """The generator's state: pools of entities to link to and the counters that name new ones."""

    def __init__(self, w: Writer, rng: random.Random):
        self.w = w
        self.rng = rng
        self.counts: dict[str, int] = {}
        self.orgs = Pool(rng)          # every organisation
        self.designers_us = Pool(rng)  # chip designers by bloc
        self.designers_cn = Pool(rng)
        self.foundries = Pool(rng)
        self.labs = Pool(rng)
        self.investors = Pool(rng)
        self.gov = Pool(rng)
        self.chips = Pool(rng)
        self.systems = Pool(rng)
        self.clusters = Pool(rng)
        self.measures = Pool(rng)
        self.sources = Pool(rng)
        self.countries = Pool(rng)
        self.country_weights: list[float] = []
        self.regions: list[tuple[str, str]] = []
        self.initiatives = Pool(rng)
        self.alliances: list[str] = []
        self.models = Pool(rng)
        self.links: set[tuple[str, str, str]] = set()
        w.sources = self.sources

    def new(self, kind: str) -> tuple[str, int]:
        n = self.counts.get(kind, 0) + 1
        self.counts[kind] = n
        return ident(f"syn-{kind.lower()}-{n}"), n

    def typed(self, iri: str, cls: str, en: str, ko: str | None = None, alts: Iterable[str] = (),
              force: bool = False) -> None:
        self.w.fact(iri, TYPE, term(cls) if not cls.startswith("<") else cls, force)
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
            src = ident(f"source-{i}" if i else "source-openai")
            self.typed(src, "Source", f"Source {i}" if i else "OpenAI (source)")
            self.sources.add(src, weight=max(1, 40 // (i + 1)))
        for i, (slug, en, ko, code) in enumerate(BLOC_COUNTRIES):
            c = ident(slug)
            self.typed(c, "Country", en, ko, [code])
            f(c, term("countryCode"), lit(code))
            self.countries.add(c)
            self.country_weights.append(COUNTRY_WEIGHTS[i])
        for i in range(N_EXTRA_COUNTRIES):
            c = ident(f"syn-country-{i + 1}")
            self.typed(c, "Country", f"Country {i + 1}", f"국가 {i + 1}")
            f(c, term("countryCode"), lit(f"X{i:02d}"))
            self.countries.add(c)
            self.country_weights.append(0.3)
        for i, name in enumerate(["texas", "ohio", "arizona", "guangdong", "inner-mongolia", "riyadh-province",
                                  "abu-dhabi-emirate", "bavaria", "tennessee", "wisconsin"]):
            country = ident("china") if i in (3, 4) else ident("saudi-arabia") if i == 5 else \
                ident("united-arab-emirates") if i == 6 else ident("germany") if i == 7 else ident("united-states")
            r = ident(name)
            self.typed(r, "Region", name.replace("-", " ").title())
            f(r, term("partOf"), country)
            self.regions.append((r, country))
        for i, name in enumerate(["Gulf AI Compact", "Chip 4 Alliance", "EU AI Gigafactories", "Digital Silk Road",
                                  "Pax Silica", "Quad Tech Partnership"]):
            a = ident(f"syn-alliance-{i + 1}")
            self.typed(a, "Alliance", name)
            self.alliances.append(a)
            for c in self.countries.several(self.rng.randint(3, 8), 0.0):
                f(c, term("memberOf"), a)
        for slug, en, ko in EXPORT_STATUS:
            c = ident(slug)
            self.typed(c, f"<{SKOS_NS}Concept>", en, ko)
        for slug, en, nm in PROCESS_NODES:
            n = ident(slug)
            self.typed(n, "ProcessNode", en)
            f(n, term("processNodeNm"), dec(nm))
        for slug, en, hbm in MEMORIES:
            self.typed(ident(slug), "HighBandwidthMemory" if hbm else "MemoryTechnology", en)
        for slug, en in PACKAGINGS:
            self.typed(ident(slug), "PackagingTechnology", en)
        for slug, en, lcoe, disp in POWER_TECHS:
            t = ident(slug)
            self.typed(t, "PowerTechnology", en)
            f(t, term("lcoeUSDperMWh"), dec(lcoe))
            f(t, term("dispatchability"), lit(disp))
            f(t, term("constructionPeriod"), lit(f"{self.rng.randint(1, 8)} years"))
            f(t, term("lifetimeYears"), dec(self.rng.choice([20, 25, 30, 40, 60])))
            f(t, term("footprintAcresPer100MW"), dec(self.rng.uniform(5, 800)))
            f(t, term("loadSmoothing"), lit(self.rng.choice(["yes", "partial", "no"])))
            f(t, term("lvrtSupport"), lit(self.rng.choice(["yes", "no"])))
        thr = ident("syn-threshold-bandwidth")
        self.typed(thr, "PerformanceThreshold", "Memory bandwidth cap 1.8 TB/s")
        f(thr, term("memoryBandwidthCapTBps"), dec(1.8))
        # anchors named by the catalogue's defaults
        self.org("nvidia", "Firm", "NVIDIA", "엔비디아", ident("united-states"), designer="us", weight=60)
        self.org("huawei", "Firm", "Huawei", "화웨이", ident("china"), designer="cn", weight=25)
        self.org("amd", "Firm", "AMD", "AMD", ident("united-states"), designer="us", weight=10)
        for slug, en, hq in (("tsmc", "TSMC", "taiwan"), ("samsung-foundry", "Samsung Foundry", "south-korea"),
                             ("smic", "SMIC", "china"), ("intel-foundry", "Intel Foundry", "united-states")):
            self.org(slug, "Firm", en, None, ident(hq), foundry=True)
        for slug, en, hq in (("openai", "OpenAI", "united-states"), ("xai", "xAI", "united-states"),
                             ("deepseek", "DeepSeek", "china")):
            self.org(slug, "AILab", en, None, ident(hq))
        self.org("oracle", "Firm", "Oracle", "오라클", ident("united-states"))
        self.org("softbank", "Investor", "SoftBank", "소프트뱅크", ident("japan"))
        self.org("pif", "SovereignWealthFund", "Public Investment Fund", "사우디 국부펀드", ident("saudi-arabia"))
        self.org("us-department-of-commerce", "GovernmentBody", "US Department of Commerce", "미국 상무부",
                 ident("united-states"))
        stargate = ident("stargate")
        self.typed(stargate, "ComputeCluster", "Stargate", "스타게이트", ["Project Stargate"], force=True)
        for p, o in ((term("operatedBy"), ident("openai")), (term("ownedBy"), ident("openai")),
                     (term("chipCount"), dec(500000)), (term("plannedPowerMW"), dec(10000)),
                     (term("locatedIn"), ident("united-states")), (term("announcedBy"), ident("oracle"))):
            f(stargate, p, o, True)
        self.clusters.add(stargate, 5)
        chip = ident("huawei-ascend-910c")
        self.typed(chip, "ASIC", "Huawei Ascend 910C", "화웨이 어센드 910C", ["Ascend 910C"], force=True)
        for p, o in ((term("designedBy"), ident("huawei")), (term("fabricatedBy"), ident("smic")),
                     (term("fabricatedOn"), ident("node-7nm")), (term("usesMemory"), ident("hbm2e")),
                     (term("memoryBandwidthTBps"), dec(3.2)), (term("memoryGB"), dec(128)),
                     (term("bf16DenseTFLOPS"), dec(780)), (term("shipmentsThousands"), dec(200)),
                     (term("packagedWith"), ident("cowos-s")), (term("releaseDate"), date(2025, 3, 1))):
            f(chip, p, o, True)
        self.chips.add(chip, 5)
        gb200 = ident("nvidia-gb200")
        self.typed(gb200, "GPU", "NVIDIA GB200", "GB200", force=True)
        for p, o in ((term("designedBy"), ident("nvidia")), (term("fabricatedBy"), ident("tsmc")),
                     (term("fabricatedOn"), ident("node-4nm")), (term("usesMemory"), ident("hbm3e")),
                     (term("memoryBandwidthTBps"), dec(8)), (term("memoryGB"), dec(192)), (term("tdpW"), dec(1200)),
                     (term("bf16DenseTFLOPS"), dec(2500)), (term("exportStatusToChina"), ident(EXPORT_STATUS[0][0])),
                     (term("releaseDate"), date(2024, 11, 1))):
            f(gb200, p, o, True)
        self.chips.add(gb200, 20)
        campus = ident("stargate-abilene-campus")
        self.typed(campus, "ComputeCluster", "Stargate Abilene Campus", "스타게이트 애빌린 캠퍼스", force=True)
        f(campus, term("locatedIn"), ident("texas"), True)
        f(campus, term("operatedBy"), ident("oracle"), True)
        f(campus, term("partOf"), stargate, True)
        for k in range(1, 5):
            ph = ident(f"stargate-abilene-phase-{k}")
            self.typed(ph, "ClusterPhase", f"Stargate Abilene Phase {k}", f"애빌린 {k}단계", force=True)
            f(ph, term("phaseOf"), campus, True)
            f(ph, term("powerCapacityMW"), dec(200 * k + 100), True)
            f(ph, term("chipCount"), dec(50000 * k), True)
            f(ph, term("usesChip"), gb200, True)
            f(ph, term("status"), lit(STATUSES[k % len(STATUSES)], "ko"), True)
        self.clusters.add(campus, 3)
        colossus = ident("colossus")
        self.typed(colossus, "ComputeCluster", "Colossus", "콜로서스", ["xAI Colossus"], force=True)
        for p, o in ((term("operatedBy"), ident("xai")), (term("chipCount"), dec(200000)),
                     (term("powerCapacityMW"), dec(300)), (term("usesChip"), gb200), (term("locatedIn"), ident("tennessee"))):
            f(colossus, p, o, True)
        self.clusters.add(colossus, 3)
        inv = ident("stargate-investors--openai--stargate")
        self.typed(inv, "Investment", "Investment: OpenAI in Stargate", force=True)
        for p, o in ((term("hasInvestor"), ident("openai")), (term("hasInvestee"), stargate),
                     (term("amountUSD"), dec(19e9)), (term("investmentForm"), lit("자체 자금", "ko")),
                     (term("investorRole"), lit("프로젝트 스폰서", "ko"))):
            f(inv, p, o, True)
        for k, (slug, en) in enumerate((("softbank", "SoftBank"), ("oracle", "Oracle"), ("pif", "PIF"))):
            i2 = ident(f"stargate-investors--{slug}--stargate")
            self.typed(i2, "Investment", f"Investment: {en} in Stargate")
            f(i2, term("hasInvestor"), ident(slug), True)
            f(i2, term("hasInvestee"), stargate, True)
            f(i2, term("amountUSD"), dec((k + 1) * 7e9), True)
        for k, kind in enumerate(("ExportBan", "LicenseRequirement")):
            m = ident(f"syn-anchor-measure-{k + 1}")
            self.typed(m, kind, f"Export rule {k + 1}")
            f(m, term("issuedBy"), ident("us-department-of-commerce"))
            f(m, term("restrictsExportTo"), ident("china"))
            f(m, term("appliesToChip"), gb200)
            self.measures.add(m, 3)
        ini = ident("syn-initiative-1")
        self.typed(ini, "SovereignAIInitiative", "Sovereign AI Initiative 1", "소버린 AI 1")
        f(ini, term("sponsoredBy"), ident("pif"))
        self.initiatives.add(ini)

    def org(self, slug: str | None, kind: str, en: str, ko: str | None, hq: str, designer: str | None = None,
            foundry: bool = False, weight: int = 1) -> str:
        if slug:
            o = ident(slug)
            self.counts["Organization"] = self.counts.get("Organization", 0) + 1
        else:
            o, _n = self.new("Organization")
        self.typed(o, kind, en, ko, force=bool(slug))
        self.w.fact(o, term("headquarteredIn"), hq, bool(slug))
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

    def link(self, s: str, p: str, o: str) -> None:
        """A link between two existing entities, written once however often it is drawn."""
        key = (s, p, o)
        if key not in self.links:
            self.links.add(key)
            self.w.fact(s, term(p), o)

    def claim(self) -> None:
        rng, f = self.rng, self.w.fact
        pool = rng.choice([self.orgs, self.clusters, self.chips, self.models])
        about = pool.popular(0.5)
        cl, n = self.new("Claim")
        kind, unit = rng.choice(CLAIM_KINDS)
        value = rng.lognormvariate(math.log(1000), 2.5)
        f(cl, TYPE, term("Claim"))
        f(cl, term("claimText"), lit(f"합성 주장 {n}: {value:.0f} {unit}".strip(), "ko"))
        f(cl, term("quantityValue"), dec(value))
        f(cl, term("quantityUnit"), lit(unit))
        f(cl, term("quantityKind"), lit(kind))
        f(about, term("hasClaim"), cl)
        if rng.random() < 0.05:
            f(cl, term("quantityLow"), dec(value * 0.8))
            f(cl, term("quantityHigh"), dec(value * 1.2))
        if rng.random() < 0.1:
            f(cl, term("promotedTo"), term(rng.choice(["chipCount", "powerCapacityMW", "amountUSD", "gpuCount"])))
        if kind == "count" and rng.random() < 0.3:
            f(cl, term("countedItem"), self.chips.popular())
