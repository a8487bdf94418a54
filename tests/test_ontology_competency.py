"""Competency questions: each SPARQL query's exact answer on the materialised ontology fixture."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from ontology import load_competency_questions
from petaflop.reasoning import materialise_store

FIXTURE = Path(__file__).parent / "fixtures" / "ontology_fixture.ttl"
_PREFIXES = ("https://petaflop-atlas.org/id/", "https://petaflop-atlas.org/ontology#")

EXPECTED = {
    "cq01": [
        ("meta-hyperion", None),
        ("mistral-paris-cluster", "french-government"),
        ("mistral-paris-cluster", "mgx"),
        ("stargate-abilene", "blue-owl"),
        ("stargate-abilene", "jpmorgan"),
        ("stargate-abilene", "openai"),
        ("stargate-abilene", "oracle"),
        ("stargate-abilene", "softbank"),
        ("stargate-uae", None),
    ],
    "cq02": [
        ("huawei", "designedBy", "china"),
        ("samsung", "suppliedBy", "south-korea"),
        ("smic", "fabricatedBy", "china"),
    ],
    "cq03": [
        ("humain-nvidia-deal", "gb300", "18000", "10000000000"),
        ("us-uae-ai-partnership", "gb300", "500000", None),
    ],
    "cq04": [
        ("ascend-910c", "3.2", None),
        ("ascend-920c", "4", None),
        ("b100", "8", "ExportBan"),
        ("b200", "8", "ExportBan"),
        ("h100", "3.35", "ExportBan"),
        ("h20", "4", "LicenseRequirement"),
        ("h20", "4", "RevenueShareCondition"),
    ],
    "cq05": [
        ("colossus", "colossus-diesel"),
        ("colossus", "colossus-megapacks"),
        ("meta-hyperion", "hyperion-sofc"),
        ("stargate-abilene", "abilene-bess"),
        ("stargate-abilene", "abilene-gas-turbines"),
        ("stargate-abilene", "abilene-solar"),
        ("stargate-abilene-phase-1", "abilene-gas-turbines"),
        ("stargate-abilene-phase-2", "abilene-bess"),
        ("stargate-abilene-phase-2", "abilene-solar"),
    ],
    "cq06": [
        ("g42", "gb300"),
        ("humain", "gb300"),
        ("lrz", "rubin-gpu"),
        ("meta", "gb300"),
        ("mistral-ai", "b200"),
        ("oracle", "gb200"),
        ("xai", "gb200"),
        ("xai", "h100"),
    ],
    "cq07": [
        ("colossus", "250", None),
        ("meta-hyperion", "100", "5000"),
        ("stargate-abilene", "1915", "1200"),
    ],
    "cq08": [
        ("event-2025-01-13-diffusion-rule", "2025-01-13", "bis", "ai-diffusion-rule"),
        ("event-2025-04-15-h20-license", "2025-04-15", "bis", "h20-license-requirement"),
        ("event-2025-05-13-rescission", "2025-05-13", "bis", "ai-diffusion-rule-rescission"),
        ("event-2025-08-h20-licences", "2025-08", "white-house", "h20-revenue-share"),
    ],
    "cq09": [
        ("ai-diffusion-rule", "ai-diffusion-rule-rescission", "2025-05-13"),
        ("ai-diffusion-rule", "event-2025-05-13-rescission", "2025-05-13"),
    ],
    "cq10": [
        ("pangu-ultra", "huawei", "ascend-910c"),
    ],
    "cq11": [
        ("b200", "united-states", "tsmc", "taiwan"),
        ("cambricon-mlu590", "china", "tsmc", "taiwan"),
        ("gb200", "united-states", "tsmc", "taiwan"),
        ("grace", "united-states", "tsmc", "taiwan"),
        ("h100", "united-states", "tsmc", "taiwan"),
        ("mi308", "united-states", "tsmc", "taiwan"),
        ("rubin-gpu", "united-states", "tsmc", "taiwan"),
        ("tpu-v7", "united-states", "tsmc", "taiwan"),
        ("trainium2", "united-states", "tsmc", "taiwan"),
    ],
    "cq12": [
        ("smic", "smic-n-plus-2", "7", "ascend-910b"),
        ("smic", "smic-n-plus-2", "7", "ascend-910c"),
        ("smic", "smic-n-plus-3", "6", "ascend-920c"),
        ("tsmc", "tsmc-4n", "4", "b200"),
        ("tsmc", "tsmc-4n", "4", "gb200"),
        ("tsmc", "tsmc-4n", "4", "h100"),
        ("tsmc", "tsmc-n3p", "3", "rubin-gpu"),
    ],
    "cq13": [
        ("cloudmatrix-384", "huawei", "384", None),
        ("gb200-nvl72", "nvidia", "72", "nvlink"),
        ("kyber-nvl576", "nvidia", "576", "nvlink"),
        ("trainium2-ultra", "amazon", "64", None),
    ],
    "cq14": [
        ("china", "bis"),
        ("china", "white-house"),
        ("united-states", "china-mofcom"),
    ],
    "cq15": [
        ("humain-nvidia-deal", "saudi-humain-initiative", "pif"),
        ("mistral-cluster-investment", "france-ai-initiative", "french-government"),
        ("mistral-paris-cluster", None, None),
        ("stargate-uae", "uae-sovereign-ai", "united-arab-emirates"),
    ],
    "cq16": [
        ("qatar-ai-framework", "1200000000000", "qatar"),
        ("qatar-ai-framework", "1200000000000", "united-states"),
        ("stargate-oracle-hardware", "40000000000", "oracle"),
        ("stargate-openai-equity", "19000000000", "openai"),
        ("stargate-crusoe-jv", "11600000000", "blue-owl"),
        ("stargate-crusoe-jv", "11600000000", "crusoe"),
        ("humain-nvidia-deal", "10000000000", "humain"),
        ("humain-nvidia-deal", "10000000000", "nvidia"),
    ],
    "cq17": [
        ("alibaba-ai-capex", "380000000000", "CNY"),
        ("korea-gpu-procurement", "1400000000000", "KRW"),
    ],
    "cq18": [
        ("ascend-910c", "hbm2e", "3.2"),
        ("ascend-920c", "hbm3", "4"),
        ("b100", "hbm3e", "8"),
        ("b200", "hbm3e", "8"),
        ("gb200", "hbm3e", None),
        ("gb300", "hbm3e", None),
        ("h100", "hbm3", "3.35"),
        ("h20", "hbm3", "4"),
        ("h800", "hbm3", "1.68"),
        ("rubin-gpu", "hbm4", None),
        ("tpu-v7", "hbm3e", None),
    ],
    "cq19": [
        ("stargate-abilene-phase-0", "0", "200", "16000", None),
        ("stargate-abilene-phase-1", "1", None, "64000", "2026"),
        ("stargate-abilene-phase-2", "2", "1200", "400000", "2028"),
        ("stargate-phase-3", "3", "4500", "2000000", "2030"),
    ],
    "cq20": [
        ("amd", "nvidia"),
        ("ascend-910c", "h20"),
        ("cloudmatrix-384", "gb200-nvl72"),
        ("huawei", "nvidia"),
        ("infiniband", "spectrum-x"),
        ("mi308", "h20"),
        ("spectrum-x", "infiniband"),
        ("ualink", "nvlink"),
    ],
    "cq21": [
        ("amazon", "anthropic"),
        ("oracle", "openai"),
    ],
    "cq22": [
        ("kimi-k2", "1000000000000", "384", "32000000000"),
        ("deepseek-r1", "671000000000", "256", "37000000000"),
        ("qwen3", "235000000000", "128", None),
        ("gpt-oss", "117000000000", "128", "5100000000"),
    ],
    "cq23": [
        ("abilene-bess", "BatteryStorage", "300"),
        ("abilene-gas-turbines", "GasTurbine", "1015"),
        ("abilene-grid-connection", "GridConnection", "200"),
        ("abilene-solar", "SolarPV", "600"),
    ],
    "cq24": [
        ("china-rare-earth-magnet-licensing", "china-mofcom", "h20-revenue-share", "h20"),
        ("china-rare-earth-magnet-licensing", "china-mofcom", "h20-revenue-share", "mi308"),
    ],
    "cq25": [
        ("elon-musk", "CEO", "xai"),
        ("howard-lutnick", "Secretary of Commerce", "us-department-of-commerce"),
        ("jensen-huang", "CEO", "nvidia"),
        ("sam-altman", "CEO", "openai"),
    ],
    "cq26": [
        ("ascend-910b", None, "smic-n-plus-2"),
        ("ascend-910c", "ascend-910b", "smic-n-plus-2"),
        ("ascend-920c", "ascend-910c", "smic-n-plus-3"),
    ],
    "cq27": [
        ("abilene-gas-turbines", "unitPowerOutputMW", "34", "approximate", "1948", None),
        ("abilene-gas-turbines", "unitPowerOutputMW", "35", "approximate", "1948", "source-semianalysis"),
        ("stargate-abilene-phase-2", "maxChipCount", "400000", "upperBound", "1960", "source-openai"),
    ],
    "cq28": [
        ("iberian-blackout", "2025-04-28", "iberian-grid", "spain", "red-electrica"),
    ],
    "cq29": [
        ("france", "european-union", "france-ai-initiative"),
        ("saudi-arabia", "gcc", "saudi-humain-initiative"),
        ("united-arab-emirates", "gcc", "uae-sovereign-ai"),
    ],
    "cq30": [
        ("colossus", "united-states", "true"),
        ("huawei-gui-an-cluster", "china", "false"),
        ("humain-riyadh-cluster", "saudi-arabia", "false"),
        ("lrz-blue-lion", "germany", "false"),
        ("meta-hyperion", "united-states", "true"),
        ("mistral-paris-cluster", "france", "false"),
        ("project-rainier", "united-states", "false"),
        ("stargate-abilene", "united-states", "true"),
        ("stargate-uae", "united-arab-emirates", "false"),
    ],
}


@pytest.fixture(scope="module")
def store():
    graph = rdflib.Graph().parse(FIXTURE, format="turtle")
    return materialise_store(graph)[0]


def _short(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        for prefix in _PREFIXES:
            if term.value.startswith(prefix):
                return term.value[len(prefix) :]
    return term.value


def test_there_are_at_least_25_questions_and_all_have_answers():
    ids = [cq.id for cq in load_competency_questions()]
    assert len(ids) >= 25
    assert ids == sorted(EXPECTED)


@pytest.mark.parametrize("cq", load_competency_questions(), ids=lambda cq: cq.id)
def test_competency_question_answer(store, cq):
    result = store.query(cq.sparql, use_default_graph_as_union=True)
    width = len(result.variables)
    rows = [tuple(_short(row[i]) for i in range(width)) for row in result]
    assert rows == EXPECTED[cq.id]
