"""Who an official mention is: the person's identity key (a name within a province) and the form
a position is stored, compared and shown in (acronyms written out, a doubled word once)."""
from __future__ import annotations

import re

from data.textnorm import name_key
from nlp.officials import position_text
from nlp.vietnamese import unify

# Official acronyms the tagger keeps in organisations, written out in stored positions.
ACRONYMS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQ": "Mặt trận Tổ quốc"}
_ACRONYM = re.compile(r"(?<!\w)(" + "|".join(ACRONYMS) + r")(?!\w)")
_SPACE = re.compile(r"\s+")


def person_key(name: str, province: str | None) -> str:
    """The ``people.key`` of a name mentioned on a site of ``province``: the name key, then
    " | " and the province's when the site has one ("" for no name)."""
    key = name_key(name)
    region = name_key(province or "")
    return f"{key} | {region}" if key and region else key


def stored_position(title: str | None, organization: str | None) -> tuple[str, str | None] | None:
    """(title, organization) as stored: tone-unified, single spaces, UBND/HĐND/MTTQ written out;
    None without a title."""
    def clean(text: str | None) -> str | None:
        return _SPACE.sub(" ", _ACRONYM.sub(lambda m: ACRONYMS[m.group()], unify(text or ""))).strip() or None

    title = clean(title)
    return (title, clean(organization)) if title else None


def position_key(title: str, organization: str | None) -> str:
    """What two stored positions are compared by: the phrase they read as, case ignored."""
    return name_key(position_text(title, organization))
