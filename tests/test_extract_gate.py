"""The precision gate's decisions (family back-off for sparse mapped columns) and cells naming a group."""

from __future__ import annotations

from petaflop.extract.gate import Gate, RuleRecord
from petaflop.extract.resolve import names_a_group


def _gate(**rules: tuple[int, int]) -> Gate:
    return Gate(0.95, 3, {r.replace("__", ":"): RuleRecord(*v) for r, v in rules.items()})


def test_a_sparse_column_passes_when_its_table_family_does():
    g = _gate(table__fam__a=(30, 30), table__fam__b=(2, 2), table__fam__c=(1, 0))  # family: 32 of 33
    assert g.decision("table:fam:a") == "pass"
    assert g.passes("table:fam:b") and g.decision("table:fam:b") == "pass by family"
    assert g.passes("table:fam:text") and g.decision("table:fam:text") == "pass by family"  # never judged
    assert not g.passes("table:fam:c")  # an observed error: judged alone
    assert g.decision("table:fam:c") == "too few judged"


def test_a_family_below_the_threshold_passes_no_sparse_column():
    g = _gate(table__fam__a=(10, 8), table__fam__b=(2, 2))
    assert not g.passes("table:fam:b") and not g.passes("table:fam:text")
    assert g.decision("table:fam:text") == "unmeasured"


def test_only_mapped_table_columns_back_off():
    g = _gate(claim__asset_power__row=(10, 10), claim__asset_power__nearest=(1, 1), table__fam__a=(5, 5))
    assert not g.passes("claim:asset_power:nearest")  # ways of finding a subject are judged apart
    assert not g.passes("table:fam:claims")  # mined claims are not a column's cells
    assert not g.passes("table:fam")


def test_a_sparse_lexicon_entry_passes_when_its_reader_does():
    g = Gate(0.95, 3, {"table-reader:amount@11": RuleRecord(40, 40), "table-reader:share@20": RuleRecord(2, 2),
                       "table-reader:rank@30": RuleRecord(1, 0), "table-reader:amount@11:mapped": RuleRecord(2, 2),
                       "table-reader:rank@30:person": RuleRecord(7, 0)})
    assert g.decision("table-reader:share@20") == "pass by family"
    assert g.passes("table-reader:unseen@40")  # the reader's pooled precision: 42 of 43
    assert not g.passes("table-reader:rank@30")  # an observed error: judged alone
    # a variant is pooled only with the same variant of other entries
    assert not g.passes("table-reader:amount@11:mapped") and not g.passes("table-reader:share@20:person")
    prose = Gate(0.95, 3, {"text:genitive:developedBy@1": RuleRecord(30, 30), "text:genitive:operatedBy@2": RuleRecord(1, 1)})
    assert not prose.passes("text:genitive:operatedBy@2")  # prose constructions are not pooled


def test_a_measured_column_is_judged_alone():
    g = _gate(table__fam__a=(20, 20), table__fam__b=(4, 2))
    assert not g.passes("table:fam:b")


def test_cells_naming_a_group_not_its_members():
    assert names_a_group("Crusoe · Blue Owl JV")
    assert names_a_group("Alpha-Beta 합작법인")
    assert names_a_group("은행 PF (JPM 등)")  # lenders such as JPM
    assert not names_a_group("MGX / PIF (사우디)")  # two investors and a country note
    assert not names_a_group("(JPM 등)")  # only examples: no group named
    assert not names_a_group("OpenAI")


