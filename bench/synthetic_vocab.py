"""Reference data of the synthetic graph (:mod:`bench.synthetic`): bloc countries, kinds and their
weights, process nodes, memories, packagings, power technologies, rules and qualifiers."""

from __future__ import annotations

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
COUNTRY_WEIGHTS = [30, 18, 4, 4, 1, 3, 3, 1.5, 1, 1, 3, 1, 1, 1, 0.5, 4, 3, 3, 2, 1.5, 1, 2, 1, 1, 1]
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
RULE_WEIGHTS = [30, 26, 20, 8, 3, 2, 2, 2, 2, 2, 2, 1]
QUALIFIERS = ["approximate", "lowerBound", "range", "vague", "upperBound", "estimate"]
