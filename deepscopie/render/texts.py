"""The words of the interface, in French and English (the data's words are in the data)."""

from __future__ import annotations

import datetime

LANGUAGES = ("fr", "en")
# Where each language's pages are, from the site's root (French, the default, at the root).
LANGUAGE_ROOTS = {"fr": "", "en": "en/"}

_TEXTS: dict[str, tuple[str, str]] = {
    "type": ("Type", "Type"),
    "tags": ("Tags", "Tags"),
    "resource_language": ("Langue", "Language"),
    "year": ("Année", "Year"),
    "authors": ("Auteurs", "Authors"),
    "doi": ("DOI", "DOI"),
    "links": ("Liens", "Links"),
    "in_faq": ("Dans la FAQ", "In the FAQ"),
    "related": ("Ressources liées", "Related resources"),
    "url_needed": ("Adresse à trouver", "Address wanted"),
    "url_needed_help": (
        "Cette ressource est connue mais son adresse ne l'est pas encore : vous la connaissez ? "
        "[Proposez-la]({about}).",
        "This resource is known but its address is not yet: do you know it? [Suggest it]({about}).",
    ),
    "editors_note": ("Note de la rédaction", "Editors' note"),
    "open_question": ("Question ouverte", "Open question"),
    "open_question_help": (
        "Personne n'a encore répondu à cette question. [Proposez une réponse]({about}).",
        "Nobody has answered this question yet. [Suggest an answer]({about}).",
    ),
    "also_listed": ("Voir aussi", "See also"),
    "also_listed_help": (
        "Ressources décrites dans une autre catégorie et utiles ici :",
        "Resources described in another category that are useful here too:",
    ),
    "faq_title": ("Foire aux questions", "Frequently asked questions"),
    "faq_intro": (
        "Les questions posées pendant la formation, sur Slack et pendant les présentations "
        "(Skype), avec leurs réponses.",
        "Questions asked during the course, on Slack and during the talks (Skype), "
        "with their answers.",
    ),
    "faq_slack": ("Questions posées sur Slack", "Questions asked on Slack"),
    "faq_skype": (
        "Questions posées pendant les présentations (Skype)",
        "Questions asked during the talks (Skype)",
    ),
    "tags_title": ("Tous les tags", "All tags"),
    "tags_intro": (
        "Chaque tag regroupe les ressources et les questions d'un même sujet.",
        "Each tag gathers the resources and questions on one topic.",
    ),
    "types_title": ("Types de ressources", "Resource types"),
    "types_intro": (
        "Les ressources classées par nature : logiciels, articles, vidéos…",
        "Resources sorted by kind: software, papers, videos…",
    ),
    "resources": ("Ressources", "Resources"),
    "faq_entries": ("Questions de la FAQ", "FAQ entries"),
    "resource_count": ("{n} ressource", "{n} resource"),
    "resource_count_plural": ("{n} ressources", "{n} resources"),
    "question_count": ("{n} question", "{n} question"),
    "question_count_plural": ("{n} questions", "{n} questions"),
    "tag_title": ("Tag : {name}", "Tag: {name}"),
    "type_title": ("Type : {name}", "Type: {name}"),
    "all_tags": ("Tous les tags", "All tags"),
    "all_types": ("Tous les types", "All types"),
    "checked_on": ("Lien vérifié le {date}", "Link checked on {date}"),
    "broken_since": ("Lien cassé depuis le {date}", "Link broken since {date}"),
    "archived": ("copie archivée", "archived copy"),
    "health_title": ("État des liens", "Link health"),
    "health_intro": (
        "Le résultat de la dernière vérification des adresses, pour les mainteneurs.",
        "The result of the latest check of the addresses, for maintainers.",
    ),
    "health_broken": ("Liens cassés", "Broken links"),
    "health_redirected": ("Liens redirigés", "Redirected links"),
    "health_blocked": ("Liens invérifiables (bloqués)", "Unverifiable links (blocked)"),
    "health_none": ("Aucun.", "None."),
    "health_address": ("Adresse", "Address"),
    "health_state": ("État", "State"),
    "guide_field": ("Champ", "Field"),
    "guide_required": ("Obligatoire", "Required"),
    "guide_meaning": ("Ce qu'il contient", "What it holds"),
    "guide_yes": ("oui", "yes"),
    "guide_no": ("non", "no"),
    "guide_categories": ("Catégories et sous-catégories", "Categories and sub-categories"),
    "guide_types": ("Types", "Types"),
    "guide_tasks": ("Tâches (tasks)", "Tasks"),
    "guide_ways": ("Façons de travailler (ways)", "Ways of working"),
    "guide_tags": ("Tags", "Tags"),
    "guide_rule": ("Règle", "Rule"),
    "suggest_change": ("Proposer une modification", "Suggest a change"),
    "propose_name": ("Nom de la ressource", "Name of the resource"),
    "propose_url": (
        "Son adresse (laisser vide si inconnue)",
        "Its address (leave empty if unknown)",
    ),
    "propose_description": (
        "Ce que c'est, et à quoi cela sert (une à trois phrases)",
        "What it is, and what it is for (one to three sentences)",
    ),
    "propose_category": ("Catégorie", "Category"),
    "propose_type": ("Type", "Type"),
    "propose_languages": (
        "Langues de la ressource (codes séparés par des virgules : en, fr…)",
        "Languages of the resource (codes separated by commas: en, fr…)",
    ),
    "propose_submit": ("Ouvrir le ticket sur GitLab", "Open the issue on GitLab"),
    "propose_issue_title": ("Nouvelle ressource : ", "New resource: "),
    "propose_issue_intro": (
        "Proposée depuis le site. L'entrée, prête à coller dans `data/resources.yaml` "
        "(à la fin de sa section) :",
        "Proposed from the site. The entry, ready to paste into `data/resources.yaml` "
        "(at the end of its section):",
    ),
    "propose_issue_checklist": (
        "- [ ] L'adresse fonctionne et mène à la page de la ressource elle-même\n"
        "- [ ] La ressource n'est pas déjà sur le site (chercher son nom)\n"
        "- [ ] Catégorie, type, tags et langues vérifiés dans `data/vocabulary.yaml`\n"
        "- [ ] Description traduite ; titre tel que publié\n"
        "- [ ] `deepscopie validate` ne signale rien",
        "- [ ] The address works and leads to the resource's own page\n"
        "- [ ] The resource is not on the site yet (search for its name)\n"
        "- [ ] Category, type, tags and languages checked in `data/vocabulary.yaml`\n"
        "- [ ] Description translated; title as published\n"
        "- [ ] `deepscopie validate` reports nothing",
    ),
    "propose_translate": ("à traduire", "to translate"),
    "propose_unconfigured": (
        "Ce site n'est relié à aucun projet GitLab : proposez la ressource en suivant le "
        "[guide de contribution](contribute.md).",
        "This site is linked to no GitLab project: propose the resource by following the "
        "[contribution guide](contribute.md).",
    ),
    "problems_title": ("Les données ont des problèmes", "The data has problems"),
    "problems_intro": (
        "Le site ne peut pas être construit tant que ces problèmes restent. Corrigez-les dans "
        "les fichiers indiqués (fichier:ligne:colonne) : cette page se recharge à chaque "
        "enregistrement, et le site revient dès que les données sont correctes.",
        "The site cannot be built while these problems remain. Fix them in the files named "
        "(file:line:column): this page reloads each time you save, and the site comes back as "
        "soon as the data is correct.",
    ),
    "problems_count": ("{n} problème", "{n} problem"),
    "problems_count_plural": ("{n} problèmes", "{n} problems"),
    "statistics_title": ("Statistiques", "Statistics"),
    "statistics_intro": (
        "{resources} ressources et {questions} questions de FAQ, au fil des catégories, des types, "
        "des tags et des langues.",
        "{resources} resources and {questions} FAQ entries, across categories, types, tags and "
        "languages.",
    ),
    "statistics_by_category": ("Ressources par catégorie", "Resources by category"),
    "statistics_by_type": ("Ressources par type", "Resources by type"),
    "statistics_by_tag": ("Les {n} tags les plus utilisés", "The {n} most used tags"),
    "statistics_by_language": ("Ressources par langue", "Resources by language"),
    "statistics_health": ("État des liens (dernière vérification)", "Link health (latest check)"),
    "statistics_data": ("Les chiffres", "The figures"),
    "statistics_count": ("Nombre", "Count"),
    "explore_title": ("Explorer", "Explore"),
    "explore_intro": (
        "Toutes les ressources, à filtrer par catégorie, type, tag, langue, état de la ressource "
        "et de son lien, et entretien de son code.",
        "Every resource, to filter by category, type, tag, language, status of the resource and "
        "of its link, and maintenance of its code.",
    ),
    "explore_noscript": (
        "Les filtres ont besoin de JavaScript : parcourez plutôt les catégories.",
        "The filters need JavaScript: browse the categories instead.",
    ),
    "explore_search": ("Filtrer par mot", "Filter by word"),
    "explore_category": ("Catégorie", "Category"),
    "explore_type": ("Type", "Type"),
    "explore_tag": ("Tags", "Tags"),
    "explore_language": ("Langue de la ressource", "Resource language"),
    "explore_status": ("État du lien", "Link status"),
    "explore_clear": ("Tout effacer", "Clear all"),
    "explore_count": ("{n} ressources", "{n} resources"),
    # Filled in by explore.js: {n} entries more, {left} not shown yet.
    "explore_more": ("Afficher {n} de plus ({left} restantes)", "Show {n} more ({left} left)"),
    "explore_failed": (
        "La liste n'a pas pu être chargée : parcourez plutôt les catégories.",
        "The list could not be loaded: browse the categories instead.",
    ),
    "search_faq_type": ("Question de la FAQ", "FAQ entry"),
    # The search dialog (overrides/partials/deepscopie-search.html); {n} and {q} are filled in
    # by search.js.
    "search_label": ("Rechercher une ressource ou une question", "Search a resource or a question"),
    "search_close": ("Fermer", "Close"),
    "search_pages": ("Pages du site", "Site pages"),
    "search_none": (
        "Aucune entrée ne correspond : essayez d'autres mots, ou la page Explorer.",
        "No entry matches: try other words, or the Explore page.",
    ),
    "search_one": ("1 entrée", "1 entry"),
    "search_many": ("{n} entrées", "{n} entries"),
    "search_more": ("Plus de résultats", "More results"),
    "status_ok": ("Lien vérifié", "Link checked"),
    "status_redirected": ("Lien redirigé", "Link redirected"),
    "status_broken": ("Lien cassé", "Link broken"),
    "status_blocked": (
        "Lien non vérifiable (site fermé aux robots)",
        "Link not checkable (site refuses robots)",
    ),
    "status_rate-limited": (
        "Lien non vérifié (trop de requêtes)",
        "Link not checked (too many requests)",
    ),
    "status_timeout": ("Lien lent à répondre", "Link slow to answer"),
    "status_server-error": ("Erreur du serveur", "Server error"),
    "status_ignored": ("Lien non vérifié (exception)", "Link not checked (exception)"),
    "status_unchecked": ("Lien pas encore vérifié", "Link not checked yet"),
    "source_slack": ("Slack", "Slack"),
    "source_skype": ("Présentation (Skype)", "Talk (Skype)"),
    # Resource status (issue 15)
    "guide_status": ("État", "Status"),
    "guide_statuses": ("États d'une ressource (status)", "Resource statuses (status)"),
    "status_active": ("Active", "Active"),
    "status_archived": ("Archivée", "Archived"),
    "status_discontinued": ("Arrêtée", "Discontinued"),
    "status_offline": ("Hors ligne", "Offline"),
    "status_as_of": ("constaté le {date}", "as of {date}"),
    "replaced_by": ("Remplacée par\u00a0:", "Replaced by:"),
    "explore_lifecycle": ("État de la ressource", "Resource status"),
    # Maintenance of code (issue 15)
    "last_activity": ("Dernière activité du code : {date}", "Last code activity: {date}"),
    "latest_release": ("dernière version {name} ({date})", "latest release {name} ({date})"),
    "repo_archived": ("Dépôt archivé", "Repository archived"),
    "repo_inactive": (
        "Aucune activité depuis plus d'un an",
        "No activity for over a year",
    ),
    "repo_licence": ("licence {name}", "licence {name}"),
    "explore_maintenance": ("Entretien du code", "Code maintenance"),
    "maintenance_recent": ("Actif dans la dernière année", "Maintained in the last year"),
    "maintenance_inactive": ("Inactif depuis plus d'un an", "Inactive for over a year"),
    "maintenance_archived": ("Dépôt archivé", "Repository archived"),
}

_LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "fr": ("français", "French"),
    "en": ("anglais", "English"),
    "de": ("allemand", "German"),
    "es": ("espagnol", "Spanish"),
    "it": ("italien", "Italian"),
    "pt": ("portugais", "Portuguese"),
    "nl": ("néerlandais", "Dutch"),
    "zh": ("chinois", "Chinese"),
    "ja": ("japonais", "Japanese"),
}

_MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def text(key: str, language: str, **values: object) -> str:
    """The interface text ``key`` in ``language``, with ``{placeholders}`` filled."""
    french, english = _TEXTS[key]
    chosen = french if language == "fr" else english
    return chosen.format(**values) if values else chosen


def count(key: str, n: int, language: str) -> str:
    """``3 ressources`` / ``1 resource``."""
    return text(f"{key}_plural" if n != 1 else key, language, n=n)


def language_name(code: str, language: str) -> str:
    """The name of language ``code`` in ``language`` (``en`` -> ``anglais``)."""
    names = _LANGUAGE_NAMES.get(code)
    if names is None:
        return code.upper()
    return names[0] if language == "fr" else names[1]


def format_date(day: datetime.date, language: str) -> str:
    """``15 juin 2022`` / ``15 June 2022``."""
    if language == "fr":
        return f"{day.day} {_MONTHS_FR[day.month - 1]} {day.year}"
    return f"{day.day} {day.strftime('%B')} {day.year}"


SEARCH_TEXTS = ("label", "close", "pages", "none", "one", "many", "more")


def search_texts(language: str) -> dict[str, str]:
    """The search dialog's words in ``language``, by short name (``label``, ``none``…)."""
    return {key: text(f"search_{key}", language) for key in SEARCH_TEXTS}
