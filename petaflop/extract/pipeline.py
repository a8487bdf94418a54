"""Document -> Extraction: gazetteer entities, cited sources, table mappings, text claims,
text relations. The order matters only for entity records (first mention wins the
location of an entity's label and type facts); facts themselves are independent.
"""

from __future__ import annotations

import re
from dataclasses import replace

from foundation.names import HANGUL, lang_of
from foundation.namespaces import PFA, RDF, RDFS, SKOS, UnknownTerm
from ingest.model import Bullet, Document, Figure, Heading, Paragraph, Table
from petaflop.extract import typecheck
from petaflop.extract.adjacent import AdjacentReader
from petaflop.extract.bare_quarters import settle_bare_quarters
from petaflop.extract.caption_restates import settle_caption_times
from petaflop.extract.caption_topic import caption_topic
from petaflop.extract.cell_changes import add_cell_changes
from petaflop.extract.cell_column_works import add_column_works
from petaflop.extract.cell_links import add_cell_links
from petaflop.extract.claims import ClaimMiner, load_promotions
from petaflop.extract.committed_drawn import settle_drawn_sums
from petaflop.extract.count_coordinated import drop_listed_items
from petaflop.extract.count_links import (
    add_count_chip_uses,
    add_count_procurements,
    settle_count_link_statuses,
)
from petaflop.extract.dated_posts import add_dated_posts, add_publications
from petaflop.extract.duration_before import settle_before_durations
from petaflop.extract.ended_plans import settle_ended_plans
from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location
from petaflop.extract.figure_time import caption_frame
from petaflop.extract.gate import unsure
from petaflop.extract.gazetteer import Gazetteer
from petaflop.extract.grown_from import settle_grown_from
from petaflop.extract.heading_place import scope_heading_multiples
from petaflop.extract.headline_rivals import add_headline_challengers
from petaflop.extract.hedged_rows import settle_hedged_subjects
from petaflop.extract.label_maker import add_label_makers
from petaflop.extract.link_direction import settle_link_directions
from petaflop.extract.link_status import settle_link_statuses
from petaflop.extract.listed_parts import add_listed_parts
from petaflop.extract.mapping_data import compile_regex, entries
from petaflop.extract.milestone_span import settle_milestones
from petaflop.extract.name_division import NameDivision
from petaflop.extract.name_maker import NameMaker, settle_name_makers
from petaflop.extract.named_figures import read_named_figures
from petaflop.extract.named_later import read_named_later
from petaflop.extract.node_foundry import (
    add_cell_fab_sites,
    add_node_foundries,
    add_node_sizes,
    settle_node_sizes,
)
from petaflop.extract.part_links import scope_part_links
from petaflop.extract.person_firm import settle_stand_ins
from petaflop.extract.plant_measure import settle_plant_measures
from petaflop.extract.rank_measure import settle_rank_measures
from petaflop.extract.relations import RelationMiner, load_relation_patterns
from petaflop.extract.resolve import Resolver, created_id
from petaflop.extract.run_rate import settle_run_rates
from petaflop.extract.same_cell import adopt_more_specific
from petaflop.extract.section_facility import move_section_counts
from petaflop.extract.shared_labels import unsure_shared_columns
from petaflop.extract.sites import add_sites
from petaflop.extract.slide_time import slide_period, slide_texts
from petaflop.extract.source_data import STUDY, read_source_data
from petaflop.extract.source_titles import titled_source
from petaflop.extract.span_events import name_span_events
from petaflop.extract.status_context import settle_statuses
from petaflop.extract.summed_columns import scope_summed_columns
from petaflop.extract.survey_size import add_caption_survey_sizes, add_surveyor_sizes
from petaflop.extract.table_contracts import add_contract_parties
from petaflop.extract.table_map import MAPPINGS_PATH, load_mappings
from petaflop.extract.table_market_scope import market_of
from petaflop.extract.table_measure_context import scope_foundry_tables
from petaflop.extract.table_odds import add_scenario_odds
from petaflop.extract.table_policy_parts import add_policy_parts
from petaflop.extract.table_scenario_cells import add_scenario_cells
from petaflop.extract.table_survey import add_listed_answers, add_survey_answers
from petaflop.extract.tables import TableExtractor
from petaflop.extract.text_owned import settle_own_lists
from petaflop.extract.text_part_counts import add_part_counts
from petaflop.extract.text_person_genitive import settle_person_facilities
from petaflop.extract.text_reader import TextReader
from petaflop.extract.text_venue import UNKNOWN as UNKNOWN_MARKET
from petaflop.extract.under_review import settle_under_review
from petaflop.extract.unit_suffix import settle_unknown_units
from petaflop.extract.vague_dates import settle_vague_dates
from petaflop.extract.work_amount import settle_work_amounts

