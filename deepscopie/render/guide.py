"""The contribution guide's generated parts: each field of each data file with its meaning,
the values editors choose from, and every validation rule. Generated from the model, the
vocabulary and :mod:`deepscopie.rules`, with their explanations in each language's catalogue
(``field_<Model>_<field>``, ``rule_<rule>``), so the guide always says what the checks check."""

from __future__ import annotations

from pydantic import BaseModel

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.links.ignore import IgnoreRule
from deepscopie.model import STATUSES, FaqEntry, Link, Localized, Resource, StatusNote
from deepscopie.render.safe_html import escape_markdown
from deepscopie.render.texts import language_codes, language_name, text
from deepscopie.rules import RULES

# (what the table is titled, the model whose fields it lists)
DOCUMENTED: tuple[tuple[str, type[BaseModel]], ...] = (
    ("data/resources.yaml", Resource),
    ("data/resources.yaml (links)", Link),
    ("data/resources.yaml (status_note)", StatusNote),
    ("data/faq.yaml", FaqEntry),
    ("data/link-ignore.yaml", IgnoreRule),
)


def field_help(model: type[BaseModel], field: str, language: str) -> str:
    """What ``field`` of ``model`` holds, in ``language``."""
    return text(f"field_{model.__name__}_{field}", language)


def render_field_reference(base: KnowledgeBase, language: str) -> str:
    """A table per data file, one for the texts in each language, then the vocabulary."""
    header = [
        _row(
            text("guide_field", language),
            text("guide_required", language),
            text("guide_meaning", language),
        ),
        "| --- | --- | --- |",
    ]
    parts = []
    for title, model in DOCUMENTED:
        rows = list(header)
        for name, field in model.model_fields.items():
            required = text("guide_yes" if field.is_required() else "guide_no", language)
            rows.append(
                _row(f"`{name}`", required, escape_markdown(field_help(model, name, language)))
            )
        if issubclass(model, Localized):  # and a text in each language of the site
            for code in language_codes():
                meaning = text(
                    f"field_{model.__name__}_language", language, name=language_name(code, language)
                )
                rows.append(
                    _row(f"`{code}`", text("guide_yes", language), escape_markdown(meaning))
                )
        parts.append(f"### {title} {{#fields-{model.__name__.lower()}}}\n\n" + "\n".join(rows))
    parts.append(_localized_table(header, language))
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
    rows = [_row(text("guide_status", language), text("guide_meaning", language)), "| --- | --- |"]
    rows += [
        _row(f"`{status}`", escape_markdown(text(f"status_meaning_{status}", language)))
        for status in STATUSES
    ]
    parts.append(f"### {text('guide_statuses', language)} {{#values-status}}\n\n" + "\n".join(rows))
    return "\n\n".join(parts)


def _localized_table(header: list[str], language: str) -> str:
    """A text a reader sees has one field per language of the site, the first the source."""
    codes = language_codes()
    rows = list(header)
    for number, code in enumerate(codes):
        key = "field_Localized_source" if number == 0 else "field_Localized_translation"
        meaning = text(key, language, name=language_name(code, language))
        rows.append(_row(f"`{code}`", text("guide_yes", language), escape_markdown(meaning)))
    title = " / ".join(codes)
    return f"### {title} {{#fields-{Localized.__name__.lower()}}}\n\n" + "\n".join(rows)


def render_rule_list(language: str) -> str:
    """Every rule a problem line can end with, and what it means."""
    rows = [_row(text("guide_rule", language), text("guide_meaning", language)), "| --- | --- |"]
    rows += [_row(f"`{rule}`", escape_markdown(text(f"rule_{rule}", language))) for rule in RULES]
    return "\n".join(rows)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
