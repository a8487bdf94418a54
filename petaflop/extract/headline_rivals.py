"""A slide's headline naming only whom something challenges ("TPU와 GCP, 엔비디아에 도전하다", "엔비디아
GB200 NVL72에 대항하는 “중국식 해법”"): the challenger is what the text under the headline is about — the
name that opens the first sentence below it, marked as its topic or subject ("구글은 …", "CloudMatrix(CM)
시스템은 …"), when it is of the kind of the one challenged (a firm challenges a firm, a system a system).

The frame of "<A>에 대항하는 <B>" (text_rivals' challengers) with its B named below the headline rather than
after the verb: judged with it, one rule (``text:challenger``). A headline that names what comes after the
verb ("MS-OpenAI에 대항할, 아마존-Anthropic 동맹", "NVLink에 대항하는 표준인 UALink": a name of the kind
of the one challenged) is the sentence reader's ("“중국식 해법”" names a country, no challenger); a first
sentence opened by anything but a marked name of that kind gives nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.model import Bullet, Heading, Paragraph
from petaflop.extract.facts import Fact, Location
from petaflop.extract.text_rivals import _kind

if TYPE_CHECKING:
    from ingest.model import Document
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver

RULE = "text:challenger"
#: the verb of challenging right after the one challenged ("…에 도전하다", "…에 대항하는", "…에 맞서")
_CHALLENGE = re.compile(r"['’”\"]?\s?에\s?(?:도전|대항|맞서|맞선)(?:하다|한다|하는|할|한)?(?![가-힣])")
#: the opening name's mark of topic or subject, after an abbreviation and a class noun at most
#: ("CloudMatrix(CM) 시스템은", "구글은")
_MARKED = re.compile(r"(?:\s?\([^()]{1,12}\))?(?:\s?(?:시스템|칩|플랫폼|모델|서비스|회사))?(?:은|는|이|가)\s")
#: what may stand before the opening name: a bullet's dash, a quote
_OPENING = re.compile(r"[\s\-–•·'‘“\"]*")


def _first_sentence(text: str) -> str:
    end = re.search(r"[.!?](?:\s|$)", text)
    return text[:end.start()] if end else text


def add_headline_challengers(doc: Document, ex: Extraction, res: Resolver) -> int:
    """Link each headline's challenger (the first sentence's opening name) to the one it challenges."""
    gaz, made = res.gaz, 0
    for chapter in doc.chapters:
        for slide in chapter.slides:
            blocks = slide.blocks
            for i, block in enumerate(blocks):
                if not isinstance(block, Heading):
                    continue
                verb = _CHALLENGE.search(block.text)
                mentions = gaz.find_mentions(block.text) if verb is not None else []
                before = [m for m in mentions if m.end <= verb.start()]
                if not before or before[-1].end != verb.start():
                    continue  # the one challenged is the name right before the verb
                challenged = gaz.by_id(before[-1].entity_id)
                if challenged is not None and any(m.start >= verb.end() and _kind(gaz.by_id(m.entity_id).type)
                                                  == _kind(challenged.type) for m in mentions):
                    continue  # the challenger named after the verb: the sentence reader's frame
                body = next((b for b in blocks[i + 1:] if isinstance(b, (Paragraph, Bullet, Heading))), None)
                if challenged is None or _kind(challenged.type) is None or not isinstance(body, (Paragraph, Bullet)):
                    continue
                sentence = _first_sentence(body.text)
                opening = gaz.find_mentions(sentence)[:1]
                if not opening or not _OPENING.fullmatch(sentence[:opening[0].start]) \
                        or not _MARKED.match(sentence, opening[0].end):
                    continue
                challenger = gaz.by_id(opening[0].entity_id)
                if challenger is None or challenger.id == challenged.id or _kind(challenger.type) != _kind(challenged.type):
                    continue
                line = block.lines.first
                loc = Location(line, line, chapter.key, slide.title)
                ex.add(Fact(res.record(challenger), "competesWith", res.record(challenged), True, loc, RULE, (),
                            raw=block.text[:60]))
                made += 1
    return made
