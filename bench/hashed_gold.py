"""Gold whose texts are not committed (their source has no licence): each row holds the sha256 of its text
and its spans; a builder reads the text from a local copy of the source and puts it back here."""
from __future__ import annotations

import hashlib

from realpages.build import BuildError

KINDS = ("dates", "officials", "directives", "statistics")


def put_back(row: dict, text: str, where: str) -> dict:
    """``row`` as a gold passage with ``text`` (read from ``where`` in the source); BuildError when the text
    is not the one annotated (its hash) or a span is not at its offsets."""
    if hashlib.sha256(text.encode()).hexdigest() != row["text_sha256"]:
        raise BuildError(f"{row['id']}: {where} is not the annotated text")
    for kind in KINDS:
        for span in row[kind]:
            if text[span["start"]:span["end"]] != span["text"]:
                raise BuildError(f"{row['id']}: {kind} span {span['text']!r} is not at {span['start']}")
    rest = {key: value for key, value in row.items() if key not in ("id", "text_sha256")}
    return {"id": row["id"], "text": text, **rest}
