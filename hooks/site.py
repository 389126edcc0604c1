"""MkDocs glue: validate the data, write the generated pages, fill the home page, index search.

The logic lives in the ``deepscopie`` package; each hook below only hands over to it. The
i18n plugin builds the site once per language, so every hook runs twice; the knowledge base is
parsed once (cached on the files' modification times) and pages are rewritten only when they
change, which keeps `mkdocs serve` from rebuilding in a loop.
"""

from __future__ import annotations

import datetime
import logging
import os
import shutil
import signal
import sys
import threading
from collections.abc import Callable
from functools import lru_cache, partial
from html import unescape
from pathlib import Path
from types import FrameType, MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, Template
from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.meta import get_data as get_markdown_meta
from mkdocs.utils.templates import TemplateContext

from deepscopie.collector import collect_all_again, keep_out_of_collections
from deepscopie.editor_language import editor_language
from deepscopie.escaping import plain_text_filter, shown_in_terminal
from deepscopie.exports.files import export_files, write_site_files
from deepscopie.generated_files import is_generated, write_pages
from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.languages import (
    Language,
    LanguageError,
    Languages,
    languages_folder,
    reload_languages,
    site_languages,
)
from deepscopie.links.history import ReportError, load_report, load_section
from deepscopie.links.previous_report import REPORT_NAME as PUBLISHED_REPORT
from deepscopie.links.repositories import RepositoryRecord
from deepscopie.model import VocabularyFile
from deepscopie.problems import DataError, Problem, format_problems, msg
from deepscopie.render import links, markup
from deepscopie.render.edit_links import edit_base, edit_links
from deepscopie.render.explore import entries_files
from deepscopie.render.health import LinkHealth
from deepscopie.render.made_page_records import made_page_records
from deepscopie.render.navigation import NAMED_PAGES, names_of, navigation
from deepscopie.render.pages import (
    HTML_MARKER,
    Heading,
    fill_guide_page,
    fill_home_page,
    site_pages,
)
from deepscopie.render.problems_page import problems_document, problems_html
from deepscopie.render.propose import (
    PROPOSE_PAGE,
    fill_propose_page,
    new_issue_address,
    propose_script,
)
from deepscopie.render.safe_html import safe_page_html
from deepscopie.render.search_jobs import jobs_file
from deepscopie.render.search_leads import lead_values, task_leads
from deepscopie.render.search_names import names_file, times_cited
from deepscopie.render.search_phrases import phrases_files
from deepscopie.render.search_records import (
    PART_SIZE,
    EntryGroups,
    EntryUses,
    SearchRecord,
    entry_groups,
    entry_uses,
    page_record,
    page_record_path,
    search_records,
)
from deepscopie.render.search_words import words_files
from deepscopie.render.template_globals import template_globals
from deepscopie.render.texts import text
from deepscopie.render.typography import typeset
from deepscopie.search_index import (
    SearchIndexError,
    SearchIndexJob,
    new_search_index_job,
    search_index_job,
    site_rebuild_begins,
)
from deepscopie.site_files import (
    has_markup,
    refused_files,
    refused_front_matter,
    with_markup,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DOCS = ROOT / "docs"
TYPOGRAPHY_EXTENSION = "deepscopie.render.markdown_typography"

log = logging.getLogger("mkdocs.hooks.deepscopie")
# The pages rendered from the latest knowledge base and link report, by file name (kept across
# builds).
_rendered: dict[str, Any] = {}
# Each language's 404 page, by language code, as its build rendered it.
_not_found_pages: dict[str, str] = {}
# Settings of mkdocs.yml's `extra` the renderers need.
_settings: dict[str, int] = {"inactive_after_days": 365, "search_part_size": PART_SIZE}
# Whether this process is `mkdocs serve` (the hooks module is loaded once per process).
_serving: dict[str, bool] = {"serve": False}
# The search index being built (or built) for the last records.
_search: dict[str, SearchIndexJob | None] = {"job": None}
# The web editor's address of the repository (None: no "suggest a change" links).
_edit_root: dict[str, str | None] = {"root": None}


# Hooks


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`, whose rebuilds index search in the background,
    and whether it rebuilds only what changed (``--dirty``, as `make serve` runs it)."""
    _serving["serve"] = command == "serve"
    _incremental["on"] = _serving["serve"] and dirty
    if _incremental["on"]:
        # MkDocs warns on every dirty build, and a warning stops a strict build: the pages
        # that depend on more than their own file are rebuilt below, so the warning is moot.
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyBuildNotice())
    # Stopped by SIGTERM (a process manager, a container, a CI job's end) or SIGHUP (its
    # terminal closed), a preview or a build ends as after Ctrl-C: MkDocs removes its
    # temporary site and the search index its files (in memory, under /dev/shm, they would
    # hold memory until the machine restarts). Only where nobody else handles them.
    if threading.current_thread() is threading.main_thread():
        for number in _STOP_SIGNALS:
            if signal.getsignal(number) is signal.SIG_DFL:
                _replaced_handlers[number] = signal.signal(number, _interrupt)


def on_shutdown() -> None:
    """Give back the signal handlers :func:`on_startup` replaced (MkDocs run from a program
    that goes on)."""
    for number, handler in _replaced_handlers.items():
        signal.signal(number, handler)
    _replaced_handlers.clear()


def on_build_error(error: Exception) -> None:
    """A build that fails gives back to the garbage collector what it kept from it (see
    on_post_build): a preview server goes on after a failed build."""
    collect_all_again()


@event_priority(-150)  # after the i18n plugin's on_config (-100) chose the language to build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Refuse data with problems (nothing half-published); lay out the navigation and set
    the texts of the language being built (from its catalogue)."""
    reload_languages()  # an edited catalogue shows at the next build of `mkdocs serve`
    extra: dict[str, Any] = dict(config.extra or {})
    _settings["inactive_after_days"] = _count_setting(
        extra, "maintenance", "inactive_after_days", 365
    )
    _settings["search_part_size"] = _count_setting(extra, "search", "part_size", PART_SIZE)
    language = _language(config)
    _localize(config, language)
    # "Suggest a change" links, where the repository is configured (repo_url and edit_uri).
    _edit_root["root"] = edit_base(config.repo_url, config.edit_uri)
    problems = _problems_to_show()
    if problems:
        # Under `mkdocs serve`, the build goes on so that every page can show the problems
        # (an error logged through MkDocs would abort the strict build: said here instead).
        sys.stderr.write(f"{_problems_summary(problems)}\n")
        return config
    config.nav = navigation(
        _knowledge_base(), language.code, with_link_health=_link_health() is not None
    )
    return config


def _count_setting(extra: dict[str, Any], section: str, name: str, default: int) -> int:
    """A whole number ≥ 1 of mkdocs.yml's ``extra: {section: {name: …}}``, else ``default``."""
    settings = extra.get(section) or {}
    if not isinstance(settings, dict):
        raise PluginError(f"mkdocs.yml: extra.{section} must hold settings (name: value)")
    value = settings.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise PluginError(
            f"mkdocs.yml: extra.{section}.{name} must be a whole number ≥ 1, not {value!r}"
        )
    return value


def on_pre_build(config: MkDocsConfig) -> None:
    """Write the pages generated from the data into docs/, only those that changed, and start
    indexing them for search (Pagefind runs while MkDocs builds the pages)."""
    _refuse_unpublishable_files(Path(config.docs_dir), [Path(d) for d in config.theme.dirs])
    site_rebuild_begins()  # MkDocs empties the site folder next
    if _incremental["on"]:
        _forget_stale_output(config)
    if _problems_to_show():
        return  # the pages of the last good data stay; each will show the problems instead
    base, health = _knowledge_base(), _link_health()
    # Both come from caches: the same objects mean the same data, so the i18n plugin's second
    # build (and every serve rebuild without a data change) does not render again.
    part_size = _settings["search_part_size"]
    if (
        _rendered.get("base") is not base
        or _rendered.get("health") is not health
        or _rendered.get("part_size") != part_size
    ):
        # The search index first: it takes as long as the rest, and needs no page. Each
        # language's Pagefind starts once its records are made, while the next's are. (A new
        # job each time the data changes; a data file saved unchanged is not read again, see
        # deepscopie.knowledge_base.)
        job = _new_search_index(config)
        pages_found = _page_records(config)
        groups: EntryGroups = {}  # read once, for search and Explore
        uses: EntryUses = {}  # and the groups of each entry's way of working with them
        records: list[SearchRecord] = []
        cited = times_cited(base)  # read once, for search's leads and Explore
        leads = lead_values(task_leads(base, health, cited))
        try:
            for language in site_languages().codes:
                read = entry_groups(base, language)
                groups |= read
                uses |= entry_uses(base, read)
                made = search_records(base, health, part_size, groups, language, uses, leads)
                language_pages = [record for record in pages_found if record.language == language]
                job.index([*made, *language_pages])
                records += made
        except BaseException:  # nothing half-indexed waits for the rest (`mkdocs serve`)
            job.discard()
            _search["job"] = None
            raise
        job.given_all()
        edit = edit_links(base, _edit_root["root"], ROOT)
        pages = {page.file: page for page in site_pages(base, health, edit)}
        # The exports too, now: a failure here stops the build before MkDocs cleans site/, so a
        # build that fails publishes nothing (they are written once the site is built).
        files = {
            **_exports(base, config.site_url),
            **entries_files(base, health, groups, uses, cited, leads),
            **names_file(base),
            **jobs_file(base),
            **words_files(records, site_languages(), base.vocabulary.synonyms),
            **phrases_files(base, groups, uses),
            **_published_report(health),
        }
        _rendered.update(
            base=base, health=health, part_size=part_size, records=records, pages=pages, files=files
        )
        keep_out_of_collections()  # they live as long as the build, too
    else:  # a hand-written page may have changed (`mkdocs serve`)
        records = [*_rendered["records"], *_page_records(config)]
        _start_search_index(records, config)
    report = write_pages(DOCS, _rendered["pages"].values())
    if report.written or report.removed:
        log.info(f"Generated pages: {len(report.written)} written, {len(report.removed)} removed")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the markers of the home page (counts, categories, latest additions) and of the
    contribution guide (fields and rules, from the model). A generated page whose body is
    already HTML goes through Markdown with its title only (see on_page_content)."""
    # The generated pages' front matter is the renderer's (a category's description, escaped
    # where it is printed); a hand-written page's is a merge request's.
    hand_written = not is_generated(page.file.src_uri)
    refused = refused_front_matter(page.meta)
    marked = with_markup(page.meta) if hand_written else []
    if refused or marked:
        key = "front_matter_refused" if refused else "front_matter_markup"
        keys = ", ".join(refused or marked)
        said = text(key, editor_language(), file=page.file.src_uri, keys=keys)
        raise PluginError(shown_in_terminal(said))
    if _problems_to_show():
        return f"# {text('problems_title', editor_language())}\n"
    if HTML_MARKER in markdown:
        return markdown.partition(HTML_MARKER)[0]
    return _filled_page(markdown, _page_name(page.file.src_uri), _language(config).code, config)


def _filled_page(markdown: str, name: str, language: str, config: MkDocsConfig) -> str:
    """A hand-written page's Markdown with its markers filled from the data."""
    if name == "index.md":
        return fill_home_page(markdown, _knowledge_base(), language, name)
    if name == PROPOSE_PAGE:
        issues = new_issue_address(config.repo_url)
        return fill_propose_page(markdown, _knowledge_base(), language, issues)
    if name == "contribute.md":
        form = new_issue_address(config.repo_url) is not None
        return fill_guide_page(markdown, _knowledge_base(), language, form=form)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Append the HTML body of a generated page after its title, and its headings to the
    table of contents (under the title, as Python-Markdown would have put them)."""
    problems = _problems_to_show()
    if problems:
        return f"{html}\n{problems_html(problems, editor_language(), ROOT)}"
    _typeset_titles(page, _language(config).code)
    generated = _rendered["pages"].get(page.file.src_uri)
    if generated is None and page.title and has_markup(page.title):  # its first heading's
        said = text("front_matter_markup", editor_language(), file=page.file.src_uri, keys="#")
        raise PluginError(said)
    if generated is None:
        # A hand-written page may hold raw HTML (a merge request may change docs/): none of
        # it may run script. The generated pages escape the data themselves. The proposal
        # form's own script comes after.
        safe = safe_page_html(html)
        proposes = _page_name(page.file.src_uri) == PROPOSE_PAGE and "data-ds-propose" in safe
        return f"{safe}\n{propose_script()}" if proposes else safe
    if not generated.html:
        return html
    if page.toc.items:
        page.toc.items[0].children.extend(_anchor_links(generated.toc))
    # MkDocs checks links to anchors against the anchors it saw while converting Markdown.
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(generated.anchors)
    return f"{html}\n{generated.html}"


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Give every template (pages, 404) the language's texts, ``t("key")``, and the language;
    make the templates' ``striptags`` escape: Jinja2's unescapes entities, so a title written
    ``&lt;script&gt;`` would reach ``<title>`` and the Open Graph tags as live markup (MkDocs'
    environment does not autoescape)."""
    env.filters["striptags"] = plain_text_filter
    language = _language(config)
    env.globals["t"] = partial(_template_text, language=language.code)
    env.globals["not_found"] = _not_found_context(config, language.code)
    env.globals.update(template_globals(language.code, _vocabulary()))
    return env


def on_pre_template(template: Template, template_name: str, config: MkDocsConfig) -> Template:
    """The 404 page's language menu leads to each language's home: the page has no
    translation of its own, and would keep the alternates of the last page built (the i18n
    plugin sets them page by page)."""
    if template_name == "404.html":
        roots = {language.code: language.root for language in site_languages()}
        for alternate in getattr(config.extra, "alternate", None) or []:
            if alternate.get("lang") in roots:
                alternate["link"] = roots[alternate["lang"]] or "."
    return template


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Keep each language's 404 page: every language's build writes /404.html over the last."""
    if template_name == "404.html":
        _not_found_pages[_language(config).code] = output_content
    return output_content


def on_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """Make the language switcher's links relative: the site must work under any sub-path."""
    # The i18n plugin (priority 50, before this hook) gives language roots as absolute paths
    # ("/en/"); as paths relative to the site's root, Material's `url` filter resolves them
    # from each page.
    # The plugin sets it as an attribute, which Jinja reads first (not the mapping's item).
    for alternate in getattr(config.extra, "alternate", None) or []:
        link = alternate.get("link", "")
        if link.startswith("/"):
            alternate["link"] = link.lstrip("/") or "."
    return context


# The sitemap of a site without its public address (see on_post_build).
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
)


@event_priority(-200)  # after the i18n plugin's on_post_build (-100) built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    """Write the exports and the Explore pages' entries, and index the whole site for search,
    once every language is built."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested build of one more language: the outer build indexes everything
    collect_all_again()  # a preview server's next build replaces what this one kept
    problems = _problems_to_show()
    if problems:
        # Any other address (a page the broken build does not have) gets the problems too.
        document = problems_document(problems, editor_language(), ROOT)
        (Path(config.site_dir) / "404.html").write_text(document, encoding="utf-8")
        return
    site_dir = Path(config.site_dir)
    not_found = {
        f"{site_languages()[code].root}404.html": page for code, page in _not_found_pages.items()
    }
    # MkDocs wrote its sitemap with "None" for an address it does not have ("<loc>Noneabout/
    # </loc>"): a preview's, or a local build's, lists no page. Empty, not gone: Material
    # fetches it from every page (beside the feed's link), and a 404 there is an error in
    # every page's console.
    sitemap = {} if config.site_url else {"sitemap.xml": EMPTY_SITEMAP}
    try:
        write_site_files(site_dir, {**_rendered["files"], **not_found, **sitemap})
        if sitemap:
            (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
    except OSError as error:  # e.g. a folder of docs/ named as one of them (docs/faq.json/)
        raise PluginError(f"site files not written: {error}") from None
    job = _search["job"]
    if job is None:
        return  # no page was generated (the data's problems are shown instead)
    if _serving["serve"]:
        # An editor waits for the page, not for search (about a second at 1,000 entries).
        job.install_in_background(site_dir)
        return
    try:
        job.install(site_dir)
    except (SearchIndexError, OSError) as error:
        raise PluginError(f"search index not installed: {error}") from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Under `mkdocs serve --dirty`, the hand-written pages filled from the data (home, guide,
    propose) are built again at each rebuild: their own file did not change, their data did."""
    if _incremental["on"]:
        for file in files.documentation_pages():
            if _page_name(file.src_uri) in DATA_FILLED_PAGES:
                Path(file.abs_dest_path).unlink(missing_ok=True)
    return files


# Helpers


def _refuse_unpublishable_files(docs: Path, themes: list[Path]) -> None:
    """Stop the build on a file of ``docs`` (the configuration's, which a merge request may
    move) that the site may not publish (see deepscopie.site_files), before anything reads one
    (the search records read the pages)."""
    refused = refused_files(docs, themes)
    if refused:
        language = editor_language()
        lines = [text("site_files_refused", language)]
        # A name may hold a terminal's escape sequences: the lines go to a CI log.
        lines += [
            shown_in_terminal(f"  {docs.name}/{path}: {text(f'site_file_{why}', language)}")
            for path, why in refused
        ]
        raise PluginError("\n".join(lines))


def _start_search_index(records: list[SearchRecord], config: MkDocsConfig) -> None:
    """Index ``records`` for search in the background (or keep indexing them)."""
    _search_job(lambda current, site: search_index_job(records, current, site), config)


def _new_search_index(config: MkDocsConfig) -> SearchIndexJob:
    """A new search index, given its records language by language (the data changed); the
    current one is stopped."""
    return _search_job(new_search_index_job, config)


def _search_job(
    started: Callable[[SearchIndexJob | None, Path], SearchIndexJob], config: MkDocsConfig
) -> SearchIndexJob:
    """The job ``started`` gives for the current one and the site's folder, made current."""
    try:
        job = started(_search["job"], Path(config.site_dir))
    except OSError as error:  # no temporary folder to write in: nothing was started
        raise PluginError(f"search index not started: {error}") from None
    _search["job"] = job
    return job


# The signals that stop a build or a preview as Ctrl-C does (SIGHUP: not on Windows).
_STOP_SIGNALS = [signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
_replaced_handlers: dict[int, Any] = {}


def _interrupt(number: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


# `mkdocs serve --dirty` (make serve) builds only the pages whose file under docs/ changed since
# it was last built; generated pages are written only when their content changes, so an edit of
# one entry rebuilds the few pages that show it (bench/rebuild.py).
_incremental: dict[str, Any] = {"on": False, "state": None}
DATA_FILLED_PAGES = frozenset({"index.md", "contribute.md", PROPOSE_PAGE})


class _DirtyBuildNotice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _forget_stale_output(config: MkDocsConfig) -> None:
    """Everything is built again when what every page shows changes: the navigation (the
    vocabulary), the link report, or the data's problems (each page lists them)."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # the other language's build, within the same rebuild
    problems = _problems_to_show()
    state = (
        ("problems", tuple(problems))
        if problems
        else ("data", _knowledge_base().vocabulary, _link_health(), _edit_root["root"])
    )
    if state != _incremental["state"]:
        site_dir = Path(config.site_dir)
        for child in site_dir.iterdir() if site_dir.is_dir() else ():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
        _incremental["state"] = state


def _knowledge_base() -> KnowledgeBase:
    try:
        return load_knowledge_base(DataFiles.in_folder(DATA))
    except DataError as error:
        raise PluginError(_problems_summary(error.problems)) from None


def _problems_to_show() -> list[Problem]:
    """Under `mkdocs serve`, the data's problems (the editor sees them in the browser, and the
    site comes back once they are fixed); empty when the data is clean, and always empty in a
    build, which refuses data with problems instead (nothing half-published)."""
    if not _serving["serve"]:
        return []
    try:
        load_knowledge_base(DataFiles.in_folder(DATA))  # cached: parsed once per change
    except DataError as error:
        return error.problems
    return []


def _vocabulary() -> VocabularyFile | None:
    """The data's vocabulary; none under `mkdocs serve` with data problems, where every page
    lists them instead."""
    return None if _problems_to_show() else _knowledge_base().vocabulary


def _problems_summary(problems: list[Problem]) -> str:
    heading = msg("build-problems", n=len(problems)).text(editor_language())
    return f"{heading}\n{format_problems(problems, relative_to=ROOT)}"


def _link_report_path() -> Path:
    """The link checker's report for this build: LINK_REPORT, or link-report.json."""
    return Path(os.environ.get("LINK_REPORT") or ROOT / PUBLISHED_REPORT)


def _published_report(health: LinkHealth | None) -> dict[str, str]:
    """The report the build shows, published with the site: the next scheduled check reads its
    history from there ($CI_PAGES_URL/link-report.json)."""
    path = _link_report_path()
    if health is None or not path.exists():
        return {}
    return {PUBLISHED_REPORT: path.read_text(encoding="utf-8")}


def _exports(base: KnowledgeBase, site_url: str | None) -> dict[str, str]:
    try:
        return export_files(base, site_url, datetime.date.today())
    except ValueError as error:  # a library refusing a value validation let through
        raise PluginError(f"the exports cannot be written: {error}") from None


def _link_health() -> LinkHealth | None:
    """The link checker's report, when the build has one."""
    path = _link_report_path()
    if not path.exists():
        return None
    status = path.stat()
    threshold = int(os.environ.get("LINK_THRESHOLD", "2"))
    inactive_after = _settings["inactive_after_days"]
    return _read_link_health(path, status.st_mtime_ns, status.st_size, threshold, inactive_after)


@lru_cache(maxsize=2)
def _read_link_health(
    path: Path, _mtime: int, _size: int, threshold: int, inactive_after_days: int
) -> LinkHealth:
    try:
        repositories = {
            record.url: record
            for record in map(RepositoryRecord.from_json, load_section(path, "repositories"))
        }
        return LinkHealth(
            MappingProxyType(load_report(path)),
            threshold,
            MappingProxyType(repositories),
            inactive_after_days,
        )
    except ReportError as error:
        raise PluginError(str(error)) from None
    except (TypeError, AttributeError) as error:  # a repository record of the wrong kind
        raise PluginError(f"{path}: not a link report ({error})") from None


def _typeset_titles(page: Page, language: str) -> None:
    """The page's title and its table of contents in the language's typography: MkDocs takes
    them from the typeset headings but folds every kind of space into an ordinary one."""
    if page.title and "title" not in page.meta:
        page.meta["title"] = typeset(page.title, language)
    pending = list(page.toc.items)
    while pending:
        link = pending.pop()
        link.title = typeset(link.title, language)
        pending += link.children


def _anchor_links(headings: tuple[Heading, ...]) -> list[AnchorLink]:
    links = []
    for heading in headings:
        link = AnchorLink(heading.title, heading.anchor, heading.level)
        link.children = _anchor_links(heading.children)
        links.append(link)
    return links


def _language(config: MkDocsConfig) -> Language:
    """The language being built (the i18n plugin switches it between builds)."""
    languages = _site_languages(config)
    i18n = config.plugins.get("i18n")
    code = getattr(i18n, "current_language", None) if i18n is not None else None
    return languages[str(code)] if code else languages.default


def _site_languages(config: MkDocsConfig) -> Languages:
    """The languages of deepscopie/catalogues, which mkdocs.yml's i18n plugin must list."""
    try:
        languages = site_languages()
    except LanguageError as error:
        raise PluginError(str(error)) from None
    i18n = config.plugins.get("i18n")
    listed = [lang.locale for lang in i18n.config.languages] if i18n is not None else []
    if listed and tuple(listed) != languages.codes:
        raise PluginError(
            f"mkdocs.yml's i18n plugin lists the languages {', '.join(listed)}, the site's "
            f"list of languages ({languages_folder() / 'languages.yaml'}) "
            f"{languages.codes_text}: list the same codes in the same order"
        )
    return languages


def _localize(config: MkDocsConfig, language: Language) -> None:
    """Material's and Python-Markdown's texts in ``language``, and its typography."""
    config.theme["language"] = language.theme_language
    config.site_description = typeset(text("site_description", language.code), language.code)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = text(
        "permalink_title", language.code
    )
    if TYPOGRAPHY_EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(TYPOGRAPHY_EXTENSION)
    config.mdx_configs[TYPOGRAPHY_EXTENSION] = {"language": language.code}
    for choice in config.theme.get("palette") or []:
        toggle = choice.get("toggle") or {}
        if "scheme" in choice and "toggle" in choice:
            key = "palette_to_dark" if choice["scheme"] == "default" else "palette_to_light"
            toggle["name"] = text(key, language.code)


def _not_found_context(config: MkDocsConfig, language: str) -> dict[str, object]:
    """What the 404 page shows and needs: the categories (name, address), the languages'
    roots, and the path the site is served under (the 404 page is served at any depth)."""
    vocabulary = _vocabulary()
    categories = [
        (
            site_languages()[language].root + links.built_url(links.category_page(c.id)),
            markup.text(c.name.get(language), language),
        )
        for c in (vocabulary.categories if vocabulary else ())
    ]
    site_path = urlsplit(config.site_url or "/").path or "/"
    return {
        "categories": categories,
        "languages": [(lang.root, lang.code) for lang in site_languages()],
        "site_path": site_path if site_path.endswith("/") else f"{site_path}/",
    }


def _template_text(key: str, *, language: str, **values: object) -> str:
    """An interface text for a template, in the language's typography, its ``{values}`` (which
    may be markup) filled afterwards; a missing text stops the build (PluginError)."""
    try:
        return typeset(text(key, language), language).format(**values)
    except LanguageError as error:
        raise PluginError(str(error)) from None


def _page_records(config: MkDocsConfig) -> list[SearchRecord]:
    """The hand-written pages (home, About, Contribute, Propose) as search records, from their
    Markdown: they are indexed with the entries, before MkDocs has built them. The pages
    generated from the data are not: the entries they list are; but for the title and
    introduction of those a reader looks for by name (FAQ, Explore, Statistics…)."""
    # Made again when a page changed (not for the other language's build); what the data
    # fills in is not indexed (see _page_record).
    sources = sorted(DOCS.glob("*.md"))
    pages = tuple((path, path.stat().st_mtime_ns) for path in sources)
    if _rendered.get("page_files") != pages:
        records = [
            record for source in sources if (record := _page_record(source, config)) is not None
        ]
        _rendered.update(page_records=records, page_files=pages)
    made = [record for code in site_languages().codes for record in made_page_records(code)]
    return [*_rendered["page_records"], *made]


def _page_record(source: Path, config: MkDocsConfig) -> SearchRecord | None:
    """``source`` as MkDocs shows it (in the page's language and typography), but for what
    its markers fill in from the data, as a search record; None for a page out of search."""
    name, language = _page_file(source.name)
    markdown, meta = get_markdown_meta(source.read_text(encoding="utf-8-sig"))
    # Material's own way to keep a page out of search, and the pages made from the data.
    if (meta.get("search") or {}).get("exclude") or HTML_MARKER in markdown:
        return None
    extensions = {
        **config.mdx_configs,
        "toc": {**config.mdx_configs.get("toc", {}), "permalink": False},  # no "¶" to index
        TYPOGRAPHY_EXTENSION: {"language": language},  # the page's, not the build's
    }
    converter = Markdown(extensions=config.markdown_extensions, extension_configs=extensions)
    # What the page itself says, its markers left empty: what they list comes from the data
    # (the guide's allowed tags name every tool and topic, the home page's latest additions),
    # and made the guide and the home page results for nearly any word; the entries are.
    body = converter.convert(markdown)
    # The title as MkDocs takes it: the front matter's, else the first heading's (toc's).
    headings = getattr(converter, "toc_tokens", [])
    title = str(meta.get("title") or (headings[0]["name"] if headings else name[:-3]))
    # Its other names (its title is the page's own): "qui sommes-nous" for À propos.
    names = names_of(name, language) if name in NAMED_PAGES else []
    also_called = ", ".join(other for other in names if other != unescape(title))
    path = page_record_path(name, language)
    return page_record(path, language, unescape(title), body, also_called)


def _page_file(src_uri: str) -> tuple[str, str]:
    """``about.en.md`` -> ``('about.md', 'en')``: which page a file is, and in which language
    (the default one without a language suffix), as the i18n plugin names them."""
    stem, _, extension = src_uri.rpartition(".")
    base, dot, suffix = stem.rpartition(".")
    if dot and suffix in site_languages().codes:
        return f"{base}.{extension}", suffix
    return src_uri, site_languages().default.code


def _page_name(src_uri: str) -> str:
    """``index.fr.md`` -> ``index.md``: the i18n plugin names a page by its file, the language
    suffix is not part of which page it is."""
    return _page_file(src_uri)[0]
