"""Load the three data files into one validated :class:`KnowledgeBase`, or every problem.

The MkDocs build runs once per language; the result is cached on the files' contents (read
again when their modification times change) so the YAML is parsed once per change, not once
per build, nor when a file is saved unchanged under `mkdocs serve`.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from deepscopie import checks
from deepscopie.checks import Located
from deepscopie.collector import collector_paused
from deepscopie.model import FaqEntry, Resource, VocabularyFile
from deepscopie.model_errors import field_adapter, model_problems
from deepscopie.problems import DataError, Problem, msg
from deepscopie.yaml_source import SourceMap, YamlDocument, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class DataFiles:
    """Where the data files are."""

    vocabulary: Path
    resources: Path
    faq: Path

    @classmethod
    def in_folder(cls, folder: Path) -> DataFiles:
        """The standard file names inside ``folder`` (``data/`` of the repository)."""
        return cls(folder / "vocabulary.yaml", folder / "resources.yaml", folder / "faq.yaml")

    def all(self) -> tuple[Path, Path, Path]:
        """The three paths, vocabulary first."""
        return (self.vocabulary, self.resources, self.faq)


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the site publishes, validated."""

    vocabulary: VocabularyFile
    resources: tuple[Resource, ...]
    faq: tuple[FaqEntry, ...]
    sources: dict[Path, SourceMap]

    def resource(self, resource_id: str) -> Resource:
        """The resource with this id."""
        return next(r for r in self.resources if r.id == resource_id)


def load_knowledge_base(files: DataFiles) -> KnowledgeBase:
    """The validated knowledge base; raises :class:`DataError` with every problem found."""
    stamp = tuple(_stamp(path) for path in files.all())
    loaded = _load_cached(files, _contents(files, stamp))
    if isinstance(loaded, DataError):
        raise loaded
    return loaded


def find_problems(files: DataFiles) -> list[Problem]:
    """Every problem in the data (empty when it is clean)."""
    try:
        load_knowledge_base(files)
    except DataError as error:
        return error.problems
    return []


