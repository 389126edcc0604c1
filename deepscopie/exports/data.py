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

from deepscopie.escaping import csv_cell, csv_list
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import FaqEntry, Resource
from deepscopie.render.texts import language_codes

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


def csv_columns() -> tuple[str, ...]:
    """The CSV's header: a text has one column per language of the site (``title_fr``…)."""
    codes = language_codes()

    def each(field: str) -> tuple[str, ...]:
        return tuple(f"{field}_{code}" for code in codes)

    return (
        "id", *each("title"), "url", "category", "subcategory", "type", "tags",
        "tasks", "ways", "languages", "year", "authors", "doi", "added", *each("description"),
        "title_language", *each("editors_note"),
        "status", "status_date", *each("status_note"), "replaced_by", "repository",
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
    writer.writerow(csv_columns())
    codes = language_codes()
    for r in base.resources:
        row = [
            r.id,
            *r.title.texts.values(),
            r.url or "",
            r.category,
            r.subcategory or "",
            r.type,
            csv_list(r.tags),
            csv_list(r.tasks),
            csv_list(r.ways),
            csv_list(r.languages),
            r.year or "",
            csv_list(r.authors),
            r.doi or "",
            r.added.isoformat(),
            *r.description.texts.values(),
            r.title_language or "",
            *(r.editors_note.get(code) if r.editors_note else "" for code in codes),
            r.status,
            r.status_note.date.isoformat() if r.status_note else "",
            *(r.status_note.get(code) if r.status_note else "" for code in codes),
            r.replaced_by or "",
            r.repository or "",
            r.venue or "",
            r.licence or "",
        ]
        writer.writerow([csv_cell(str(cell)) for cell in row])
    return out.getvalue()
