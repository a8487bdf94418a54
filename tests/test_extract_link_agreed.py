"""Audit 11: a link only agreed is planned (link_status.py): "…에 TPU 배치 합의 완료", "…배치하기로 합의";
the site reader's chip link reads up to its verb so the words after it are seen. Sentences of our own."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.link_status import link_status_after
from petaflop.extract.resolve import Resolver
from petaflop.extract.sites import SiteReader


@pytest.mark.parametrize(("line", "raw", "status"), [
    ("Fluidstack社와 뉴욕 데이터센터에 TPU 배치 합의 완료.", "Fluidstack社와 뉴욕 데이터센터에 TPU", "planned"),
    ("Fluidstack社와 뉴욕 데이터센터에 TPU 배치 합의 완료.", "Fluidstack社와 뉴욕 데이터센터에 TPU 배치", "planned"),
    ("오라클은 텍사스에 MI355X를 배치하기로 합의.", "오라클은 텍사스에 MI355X를", "planned"),
    ("오라클은 텍사스에 MI355X 도입 합의.", "오라클은 텍사스에 MI355X", "planned"),
    # an agreement called off, a deployment done: no plan
    ("오라클은 MI355X 도입 합의 파기.", "오라클은 MI355X", ""),
    ("오라클은 텍사스에 MI355X를 배치 완료.", "오라클은 텍사스에 MI355X를 배치", ""),
])
def test_a_link_only_agreed_is_planned(line, raw, status):
    assert link_status_after(line, raw) == status


def test_the_chip_a_site_is_to_run_reads_up_to_its_verb(gaz):
    ex = Extraction()
    line = "구글은 Fluidstack社와 뉴욕 데이터센터에 TPU 배치 합의 완료."
    SiteReader(ex, Resolver(gaz, ex)).read(line, Location(1, 1), "")
    chip = next(f for f in ex.facts if f.predicate == "usesChip")
    assert (chip.subject, str(chip.obj), chip.raw) == ("site-fluidstack-new-york-data-center", "google-tpu",
                                                       "Fluidstack社와 뉴욕 데이터센터에 TPU 배치")
    assert link_status_after(line, chip.raw) == "planned"