def _stamp(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except OSError:
        return (0, -1)
    return (status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=8)
def _contents(files: DataFiles, _stamp: tuple[tuple[int, int], ...]) -> str:
    """A digest of the files' bytes, read only when a file's time or size changed: an editor
    that saves a file unchanged gets the knowledge base already made, and the build neither
    renders nor indexes it again."""
    digest = hashlib.blake2b(digest_size=16)
    for path in files.all():
        try:
            digest.update(path.read_bytes())
        except OSError as error:  # said by the load, at its place
            digest.update(repr(error).encode())
        digest.update(b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=4)
def _load_cached(files: DataFiles, _contents: str) -> KnowledgeBase | DataError:
    """The knowledge base, or its problems: both are kept until the files change (under
    `mkdocs serve`, every page of a build asks again while the data has problems)."""
    try:
        return _load(files)
    except DataError as error:
        return error


def _load(files: DataFiles) -> KnowledgeBase:
    # The knowledge base lives as long as the build: see deepscopie.collector.
    with collector_paused(keep=True):
        return _validated(files)


def _validated(files: DataFiles) -> KnowledgeBase:
    documents = {path: read_yaml(path) for path in files.all()}
    problems = [problem for document in documents.values() for problem in document.problems]

    vocabulary = _validate_whole(documents[files.vocabulary], VocabularyFile, problems)
    partial_resources: list[Located[Resource]] = []
    partial_faq: list[Located[FaqEntry]] = []
    valid_resources = _validate_entries(
        documents[files.resources], "resources", Resource, problems, partial_resources
    )
    valid_faq = _validate_entries(documents[files.faq], "faq", FaqEntry, problems, partial_faq)
    # The checks across entries see every entry that parsed enough to be checked (its id and
    # the fields that are right), so that one wrong field hides no duplicate or unknown tag.
    resources = sorted(valid_resources + partial_resources, key=lambda entry: entry.loc)
    faq = sorted(valid_faq + partial_faq, key=lambda entry: entry.loc)

    resource_source = documents[files.resources].source
    faq_source = documents[files.faq].source
    if vocabulary is not None:
        problems += checks.check_vocabulary(vocabulary, documents[files.vocabulary].source)
        problems += checks.check_resource_vocabulary(resources, vocabulary, resource_source)
    problems += checks.check_unique_ids(resources, resource_source)
    problems += checks.check_unique_urls(resources, resource_source)
    problems += checks.check_resource_urls(resources, resource_source)
    problems += checks.check_unique_ids(faq, faq_source)
    problems += checks.check_ids_across_files(resources, faq, resource_source, faq_source)
    problems += checks.check_faq_urls(faq, faq_source)
    problems += checks.check_keyword_names(resources, faq, resource_source, faq_source)
    if documents[files.resources].data is not None:
        # Every id written in the file counts, valid entry or not: an invalid resource is
        # reported once, not again by each FAQ entry that cites it.
        resource_ids = _written_ids(documents[files.resources], "resources")
        problems += checks.check_faq_references(faq, resource_ids, vocabulary, faq_source)
        problems += checks.check_replacements(resources, resource_ids, resource_source)

    if problems or vocabulary is None:
        raise DataError(problems)
    return KnowledgeBase(
        vocabulary=vocabulary,
        resources=tuple(entry.item for entry in valid_resources),
        faq=tuple(entry.item for entry in valid_faq),
        sources={path: document.source for path, document in documents.items()},
    )


def partial_entry(model: type[M], item: Any) -> M | None:
    """An entry built from the fields of ``item`` that are right on their own (a wrong or
    missing one is left at its default, or None), for the checks across entries; None
    without a valid id, by which those checks name an entry."""
    if not isinstance(item, dict):
        return None
    values: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        default = None if field.is_required() else field.get_default(call_default_factory=True)
        values[name] = default
        if name in item:
            with contextlib.suppress(ValidationError):
                values[name] = field_adapter(model, name).validate_python(item[name])
    if values.get("id") is None:
        return None
    return model.model_construct(**values)


def _written_ids(document: YamlDocument, key: str) -> set[str]:
    entries = document.data.get(key) if isinstance(document.data, dict) else None
    if not isinstance(entries, list):
        return set()
    return {str(e["id"]) for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)}


def _validate_whole(document: YamlDocument, model: type[M], problems: list[Problem]) -> M | None:
    if document.data is None:
        return None
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        problems += model_problems(error, model, document.source)
        return None


def _validate_entries(
    document: YamlDocument,
    key: str,
    model: type[M],
    problems: list[Problem],
    partially: list[Located[M]],
) -> list[Located[M]]:
    """Each entry on its own, so one bad entry hides no problem of the others; an entry with a
    bad field goes to ``partially`` with its good fields, for the checks across entries."""
    items = _entry_list(document, key, problems)
    valid = []
    for i, item in enumerate(items):
        try:
            valid.append(Located((key, i), model.model_validate(item)))
        except ValidationError as error:
            problems += model_problems(error, model, document.source, (key, i))
            partial = partial_entry(model, item)
            if partial is not None:
                partially.append(Located((key, i), partial))
    return valid


def _entry_list(document: YamlDocument, key: str, problems: list[Problem]) -> list[Any]:
    """The list under the file's single top-level ``key``."""
    data, source = document.data, document.source
    if data is None:
        return []

    def report(*args: Any, **kwargs: Any) -> None:
        problems.append(source.problem(*args, **kwargs))

    if not isinstance(data, dict):
        report((), msg("wrong-type.file", key=key), "wrong-type")
        return []
    for other in data:
        if other != key:
            report(
                (other,),
                msg("unknown-field.file", field=other, key=key),
                "unknown-field",
                at_key=True,
            )
    if key not in data:
        report((), msg("missing-field", field=key), "missing-field")
        return []
    entries = data[key]
    if not isinstance(entries, list):
        report((key,), msg("wrong-type.entries", key=key), "wrong-type")
        return []
    return entries
