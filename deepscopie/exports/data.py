"""``resources.json``, ``faq.json`` and ``resources.csv``: the data in open formats.

The JSON files carry their format and version, and their JSON Schemas are in ``schemas/``
(``export-resources.schema.json``, ``export-faq.schema.json``), generated from the model:

    {"format": "deepscopie-resources", "version": 1, "generated": "2026-11-22",
     "resources": [{"id": "cellpose", "title": {"fr": "Cellpose", "en": "Cellpose"}, …}]}

Both languages are in every file; private provenance never is.
"""

from __future__ import annotations

import csv
import datetime
import io
from typing import Literal

from pydantic import BaseModel, ConfigDict

from deepscopie.escaping import csv_cell
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import FaqEntry, Resource

FORMAT_VERSION: Literal[1] = 1


class ResourcesExport(BaseModel):
    """``resources.json``."""

    model_config = ConfigDict(title="DeepScopie resources export")
    format: Literal["deepscopie-resources"] = "deepscopie-resources"
    version: Literal[1] = FORMAT_VERSION
    generated: datetime.date
    resources: tuple[Resource, ...]


class FaqExport(BaseModel):
    """``faq.json``."""

    model_config = ConfigDict(title="DeepScopie FAQ export")
    format: Literal["deepscopie-faq"] = "deepscopie-faq"
    version: Literal[1] = FORMAT_VERSION
    generated: datetime.date
    faq: tuple[FaqEntry, ...]


CSV_COLUMNS = (
    "id", "title_fr", "title_en", "url", "category", "subcategory", "type", "tags",
    "languages", "year", "authors", "doi", "added", "description_fr", "description_en",
    "title_language", "editors_note_fr", "editors_note_en",
    "status", "status_date", "status_note_fr", "status_note_en", "replaced_by", "repository",
    "venue", "licence",
)  # fmt: skip


def resources_json(base: KnowledgeBase, today: datetime.date) -> str:
    """Every resource, both languages, as versioned JSON."""
    export = ResourcesExport(generated=today, resources=base.resources)
    return export.model_dump_json(indent=2, exclude_none=True) + "\n"


def faq_json(base: KnowledgeBase, today: datetime.date) -> str:
    """Every FAQ entry, both languages, as versioned JSON."""
    return (
        FaqExport(generated=today, faq=base.faq).model_dump_json(indent=2, exclude_none=True) + "\n"
    )


def resources_csv(base: KnowledgeBase) -> str:
    """One row per resource; lists joined with ``;``; no cell a spreadsheet would evaluate."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in base.resources:
        row = [
            r.id,
            r.title.fr,
            r.title.en,
            r.url or "",
            r.category,
            r.subcategory or "",
            r.type,
            ";".join(r.tags),
            ";".join(r.languages),
            r.year or "",
            ";".join(r.authors),
            r.doi or "",
            r.added.isoformat(),
            r.description.fr,
            r.description.en,
            r.title_language or "",
            r.editors_note.fr if r.editors_note else "",
            r.editors_note.en if r.editors_note else "",
            r.status,
            r.status_note.date.isoformat() if r.status_note else "",
            r.status_note.fr if r.status_note else "",
            r.status_note.en if r.status_note else "",
            r.replaced_by or "",
            r.repository or "",
            r.venue or "",
            r.licence or "",
        ]
        writer.writerow([csv_cell(str(cell)) for cell in row])
    return out.getvalue()
