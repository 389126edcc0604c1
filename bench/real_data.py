"""The NFDI4BIOIMAGE training list (960 real entries, ../shared/real-data/, CC BY 4.0 by its
authors) converted to this project's schema, for scale tests. Never published as content.

Its types become categories and types, its tags become tags, its English text is copied into
both languages. An address that this project's checks would refuse (or one already used)
becomes ``url_needed``, so the result passes `deepscopie validate`.

Run: .venv/bin/python bench/real_data.py OUT_DIR  (writes OUT_DIR/{vocabulary,resources,faq}.yaml)
"""

from __future__ import annotations

import copy
import datetime
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from deepscopie.folding import id_words  # noqa: E402
from deepscopie.urls import normalise_url, url_problems  # noqa: E402

SOURCE = REPO.parent / "shared" / "real-data" / "nfdi4bioimage-training.yml"


def slug(text: str) -> str:
    return id_words(str(text))[:60].strip("-") or "x"


def _listed(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def convert(entries: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(vocabulary, resources) in this project's schema."""
    kinds: dict[str, str] = {"other": "Other"}
    tags: dict[str, str] = {}
    resources, ids, urls = [], set(), set()
    for entry in entries:
        # One line: a title with a line break is refused (invalid-character).
        name = " ".join(str(entry.get("name") or "untitled").split())
        kind_name = (_listed(entry.get("type")) or ["Other"])[0]
        kind = slug(kind_name)
        kinds.setdefault(kind, kind_name)
        entry_tags = []
        for tag in _listed(entry.get("tags")):
            tags.setdefault(slug(tag), tag)
            if slug(tag) not in entry_tags:
                entry_tags.append(slug(tag))
        identifier, number = slug(name), 2
        while identifier in ids:
            identifier, number = f"{slug(name)}-{number}", number + 1
        ids.add(identifier)
        url = next(iter(_listed(entry.get("url"))), "").strip()
        usable = url and not url_problems(url) and normalise_url(url) not in urls
        description = str(entry.get("description") or name).strip() or name
        resource: dict[str, Any] = {
            "id": identifier,
            "title": {"fr": name, "en": name},
            **({"url": url} if usable else {"url_needed": True}),
            "description": {"fr": description, "en": description},
            "category": kind,
            "type": kind,
            "tags": entry_tags,
            "languages": ["en"],
            "authors": [a for a in _listed(entry.get("authors")) if a.strip()],
            "added": datetime.date(2026, 11, 22),
        }
        if usable:
            urls.add(normalise_url(url))
        resources.append(resource)
    named = [{"id": key, "name": {"fr": value, "en": value}} for key, value in kinds.items()]
    vocabulary = {
        "categories": named,
        "types": copy.deepcopy(named),  # shared objects would be written as YAML aliases
        "tags": [{"id": key, "name": {"fr": value, "en": value}} for key, value in tags.items()],
    }
    return vocabulary, {"resources": resources}


def write(out: Path) -> int:
    """Write the converted files into ``out``; return the number of resources."""
    entries = yaml.load(SOURCE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["resources"]
    vocabulary, resources = convert(entries)
    out.mkdir(parents=True, exist_ok=True)
    dump = {"allow_unicode": True, "sort_keys": False, "width": 10**6}
    (out / "vocabulary.yaml").write_text(yaml.safe_dump(vocabulary, **dump), encoding="utf-8")
    (out / "resources.yaml").write_text(yaml.safe_dump(resources, **dump), encoding="utf-8")
    (out / "faq.yaml").write_text("faq: []\n", encoding="utf-8")
    return len(resources["resources"])


if __name__ == "__main__":
    print(f"{write(Path(sys.argv[1]))} resources written to {sys.argv[1]}")
