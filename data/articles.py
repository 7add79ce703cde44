"""The article store: one row per article URL, its revisions, search text and tags."""
from __future__ import annotations

import hashlib
import json

from data.pages import FetchedPage
from data.search import note_spellings, store_search_text
from data.store import Store, insert_row
from data.tags import replace_tags, tags_dict, tags_hash

# Fields whose change is a change of the article; raw_page_id, extractor_version and last_seen
# are bookkeeping, updated silently.
_CONTENT_FIELDS = ("site", "title", "published", "author", "lead", "text_hash", "captions", "attachments",
                   "language", "tags_hash")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None


class Articles(Store):
    """The articles, revisions and tag tables, written as processing indexes each raw page."""

    def add_article(self, page: FetchedPage, article, tags) -> str:
        """Index ``article`` (from ``page``) with its ``tags``; return 'new', 'changed' or 'unchanged'.

        A changed title or text becomes a new revision (the previous one stays in ``revisions``);
        other changed fields and changed tags are updated in place and also count as 'changed'.
        Indexing the same article with the same tags again changes nothing.
        """
        digest = text_hash(article.text)
        tags = tags_dict(tags)  # once: Tags.to_dict() copies every tag, and both uses below need it
        existing = next(self.db.query("SELECT * FROM articles WHERE url = ?", [article.url]), None)
        row = {"url": article.url, "site": page.site, "title": article.title,
               "published": article.published, "author": article.author, "lead": article.lead,
               "text": article.text, "captions": json.dumps(article.captions, ensure_ascii=False),
               "attachments": json.dumps(article.attachments, ensure_ascii=False),
               "language": article.language, "text_hash": digest,
               "extractor_version": article.extractor_version, "raw_page_id": page.id,
               "last_seen": page.fetched_at, "published_year": _year(article.published),
               "tags_hash": tags_hash(tags)}
        with self.transaction():
            if existing is None:
                row.update(first_seen=page.fetched_at, revision=1)
                article_id = insert_row(self.db, "articles", row)
                outcome, changed = "new", set(_CONTENT_FIELDS)
            else:
                article_id = existing["id"]
                changed = {name for name in _CONTENT_FIELDS if existing[name] != row[name]}
                row["revision"] = existing["revision"] + bool(changed & {"title", "text_hash"})
                row["last_seen"] = max(existing["last_seen"] or "", page.fetched_at)
                update = {name: value for name, value in row.items() if existing[name] != value}
                if update:
                    self.db.execute(f"UPDATE articles SET {', '.join(f'[{name}] = ?' for name in update)} "
                                    "WHERE id = ?", [*update.values(), article_id])
                outcome = "changed" if changed else "unchanged"
            if changed & {"title", "text_hash"}:
                insert_row(self.db, "revisions", {"article_id": article_id, "revision": row["revision"],
                                                  "fetched_at": page.fetched_at, "raw_page_id": page.id,
                                                  "title": article.title, "text": article.text,
                                                  "text_hash": digest})
            if changed & {"title", "lead", "text_hash"}:
                note_spellings(self.db, *store_search_text(self.db, article_id, article.title, article.lead,
                                                           article.text))
            if changed & {"tags_hash", "published"}:
                replace_tags(self.db, article_id, tags)  # keeps people, positions and directives consistent
        return outcome
