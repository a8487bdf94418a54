"""A person's school is ``educatedAt``, not ``affiliatedWith`` (which is staff: works for or represents).

* a table column of degrees ("학사 학위", "학력": the lexicon's ``educatedAt`` entry) gives the school;
* in a column of careers or affiliations, an organisation followed by a degree ("NYU 박사", "칭화대 CS
  석·학사", "… 졸업") is the school, while a post-doctoral post ("MIT 박사후연구원") stays staff;
* "<person>은 <school>/<school> 출신": a research institute (a university) a person "comes from" is
  where they studied; a firm they come from is a former employer (``affiliatedWith``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from petaflop.extract.resolve import is_a

#: a degree after the school's name, at most one field word between ("칭화대 CS 학사", "NYU 박사")
DEGREE_AFTER = re.compile(r"\s?(?:[A-Za-z가-힣·]{1,10}\s)?(?:석·학사|학·석사|학사|석사|박사(?!후)|졸업)")


def degree_after(text: str, end: int) -> bool:
    """True when a degree follows the name that ends at ``end`` in ``text``."""
    return DEGREE_AFTER.match(text, end) is not None


def studied(prop: str, eid: str, text: str, mentions: Iterable[Any]) -> str:
    """``educatedAt`` for an ``affiliatedWith`` link to ``eid`` whose mention in the cell is followed by
    a degree; ``prop`` otherwise."""
    if prop == "affiliatedWith" and any(m.entity_id == eid and degree_after(text, m.end) for m in mentions):
        return "educatedAt"
    return prop


def came_from(org_type: str) -> str:
    """The link of "<person> … <org> 출신": the school for a research institute, else a former employer."""
    return "educatedAt" if is_a(org_type, "ResearchInstitute") else "affiliatedWith"