def test_a_sparse_prose_rule_passes_when_its_construction_and_its_way_both_do():
    g = Gate(0.95, 3, {"text:pact:named": RuleRecord(20, 20), "text:pact:founder": RuleRecord(2, 2),
                       "text:bio:founder": RuleRecord(6, 6), "text:pact:nearest": RuleRecord(1, 1),
                       "text:cue:nearest": RuleRecord(9, 5), "text:lone:founder": RuleRecord(1, 1),
                       "text:pact:row": RuleRecord(2, 1), "text:pact:slide": RuleRecord(0, 0)})
    assert g.passes("text:pact:founder") and g.decision("text:pact:founder") == "pass by construction and way"
    assert not g.passes("text:pact:nearest")  # its way (the nearest name) is 6 of 10 over all constructions
    assert g.decision("text:pact:nearest") == "too few judged"
    assert not g.passes("text:lone:founder")  # its construction has 1 judged fact: no evidence
    assert not g.passes("text:pact:row")  # an observed error: judged alone
    assert not g.passes("text:pact:slide") and not g.passes("text:pact:unseen")  # never judged: nothing to go on
    assert not g.passes("text:pact:founder:unsure")  # the report's doubt wins
    assert not Gate(0.95, 3, {"text:pact:named": RuleRecord(20, 20), "text:pact:founder": RuleRecord(2, 2)}).passes(
        "text:pact:founder")  # the way 'founder' has only its own 2 judged facts


def test_a_constructions_plain_rule_counts_for_its_construction_margin():
    rules = {"text:memo": RuleRecord(7, 7), "text:memo:founder": RuleRecord(1, 1), "text:bio:founder": RuleRecord(9, 9)}
    g = Gate(0.95, 3, rules)
    assert g.decision("text:memo:founder") == "pass by construction and way"  # construction 8 of 8, way 10 of 10
    assert g.decision("text:memo") == "pass"  # the plain rule is still judged alone
    # an error of the plain reading counts against the construction
    assert not Gate(0.95, 3, {**rules, "text:memo": RuleRecord(7, 5)}).passes("text:memo:founder")
    # a table's column and the table reader's entries are decided by their family, never by a construction margin
    assert "table:memo" not in Gate(0.95, 3, {"table:memo": RuleRecord(5, 5)}).margins
    assert not Gate(0.95, 3, {"text:memo:unsure": RuleRecord(5, 5)}).margins  # an unsure reading is no margin


def test_a_sparse_rule_ending_in_its_relation_passes_by_construction_and_relation():
    from petaflop.extract.gate import _margins, relation_names

    # the last part names the relation the rule asserts (an ontology property or statement kind), not a way
    assert {"announcedBy", "partOf", "revenue"} <= relation_names()
    assert not {"named", "slide-topic", "founder"} & relation_names()
    assert _margins("text:genitive:developedBy@333") == ("text:genitive", "property:developedBy")
    assert _margins("text:pact:founder") == ("text:pact", "way:founder")  # a way stays a way
    g = Gate(0.95, 3, {"table-cell:plan-item:partOf": RuleRecord(1, 1), "table-cell:plan-item:sponsoredBy": RuleRecord(4, 4),
                       "text:genitive:partOf@520": RuleRecord(3, 3)})
    # construction 5 of 5 over its relations; partOf 4 of 4 over every prose rule asserting it (an entry's @… dropped)
    assert g.passes("table-cell:plan-item:partOf")
    assert g.decision("table-cell:plan-item:partOf") == "pass by construction and relation"
    # a relation no other rule asserts is no evidence, however good the construction
    g = Gate(0.95, 3, {"text:launch-by:announcedBy": RuleRecord(1, 1), "text:launch-by:developedBy": RuleRecord(5, 5)})
    assert g.decision("text:launch-by:announcedBy") == "too few judged"
    # a relation read wrong elsewhere keeps the sparse rule a claim, however good its construction
    g = Gate(0.95, 3, {"text:genitive:operatedBy@337": RuleRecord(1, 1), "text:genitive:developedBy@333": RuleRecord(30, 30),
                       "text:name-maker:operatedBy@337": RuleRecord(4, 2)})
    assert not g.passes("text:genitive:operatedBy@337")
    # a rule naming the relation as its construction or before its way asserts it too
    g = Gate(0.95, 3, {"text-deal:partnerOf": RuleRecord(1, 1), "text:pair:partnerOf:named": RuleRecord(2, 2),
                       "text:pact-of:partnerOf": RuleRecord(1, 1), "text:pact-of:memberOf": RuleRecord(5, 5)})
    assert g.margins["property:partnerOf"] == (4, 4) and g.passes("text:pact-of:partnerOf")
