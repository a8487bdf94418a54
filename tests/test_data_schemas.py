"""Every data file the build reads is checked against its schema: a misspelled key, an unknown
ontology term or a bad regex is a load-time error naming the file and the line (never a mapping
that silently matches every table)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from foundation.errors import UserError
from ontology.model import TRUTHY_POLICY, load_truthy_policy
from petaflop.extract import claims, lexicon, relations, table_map

EXTRACT = Path(table_map.__file__).parent


def _copy_with(tmp_path: Path, src: Path, old: str, new: str) -> Path:
    text = src.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {src.name}"
    dst = tmp_path / src.name
    dst.write_text(text.replace(old, new, 1), encoding="utf-8")
    return dst


@pytest.mark.parametrize(("src", "old", "new", "load", "message"), [
    ("table_mappings.toml", 'match = { header = ["선도적인', 'match = { headr = ["선도적인', table_map.load_mappings,
     "unknown key match.headr"),
    ("table_mappings.toml", 'property = "powerCapacityMW", kind = "power"', 'property = "powerCapacityMV", kind = "power"',
     table_map.load_mappings, "'powerCapacityMV' is not a property of the ontology"),
    ("table_mappings.toml", '\nlayout = "rows"', '\nlayuot = "rows"', table_map.load_mappings, "unknown key 'layuot'"),
    ("claim_patterns.toml", 'property = "h100EquivalentCount"', 'property = "h100EquivalentCnt"',
     claims.load_promotions, "'h100EquivalentCnt' is not a property of the ontology"),
    ("claim_patterns.toml", 'window = 30', 'windw = 30', claims.load_promotions, "unknown key 'windw'"),
    ("relation_patterns.toml", 'subject_type = "Facility"', 'subject_type = "Facilty"',
     relations.load_relation_patterns, "subject_type 'Facilty' is not a class of the ontology"),
    ("attribute_lexicon.toml", 'kind = "marketCap"', 'kind = "marketCapital"', lexicon.load_lexicon.__wrapped__,
     "kind 'marketCapital' is not a statement kind"),
    ("attribute_lexicon.toml", 'match = "시가 ?총액', 'match = "(시가 ?총액', lexicon.load_lexicon.__wrapped__,
     "bad regex"),
])  # fmt: skip
def test_a_misspelled_key_or_term_is_an_error_naming_file_and_line(tmp_path, src, old, new, load, message):
    path = _copy_with(tmp_path, EXTRACT / src, old, new)
    with pytest.raises(UserError) as err:
        load(path)
    text = str(err.value)
    assert message in text and src in text
    assert "\n" not in text
    if "unknown key" in message or "is not" in message:
        assert "line " in text


def test_the_truthy_policy_is_checked(tmp_path):
    from ontology.model import load_model

    m = load_model()
    path = _copy_with(tmp_path, TRUTHY_POLICY, 'property = "powerCapacityMW"', 'property = "powerCapacityMV"')
    with pytest.raises(UserError, match=r"line \d+: property 'powerCapacityMV' is not a datatype property"):
        load_truthy_policy(path, m.properties, m.kinds)
    path = _copy_with(tmp_path, TRUTHY_POLICY, "[[property]]", "[[propery]]")
    with pytest.raises(UserError, match="unknown table"):
        load_truthy_policy(path, m.properties, m.kinds)


def test_the_build_fails_with_one_line_naming_the_file(tmp_path, monkeypatch, report_path):
    from typer.testing import CliRunner

    from petaflop.cli import app

    bad = tmp_path / "extract"
    shutil.copytree(EXTRACT, bad, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    text = (bad / "table_mappings.toml").read_text(encoding="utf-8").replace('\nlayout = "rows"', '\nlayuot = "rows"', 1)
    (bad / "table_mappings.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(table_map, "MAPPINGS_PATH", bad / "table_mappings.toml")
    monkeypatch.setattr(table_map.load_mappings, "__defaults__", (bad / "table_mappings.toml",))
    res = CliRunner().invoke(app, ["build", "--report", str(report_path), "--out", str(tmp_path / "b"), "--no-hermit"])
    assert res.exit_code == 1
    assert "table_mappings.toml: line" in res.output and "unknown key 'layuot'" in res.output
    assert "Traceback" not in res.output
