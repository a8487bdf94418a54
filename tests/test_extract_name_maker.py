"""The maker written as the head of a product's own name (text:name-maker:*, source:name-publisher)."""

from __future__ import annotations

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.lexicon import load_lexicon
from petaflop.extract.name_maker import NameMaker, maker_prefix

LOC = Location(1, 1)


def test_the_head_of_a_name_is_its_maker_only_when_it_is_a_whole_organisation_name(gaz):
    assert maker_prefix("Palantir Gotham", gaz).id == "palantir"
    assert maker_prefix("NVIDIA Omniverse", gaz).id == "nvidia"
    assert maker_prefix("X-wise Xite", gaz) is None  # a one-letter head is no maker
    assert maker_prefix("Gemini 2.5 Flash", gaz) is None  # a model family is not an organisation
    assert maker_prefix("Palantir", gaz) is None  # nothing after the head


def test_a_product_named_after_its_maker_gets_the_link_its_classes_allow(gaz):
    ex = Extraction()
    names = NameMaker(gaz, load_lexicon(), ex, lambda e: e.id)
    names.mention(gaz.by_id("palantir-gotham"), "Palantir Gotham", LOC)
    names.mention(gaz.by_id("palantir-gotham"), "Palantir Gotham", LOC)  # once per product
    names.mention(gaz.by_id("sam-altman"), "샘 알트만", LOC)
    names.source("source-x", "Google at OCP EMEA Summit 2025", LOC)
    names.source("source-y", "Bloomberg", LOC)
    got = [(f.subject, f.predicate, f.obj, f.rule.split("@")[0]) for f in ex.facts]
    assert got == [("palantir-gotham", "developedBy", "palantir", "text:name-maker:developedBy"),
                   ("source-x", "publisherOrganization", "google", "source:name-publisher")]


def test_a_product_or_service_named_after_its_firm_is_offered_by_it(gaz):
    # "DeepSeek 앱", "구글 AI Pro": a service is offered by the firm heading its name (as a released product is);
    # a model or platform so named stays developed by it
    ex = Extraction()
    names = NameMaker(gaz, load_lexicon(), ex, lambda e: e.id)
    names.mention(gaz.by_id("deepseek-app"), "DeepSeek 앱", LOC)
    names.mention(gaz.by_id("google-ai-pro"), "구글 AI Pro", LOC)
    names.mention(gaz.by_id("palantir-gotham"), "Palantir Gotham", LOC)
    got = [(f.subject, f.predicate, f.obj, f.rule.split("@")[0]) for f in ex.facts]
    assert got == [("deepseek-app", "offeredBy", "deepseek", "text:name-maker:offeredBy:brand"),
                   ("google-ai-pro", "offeredBy", "google", "text:name-maker:offeredBy:brand"),
                   ("palantir-gotham", "developedBy", "palantir", "text:name-maker:developedBy")]


def test_a_maker_before_the_things_own_name_is_told_from_a_brand_that_begins_with_it(gaz):
    # "OpenAI o3", "팔란티어 Foundry": the rest is the thing's own name, so the maker is said of it; in
    # "MiniMax-Text-01" the maker's name is only the head of a brand (the rest names nothing): its own rule
    ex = Extraction()
    names = NameMaker(gaz, load_lexicon(), ex, lambda e: e.id)
    names.mention(gaz.by_id("openai-o3"), "OpenAI o3", LOC)
    names.mention(gaz.by_id("palantir-foundry"), "팔란티어 Foundry", LOC)
    names.mention(gaz.by_id("minimax-text-01"), "MiniMax-Text-01", LOC)
    got = [(f.subject, f.obj, f.rule.split("@")[0], f.rule.endswith(":brand")) for f in ex.facts]
    assert got == [("openai-o3", "openai", "text:name-maker:developedBy", False),
                   ("palantir-foundry", "palantir", "text:name-maker:developedBy", False),
                   ("minimax-text-01", "minimax", "text:name-maker:developedBy", True)]
