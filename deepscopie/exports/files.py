"""All export files, by name, as written at the root of the built site."""

from __future__ import annotations

import datetime
from pathlib import Path

from deepscopie.exports.bibliography import bibliography
from deepscopie.exports.data import faq_json, resources_csv, resources_json
from deepscopie.exports.feeds import atom_feed, feed_file
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.render.texts import language_codes


def export_files(base: KnowledgeBase, site_url: str | None, today: datetime.date) -> dict[str, str]:
    """``{file name: content}`` for every export."""
    files = {
        "resources.json": resources_json(base, today),
        "faq.json": faq_json(base, today),
        "resources.csv": resources_csv(base),
        "bibliography.bib": bibliography(base),
    }
    files.update(
        {feed_file(language): atom_feed(base, language, site_url) for language in language_codes()}
    )
    return files


def write_site_files(site_dir: Path, files: dict[str, str]) -> None:
    """Write ``{path in the site: content}`` into the built site."""
    for name, content in files.items():
        path = site_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