RDF_TYPE = RDF.type
RDFS_LABEL = RDFS.label
SKOS_ALT = SKOS.altLabel


def load_excludes() -> list[tuple[re.Pattern[str], str]]:
    return [(compile_regex(raw["match"], where + ".match"), raw["reason"])
            for where, raw in entries(MAPPINGS_PATH, "exclude", ("match", "reason"), {"match": "str", "reason": "str"})]


#: a note that states how its table was worked out ("…를 적용하여 계산", "…로 가정"): its figures are the method's
_METHOD_NOTE = re.compile(r"(?:적용|가정|계산|산출|추산|환산)(?:하여|해서|해|한|했|함|하고|하면|했음|\b)")

class Extractor:
    """Runs every extractor over one document and returns the :class:`Extraction`."""

    def __init__(self, doc: Document, gazetteer: Gazetteer | None = None) -> None:
        self.doc = doc
        self.gaz = gazetteer or Gazetteer.load()
        self.ex = Extraction()
        self.res = Resolver(self.gaz, self.ex)
        self.miner = ClaimMiner(self.res, load_promotions())
        self.relations = RelationMiner(self.res, load_relation_patterns())
        self.miner.relations = self.relations
        self.text = TextReader(self.res)
        self.names = NameMaker(self.gaz, self.text.lex, self.ex, self.res.record)
        self.divisions = NameDivision(self.gaz, self.ex, self.res.record)  # "<parent> … 부문" (name_division.py)
        self.adjacent = AdjacentReader(self.gaz, self.ex, self.res.record)
        self._source_ids: dict[str, str] = {}
        self.first_mention: dict[str, Location] = {}

    # -- sources ---------------------------------------------------------------------------
    def source_id(self, name: str, line: int) -> str:
        if name in self._source_ids:
            return self._source_ids[name]
        ent = self.gaz.lookup(name)
        titled = titled_source(name, self.gaz) if ent is None else None  # a quoted title (source_titles.py)
        if ent is not None or titled is not None:
            eid = self.res.record(ent or titled)
            # a source the text never names is still named here: its type and labels sit on this line
            loc = Location(line, line, rule_chapter(self.doc, line))
            self.first_mention.setdefault(eid, loc)
            if titled is not None:
                self.names.source(eid, name, loc)  # its owner before the title publishes it ('하버드 논문 "…"')
        else:
            eid = "source-" + created_id(name)
            latin = not HANGUL.search(name)
            self.ex.add_entity(EntityRecord(eid, ("Source",), name if latin else "", "" if latin else name, (name,),
                                            "source"))
            loc = Location(line, line, rule_chapter(self.doc, line))
            self.ex.add(Fact(eid, RDF_TYPE, PFA.Source, True, loc, "source-line"))
            self.ex.add(Fact(eid, RDFS_LABEL, name, False, loc, "source-line", lang="ko" if not latin else "en"))
            self.names.source(eid, name, loc)
        self._source_ids[name] = eid
        return eid

    def _studies_cited(self, blocks) -> tuple[str, ...]:
        """The sources named a paper, study, report or survey that a slide's tables and figures cite."""
        return tuple(dict.fromkeys(self.source_id(s, b.source_line or b.lines.last) for b in blocks
                                   if isinstance(b, (Table, Figure)) for s in b.sources if STUDY.search(s)))

    def sources_of(self, block: Table | Figure) -> tuple[str, ...]:
        line = block.source_line or block.lines.last
        return tuple(dict.fromkeys(self.source_id(s, line) for s in block.sources))

    # -- the passes ------------------------------------------------------------------------
    def run(self) -> Extraction:
        self._mentions_and_text()
        mappings = load_mappings()
        TableExtractor(self.doc, mappings, load_excludes(), self.res, self.miner, self.sources_of, self.text).run()
        add_contract_parties(self.doc, self.ex, self.res, self.sources_of)
        add_policy_parts(self.doc, self.ex, self.res, self.sources_of)  # a law's measures, a row each (table_policy_parts.py)
        add_listed_parts(self.doc, self.ex, self.res, self.sources_of)  # "3계층 …" then its N parts (listed_parts.py)
        add_headline_challengers(self.doc, self.ex, self.res)  # "…에 도전하다" over its challenger's text
        add_sites(self.doc, self.ex, self.res, self.sources_of)
        add_label_makers(self.doc, self.ex, self.res, self.text.lex, self.sources_of)
        add_column_works(self.doc, self.ex, self.res, self.sources_of)  # "구분 | A | B", "… <model> 개발" (cell_column_works.py)
        add_scenario_odds(self.doc, self.ex, self.res, self.sources_of)  # "시나리오 | 추정 확률" (table_odds.py)
        add_survey_answers(self.doc, self.ex, self.res, self.sources_of)  # "원인 | 응답 비율" (table_survey.py)
        add_listed_answers(self.doc, self.ex, self.res)  # "① … 문제 (46%), ② …" after a survey's shares
        add_caption_survey_sizes(self.doc, self.ex, self.sources_of)  # "… 조사 (n=149)" (survey_size.py)
        add_dated_posts(self.doc, self.ex, self.res)  # "12:28 PM · Jul 28, 2025 · 29.5M Views" (dated_posts.py)
        add_publications(self.doc, self.ex, self.res)  # "<기관>가 올해 1월 13일에 내놓은 보고서" (dated_posts.py)
        add_surveyor_sizes(self.doc, self.ex, self.res, self.sources_of)  # "<기관>가 N개 기업 … 를 설문"
        add_scenario_cells(self.doc, self.ex, self.res, self.text.lex, self.sources_of)  # "A 시: N달러 B 시: M달러"
        add_cell_links(self.doc, self.ex, self.text, self.sources_of)  # a genitive in any cell (cell_links.py)
        add_cell_changes(self.doc, self.ex, self.text, self.sources_of)  # "<thing> | N% 절감" (cell_changes.py)
        add_node_foundries(self.ex, self.gaz, self.res.record)
        add_cell_fab_sites(self.ex, self.gaz, self.res.record)  # "TSMC 3nm, 애리조나 공장도 활용"
        move_section_counts(self.doc, self.ex, self.gaz)  # counts under a facility's sub-heading (section_facility.py)
        add_node_sizes(self.ex, self.gaz)  # "TSMC 7nm" → 7 nm (node_foundry.py)
        add_count_procurements(self.ex, self.doc.lines)  # a leased or run count judged apart (count_links.py)
        add_count_chip_uses(self.ex, self.gaz, self.doc.lines)  # and the chips coordinated with the item
        drop_listed_items(self.ex, self.gaz, self.doc.lines)  # a count over a list counts no one member (count_coordinated.py)
        add_part_counts(self.ex, self.doc.lines)  # "이 중 N개", "나머지 N개" of the figure before (text_part_counts.py)
        name_span_events(self.ex, self.doc.lines)  # "time taken" → "time taken: 건설" (span_events.py)
        settle_own_lists(self.ex)  # an own list's maker link wins over another reader's (text_owned.py)
        settle_name_makers(self.ex)  # a table's stated maker wins over a name's first word (name_maker.py)
        settle_person_facilities(self.ex, self.gaz)  # "머스크의 Colossus" when xAI owns it (text_person_genitive.py)
        settle_drawn_sums(self.doc.tables, self.ex)  # "190 | 초기 190억 중 40억 사용": pledged 190, 40 paid (committed_drawn.py)
        self._entity_facts()
        # a share of a market only pointed back to ("관련 시장 점유율") that no sentence before names (text_venue.py)
        self.ex.statements = [st for st in self.ex.statements if st.scope != UNKNOWN_MARKET]
        settle_statuses(self.doc.tables, self.ex, self.doc.lines, self.doc.figures)
        settle_count_link_statuses(self.ex)  # a link derived from a count: the count's settled status (count_links.py)
        scope_summed_columns(self.doc.tables, self.ex)  # "Inter..." = so + tri + w: "subtotal of so…, …"
        unsure_shared_columns(self.doc.tables, self.ex)  # two columns both headed "Inter...": no scope (shared_labels.py)
        scope_foundry_tables(self.doc.tables, self.ex, self.gaz)  # a ranking of foundries (table_measure_context.py)
        settle_caption_times(self.doc.tables, self.ex, self.doc.lines)  # a caption restating a cell (caption_restates.py)
        settle_plant_measures(self.ex, self.doc.lines)  # "화력 150GW의 평균 가동시간": the plant type (plant_measure.py)
        settle_grown_from(self.ex, self.doc.lines)  # "7억 명 돌파. 올해 3월 5억 명에서 급증" (grown_from.py)
        settle_milestones(self.ex, self.doc.lines)  # "출시 2개월 만에 사용자 1억 명 돌파" (milestone_span.py)
        settle_run_rates(self.doc.tables, self.ex, self.doc.lines)  # "ARR 5억 달러": scope run-rate (run_rate.py)
        settle_before_durations(self.ex, self.doc.lines)  # "4-5시간 소요되던 업무": scope before (duration_before.py)
        settle_link_directions(self.ex, self.doc.lines)  # "단방향 900 GB/s": which way a bandwidth counts (link_direction.py)
        settle_work_amounts(self.ex, self.doc.lines)  # "한 달 분량의 데이터를 7분 만에": a rate's span (work_amount.py)
        settle_ended_plans(self.ex, self.doc.lines)  # a plan of a thing "… 프로젝트 종료를 선언" (ended_plans.py)
        adopt_more_specific(self.ex)  # one figure read twice in one place: both with its metric (same_cell.py)
        settle_link_statuses(self.ex, self.doc.lines, self.doc.tables)  # "… 구축 예정": a planned link (link_status.py)
        scope_part_links(self.ex, self.doc.tables, lambda text: bool(self.gaz.find_mentions(text)))  # "N3E(연산), N5(I/O)"
        settle_stand_ins(self.ex)  # a person's figure: the firm the whole report says they head (person_firm.py)
        settle_node_sizes(self.ex)  # a derived size takes its line's status (node_foundry.py)
        settle_vague_dates(self.ex, self.doc.lines)  # "2027년 말": the year, not Q4 (vague_dates.py)
        settle_bare_quarters(self.ex, self.doc.lines)  # "4월 규제 … 결국 1분기에 손실": no time (bare_quarters.py)
        settle_unknown_units(self.ex)  # "300nits": a figure in a unit no table knows is no bare number (unit_suffix.py)
        settle_rank_measures(self.ex, self.doc.lines, self._type_of)  # "X에서 … 세계 1위": what is ranked (rank_measure.py)
        scope_heading_multiples(self.doc, self.ex, self.gaz)  # a heading's "N배 더 많은 면적": its caption's place
        settle_under_review(self.doc.tables, self.ex, self.doc.lines)  # "→ 4 GW로 축소 검토중": a claim (under_review.py)
        settle_hedged_subjects(self.doc.tables, self.ex, self.gaz.find_mentions)  # "아직 모름 (아마도 A)" (hedged_rows.py)
        typecheck.check(self.ex)
        return self.ex

    def _type_of(self, name: str) -> str | None:
        """The type of the entity ``name`` names in the gazetteer, None when it names none."""
        return e.type if (e := self.gaz.lookup(name)) is not None else None

    def _mentions_and_text(self) -> None:
        for chapter in self.doc.chapters:
            for slide in chapter.slides:
                topic = self._topic(slide.title)
                self.text.start_slide(slide.title)
                self.text.slide_frame = slide_period(slide_texts(slide.title, slide.blocks))  # (slide_time.py)
                # slide titles name who runs what ("<cluster> by <firm>")
                self.relations.mine(slide.title, Location(slide.lines.first, slide.lines.first, chapter.key, slide.title),
                                    ())
                self.text.read_title(slide.title, Location(slide.lines.first, slide.lines.first, chapter.key, slide.title))
                slide_sources: tuple[str, ...] = ()
                leads: dict[int, str] = {}  # the last bullet of each level: a nested item's lead-in line
                for block in slide.blocks:
                    if isinstance(block, (Table, Figure)):
                        slide_sources = self.sources_of(block) or slide_sources
                studies = self._studies_cited(slide.blocks)  # the studies its figures cite (source_data.py)
                for before, block in zip([None, *slide.blocks], slide.blocks, strict=False):  # and the block before
                    if isinstance(block, Table):
                        header_rows = [r.cells for r in block.header_rows] or [block.header]
                        for row in [*header_rows, *[r.cells for r in block.rows]]:
                            for cell in row:
                                self._note_mentions(cell.text, Location(cell.line, cell.line, chapter.key,
                                                                        slide.title))
                        carried = caption_topic(self.text, block.caption)  # a table's caption heads its lines too
                        # "2025년 … 점유율 변화", its title, on the line before or opening it: when its lines hold
                        titled = caption_frame([before.text]) if isinstance(before, Paragraph) else None
                        title_date = titled or caption_frame(block.caption[:1]) if len(block.caption) > 1 or titled else None
                        title = before.text if titled else block.caption[0] if len(block.caption) > 1 else ""
                        for k, cap in enumerate(block.caption):
                            line = (block.caption_lines.first + k) if block.caption_lines else block.lines.first
                            self._note_mentions(cap, Location(line, line, chapter.key, slide.title))
                            self.text.caption_frame = title_date if k or titled else None
                            # "기업용 LLM API 시장 점유율 변화": the market its lines' shares are of (text_venue.py)
                            self.text.caption_market = market_of("", [title]) if k or titled else ""
                            self.text.caption_heading = title if k or titled else ""  # what a multiple compares
                            self.text.read(cap, Location(line, line, chapter.key, slide.title), self.sources_of(block))
                        self.text.caption_frame, self.text.caption_market, self.text.caption_heading = None, "", ""
                        self._read_notes(block, chapter.key, slide.title)
                        self.text.block_topic = carried(self.text.block_topic)
                        continue
                    if isinstance(block, Figure):
                        figure_sources = self.sources_of(block)
                        carried = caption_topic(self.text, block.caption)  # its first line's subject (caption_topic.py)
                        for k, cap in enumerate(block.caption):
                            at = self._line_of(cap, block.lines.first + k, block.lines.last)  # lines may be joined
                            cap_loc = Location(at, at, chapter.key, slide.title)
                            self._note_mentions(cap, cap_loc)
                            self.text.caption_title = block.caption[0] if k else ""  # a ranking's basis (text_rank.py)
                            self.text.caption_heading = self.text.caption_title  # the part a multiple compares
                            self.text.read(cap, cap_loc, figure_sources)
                            self.text.legend_customers(cap, block.text, cap_loc, figure_sources)
                        self.text.caption_title = self.text.caption_heading = ""
                        self.text.block_topic = carried(self.text.block_topic)
                        # text inside a figure (a paragraph beside the image, a label) is prose like any other
                        for body in block.text:
                            first = self._line_of(body, block.lines.first, block.lines.last)
                            body_loc = Location(first, first, chapter.key, slide.title)
                            self._note_mentions(body, body_loc)
                            if not read_named_later(self.text, body, body_loc, figure_sources):  # (named_later.py)
                                self.text.read(body, body_loc, figure_sources)
                            self.miner.mine(body, body_loc, topic, figure_sources, "text:quantity")
                        self._read_notes(block, chapter.key, slide.title)
                        continue
                    if not isinstance(block, (Paragraph, Bullet, Heading)):
                        continue
                    loc = Location(block.lines.first, block.lines.last, chapter.key, slide.title)
                    self._note_mentions(block.text, loc)
                    if isinstance(block, Bullet):
                        leads = {lv: t for lv, t in leads.items() if lv < block.level} | {block.level: block.text}
                        self.text.lead_in = (leads.get(block.level - 1, ""), slide.title)
                    # a paragraph whose facility is named further on reads with it as its topic (named_later.py)
                    if isinstance(block, Heading) or not read_named_later(self.text, block.text, loc, slide_sources):
                        self.text.read(block.text, loc, slide_sources)
                    if isinstance(block, (Heading, Paragraph)):
                        read_source_data(self.ex, block.text, loc, studies)  # the data a study rests on
                    self.text.lead_in = ("", "")
                    if isinstance(block, (Paragraph, Bullet)):
                        self.miner.mine(block.text, loc, topic, slide_sources, "text:quantity")

    def _read_notes(self, block: Table | Figure, chapter: str, slide_title: str) -> None:
        """A table's or figure's ``주:`` notes are prose like any other ("주: TCO는 … 13.3%의 WACC를 적용",
        "A의 다이 면적= 666mm^2 기준"): read after its caption, with its topic and sources."""
        for note in block.notes:
            head = note.strip()[:12]  # its opening words: the parser cleans a formula after them ("$\\approx" → "≈")
            at = next((n for n in range(block.lines.first, min(block.lines.last, len(self.doc.lines)) + 1)
                       if head and self.doc.lines[n - 1].strip().startswith(head)), block.lines.last)
            loc = Location(at, at, chapter, slide_title)
            self._note_mentions(note, loc)
            before = len(self.ex.statements), len(self.ex.facts)
            self.text.read(note, loc, self.sources_of(block))
            if _METHOD_NOTE.search(note):  # "… 4년 동안 감가상각하고, 13.3%의 WACC를 적용하여 계산": the
                # calculation's assumptions, not facts about the topic (audit of wave 38): claims only
                self.ex.statements[before[0]:] = [replace(s, rule=unsure(s.rule)) for s in self.ex.statements[before[0]:]]
                self.ex.facts[before[1]:] = [replace(f, rule=unsure(f.rule)) for f in self.ex.facts[before[1]:]]

    def _line_of(self, text: str, first: int, last: int) -> int:
        """The line of ``first``..``last`` where ``text`` (one or more joined lines) starts; else ``first``."""
        head = text.strip()[:20]
        for n in range(first, min(last, len(self.doc.lines)) + 1):
            line = self.doc.lines[n - 1].strip()
            if line and head and (head.startswith(line[:20]) or line.startswith(head)):
                return n
        return first

    def _topic(self, title: str) -> str:
        part = title.split(":", 1)[-1]
        found = self.res.entities_in(part)
        return self.res.record(found[0]) if found else ""

    def _note_mentions(self, text: str, loc: Location) -> None:
        self.adjacent.read(text, loc)
        read_named_figures(self.gaz, self.ex, text, loc, self.res.record)
        for m in self.gaz.find_mentions(text):
            self.names.mention(self.gaz.by_id(m.entity_id), text[m.start:m.end], loc)
            self.divisions.mention(self.gaz.by_id(m.entity_id), text[m.start:m.end], loc)
            if m.entity_id not in self.first_mention:
                self.first_mention[m.entity_id] = loc
                self.res.record(self.gaz.by_id(m.entity_id))

    def _entity_facts(self) -> None:
        """Type and label facts for every entity, located at its first mention (or, for one
        recognised only with the help of its table row, at the first fact about it)."""
        where: dict[str, Location] = {}
        for f in self.ex.facts:
            where.setdefault(f.subject, f.location)
            if f.obj_is_entity:
                where.setdefault(str(f.obj), f.location)
        for s in sorted(self.ex.statements, key=lambda s: s.location):  # an entity only a table's reader named
            where.setdefault(s.subject, s.location)
            if s.item:
                where.setdefault(s.item, s.location)
        for eid, rec in sorted(self.ex.entities.items()):
            if rec.origin != "gazetteer":
                if rec.origin == "table":
                    self._labels(rec, where.get(eid), "table-entity")
                    self._types(rec, where.get(eid), "table-entity")  # a name a table's reader created: its class
                continue
            loc = self.first_mention.get(eid) or where.get(eid)
            if loc is None:
                continue
            for t in rec.types:
                self.ex.add(Fact(eid, RDF_TYPE, PFA[t], True, loc, "gazetteer"))
            self._labels(rec, loc, "gazetteer")

    def _types(self, rec: EntityRecord, loc: Location | None, rule: str) -> None:
        for t in rec.types if loc is not None else ():
            try:
                self.ex.add(Fact(rec.id, RDF_TYPE, PFA[t], True, loc, rule))
            except UnknownTerm:  # a working class of the readers ("Concept"), no class of the ontology
                continue

    def _labels(self, rec: EntityRecord, loc: Location | None, rule: str) -> None:
        if loc is None:
            return
        if rec.name_en:
            self.ex.add(Fact(rec.id, RDFS_LABEL, rec.name_en, False, loc, rule, lang="en"))
        if rec.name_ko:
            self.ex.add(Fact(rec.id, RDFS_LABEL, rec.name_ko, False, loc, rule, lang="ko"))
        for alias in rec.aliases:
            if alias not in (rec.name_en, rec.name_ko):
                self.ex.add(Fact(rec.id, SKOS_ALT, alias, False, loc, rule, lang=lang_of(alias)))

def rule_chapter(doc: Document, line: int) -> str:
    for ch in doc.chapters:
        if line in ch.lines:
            return ch.key
    return ""


def extract(doc: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    return Extractor(doc, gazetteer).run()
