"""The "propose a resource" page: a small static form that opens a new GitLab issue, its title
and description prefilled (a YAML block ready to paste into data/resources.yaml, and the
checklist a curator goes through). No server and no token: the reader's browser goes to
GitLab's ``/-/issues/new?issue[title]=…&issue[description]=…`` and the reader submits there.

Without JavaScript the form still works: GitLab receives the name and the reader's text.
"""

from __future__ import annotations

import json

from deepscopie.escaping import html_attribute, html_text
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.render import markup
from deepscopie.render.texts import language_codes, text
from deepscopie.urls import is_acceptable_url

PROPOSE_MARKER = "<!-- deepscopie:propose -->"
PROPOSE_PAGE = "propose.md"
# The texts the script writes into the issue, in the page's language.
_ISSUE_TEXTS = (
    "propose_issue_title",
    "propose_issue_intro",
    "propose_issue_checklist",
    "propose_translate",
)


def new_issue_address(repo_url: str | None) -> str | None:
    """GitLab's "new issue" page of the project, or None without an acceptable repo_url."""
    if not repo_url:
        return None
    address = f"{repo_url.rstrip('/')}/-/issues/new"
    return address if is_acceptable_url(address) else None


def fill_propose_page(markdown: str, base: KnowledgeBase, language: str, issues: str | None) -> str:
    """The hand-written page with its marker replaced by the form (or, without a GitLab
    project configured, by where to propose instead)."""
    if issues is None:
        return markdown.replace(PROPOSE_MARKER, text("propose_unconfigured", language))
    # What the form does is said only where there is a form.
    form = f"{text('propose_how', language)}\n\n{render_propose_form(base, language, issues)}"
    return markdown.replace(PROPOSE_MARKER, form)


def render_propose_form(base: KnowledgeBase, language: str, issues: str) -> str:
    """The form as HTML (every text escaped); propose_script composes the issue."""
    categories = "".join(
        f'<option value="{html_attribute(c.id)}">{markup.text(c.name.get(language), language)}'
        "</option>"
        for c in base.vocabulary.categories
    )
    types = "".join(
        f'<option value="{html_attribute(t.id)}">{html_text(t.name.get(language))}</option>'
        for t in base.vocabulary.types
    )
    other = next(code for code in language_codes() if code != language)
    texts = {key: text(key, language) for key in _ISSUE_TEXTS}

    def field(key: str, control: str) -> str:
        return f"<p><label>{markup.text(text(key, language), language)}<br>{control}</label></p>"

    return "\n".join(
        [
            f'<form class="ds-propose" method="get" action="{html_attribute(issues)}"'
            f' data-ds-propose data-language="{language}" data-other="{other}"'
            f' data-texts="{html_attribute(json.dumps(texts, ensure_ascii=False))}">',
            field("propose_name", '<input name="issue[title]" required maxlength="200">'),
            field("propose_url", '<input type="url" data-ds-field="url" placeholder="https://">'),
            field(
                "propose_description",
                '<textarea name="issue[description]" rows="4" required></textarea>',
            ),
            field("propose_category", f'<select data-ds-field="category">{categories}</select>'),
            field("propose_type", f'<select data-ds-field="type">{types}</select>'),
            field(
                "propose_languages",
                '<input data-ds-field="languages" value="en" pattern="[a-z]{2}(, *[a-z]{2})*">',
            ),
            f'<p><button type="submit" class="md-button md-button--primary">'
            f"{markup.text(text('propose_submit', language), language)}</button></p>",
            "</form>",
        ]
    )


def propose_script() -> str:
    """The form's script, added to the page once its HTML is cleaned (see
    safe_html.safe_page_html, which leaves no script in a hand-written page)."""
    return f"<script>{_SCRIPT}</script>"


# Composes the issue from the fields: a YAML block in the files' style (each text quoted as
# JSON, which YAML reads as a double-quoted string), then the checklist.
_SCRIPT = """
(function () {
  var form = document.querySelector("[data-ds-propose]");
  if (!form) { return; }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var texts = JSON.parse(form.dataset.texts);
    var value = function (name) {
      var field = form.querySelector('[data-ds-field="' + name + '"]');
      return field ? field.value.trim() : "";
    };
    var name = form.elements["issue[title]"].value.trim();
    var description = form.elements["issue[description]"].value.trim();
    var q = JSON.stringify;
    var id = name.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "new-resource";
    var languages = value("languages").split(/[ ,]+/).filter(Boolean);
    var url = value("url");
    var lines = [
      "  - id: " + id,
      "    title: {fr: " + q(name) + ", en: " + q(name) + "}",
      url ? "    url: " + q(url) : "    url_needed: true",
      "    description:",
      "      " + form.dataset.language + ": " + q(description),
      "      " + form.dataset.other + ": " + q(texts.propose_translate),
      "    category: " + value("category"),
      "    type: " + value("type"),
      "    languages: [" + languages.join(", ") + "]",
      "    added: " + new Date().toISOString().slice(0, 10)
    ];
    var body = texts.propose_issue_intro + "\\n\\n```yaml\\n" + lines.join("\\n") +
      "\\n```\\n\\n" + texts.propose_issue_checklist + "\\n";
    var target = new URL(form.action);
    target.searchParams.set("issue[title]", texts.propose_issue_title + name);
    target.searchParams.set("issue[description]", body);
    window.location.assign(target.toString());
  });
})();
"""
