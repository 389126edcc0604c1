"""The contribution guide's generated parts: each field of each data file with its meaning,
the values editors choose from, and every validation rule. Generated from the model, the
vocabulary and :mod:`deepscopie.rules`, so the guide always says what the checks check."""

from __future__ import annotations

from pydantic import BaseModel

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.links.ignore import IgnoreRule
from deepscopie.model import STATUS_MEANINGS, FaqEntry, Link, Localized, Resource, StatusNote
from deepscopie.render.field_help import FIELDS_FR, STATUS_MEANINGS_FR
from deepscopie.render.safe_html import escape_markdown
from deepscopie.render.texts import text
from deepscopie.rules import RULES, RULES_FR

# (file, model, the data's own word for an entry of it)
DOCUMENTED: tuple[tuple[str, type[BaseModel]], ...] = (
    ("data/resources.yaml", Resource),
    ("data/resources.yaml (links)", Link),
    ("data/resources.yaml (status_note)", StatusNote),
    ("fr / en", Localized),
    ("data/faq.yaml", FaqEntry),
    ("data/link-ignore.yaml", IgnoreRule),
)


def field_help(model: type[BaseModel], field: str, language: str) -> str:
    """What ``field`` of ``model`` holds, in ``language``."""
    if language == "fr":
        return FIELDS_FR[model.__name__][field]
    return str(model.model_fields[field].description)


def render_field_reference(base: KnowledgeBase, language: str) -> str:
    """A table per data file, then the values of the vocabulary."""
    parts = []
    for title, model in DOCUMENTED:
        rows = [
            _row(
                text("guide_field", language),
                text("guide_required", language),
                text("guide_meaning", language),
            )
        ]
        rows.append("| --- | --- | --- |")
        for name, field in model.model_fields.items():
            required = text("guide_yes" if field.is_required() else "guide_no", language)
            rows.append(
                _row(f"`{name}`", required, escape_markdown(field_help(model, name, language)))
            )
        parts.append(f"### {title} {{#fields-{model.__name__.lower()}}}\n\n" + "\n".join(rows))
    vocabulary = base.vocabulary
    categories = [
        f"- `{c.id}` – {escape_markdown(c.name.get(language))}"
        + "".join(
            f"\n    - `{s.id}` – {escape_markdown(s.name.get(language))}" for s in c.subcategories
        )
        for c in vocabulary.categories
    ]
    parts.append(
        f"### {text('guide_categories', language)} {{#values-categories}}\n\n"
        + "\n".join(categories)
    )
    facets = (("types", vocabulary.types), ("tasks", vocabulary.tasks), ("ways", vocabulary.ways))
    for key, terms in (*facets, ("tags", vocabulary.tags)):
        listed = ", ".join(f"`{t.id}` ({escape_markdown(t.name.get(language))})" for t in terms)
        parts.append(f"### {text(f'guide_{key}', language)} {{#values-{key}}}\n\n{listed}")
    meanings = STATUS_MEANINGS_FR if language == "fr" else STATUS_MEANINGS
    rows = [_row(text("guide_status", language), text("guide_meaning", language)), "| --- | --- |"]
    rows += [_row(f"`{status}`", escape_markdown(meaning)) for status, meaning in meanings.items()]
    parts.append(f"### {text('guide_statuses', language)} {{#values-status}}\n\n" + "\n".join(rows))
    return "\n\n".join(parts)


def render_rule_list(language: str) -> str:
    """Every rule a problem line can end with, and what it means."""
    meanings = RULES_FR if language == "fr" else RULES
    rows = [_row(text("guide_rule", language), text("guide_meaning", language)), "| --- | --- |"]
    rows += [_row(f"`{rule}`", escape_markdown(meanings[rule])) for rule in RULES]
    return "\n".join(rows)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
