"""JSON Schemas of the data files, generated from the model for editors' autocompletion."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from deepscopie.exports.data import FaqExport, ResourcesExport
from deepscopie.links.ignore import IgnoreFile
from deepscopie.model import FaqFile, ResourcesFile, VocabularyFile

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "vocabulary": VocabularyFile,
    "resources": ResourcesFile,
    "faq": FaqFile,
    "link-ignore": IgnoreFile,
}
# The exported files' formats: what is written out (provenance left out), not what is read.
EXPORT_MODELS: dict[str, type[BaseModel]] = {
    "export-resources": ResourcesExport,
    "export-faq": FaqExport,
}


def schema_text(model: type[BaseModel]) -> str:
    """The JSON Schema of ``model``, as it is committed (stable key order, final newline)."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    mode: Literal["validation", "serialization"] = (
        "serialization" if model in EXPORT_MODELS.values() else "validation"
    )
    schema.update(model.model_json_schema(mode=mode))
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def schema_path(folder: Path, name: str) -> Path:
    """Where the schema of data file ``name`` lives."""
    return folder / f"{name}.schema.json"


def stale_schemas(folder: Path) -> list[Path]:
    """The committed schemas that differ from the model (missing ones included)."""
    stale = []
    for name, model in {**SCHEMA_MODELS, **EXPORT_MODELS}.items():
        path = schema_path(folder, name)
        if not path.exists() or path.read_text(encoding="utf-8") != schema_text(model):
            stale.append(path)
    return stale


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema that changed; return those written."""
    written = []
    folder.mkdir(parents=True, exist_ok=True)
    for path in stale_schemas(folder):
        models = {**SCHEMA_MODELS, **EXPORT_MODELS}
        path.write_text(schema_text(models[path.name.split(".")[0]]), encoding="utf-8")
        written.append(path)
    return written
