"""French explanations of the data files' fields (the English ones are the model's own
descriptions, also shown by editors through the JSON Schema). A test checks that every field
of the model has one here, so the contribution guide cannot drift from the model."""

from __future__ import annotations

FIELDS_FR: dict[str, dict[str, str]] = {
    "Resource": {
        "id": "Identifiant permanent et ancre du lien permanent (minuscules, tirets). Ne jamais le changer ni le réutiliser.",
        "title": "Le nom de la ressource. Un titre publié (article, livre, présentation, logiciel, cours) reste tel que publié dans les deux langues, sans traduction : une glose va dans la description.",
        "title_language": "La langue dans laquelle le titre est écrit, quand il est gardé tel que publié dans les deux langues (en pour le titre d'un article en anglais, fr pour celui d'un livre en français). À omettre quand le titre est traduit (chaque texte dans sa langue).",
        "url": "L'adresse de la ressource. À omettre seulement avec url_needed: true.",
        "url_needed": "true quand la ressource est connue mais pas son adresse : elle est signalée comme à trouver. Ne jamais inventer d'adresse.",
        "links": "Autres liens : documentation, code, vidéo, présentation.",
        "description": "Une à trois phrases, Markdown autorisé, pas de HTML.",
        "editors_note": "Ce que la rédaction ajoute de son propre savoir (une correction, un contexte, un renvoi), affiché à part sous l'étiquette « Note de la rédaction », jamais mêlé au texte de la source. Markdown autorisé.",
        "category": "Un identifiant de catégorie de data/vocabulary.yaml.",
        "subcategory": "Un identifiant de sous-catégorie de cette catégorie, quand elle en a.",
        "also_in": "Autres catégories où la ressource est listée, sous la forme 'categorie' ou 'categorie/sous-categorie'.",
        "type": "Un identifiant de type de data/vocabulary.yaml (logiciel, article, vidéo…).",
        "tags": "Des identifiants de tags de data/vocabulary.yaml.",
        "tasks": "À quoi elle sert (identifiants de tâches de data/vocabulary.yaml : segmentation, tracking…). Obligatoire pour les outils, modèles, jeux de données et cours.",
        "ways": "Comment on s'en sert (identifiants de data/vocabulary.yaml : gui, plugin, web, python, notebook…). Obligatoire pour les outils et les modèles.",
        "languages": "Les langues de la ressource elle-même, en codes ISO 639-1 (en, fr…).",
        "year": "Année de publication.",
        "authors": "Auteurs, sous la forme « Prénom Nom ».",
        "venue": "Où elle a été publiée : la revue, la conférence ou l'éditeur, comme sa notice le nomme.",
        "doi": "DOI sans le préfixe https://doi.org/, par exemple 10.1038/xxxx.",
        "licence": "La licence de la ressource, telle que sa source l'indique : un identifiant SPDX (MIT, BSD-3-Clause, CC-BY-4.0) ou l'adresse de la licence.",
        "repository": "Le dépôt de code de la ressource sur GitHub ou GitLab, quand son url n'est pas le dépôt lui-même : son entretien (dernière activité, archivage, dernière version) est vérifié régulièrement.",
        "status": "active (par défaut : ne pas l'écrire), archived, discontinued ou offline ; tout autre état qu'active demande un status_note.",
        "status_note": "Pour un état autre qu'active : la date où il a été établi et ce qui s'est passé, en français et en anglais. Montré aux lecteurs avec l'état.",
        "replaced_by": "Ce qui remplace une ressource qui n'est plus active : l'identifiant d'une autre ressource, ou une adresse (https://…).",
        "provenance": "D'où vient l'entrée (liens Slack privés, pièces jointes). Pour les curateurs : jamais publié ni vérifié.",
        "added": "Date d'ajout à la base de connaissances (AAAA-MM-JJ).",
    },
    "StatusNote": {
        "date": "Date où un éditeur a établi cet état (AAAA-MM-JJ), par exemple le jour où l'arrêt a été annoncé ou constaté.",
        "fr": "En français : ce qui s'est passé, et où aller à la place.",
        "en": "En anglais : ce qui s'est passé, et où aller à la place.",
    },
    "Link": {
        "url": "Une adresse complète commençant par https:// (ou http://).",
        "label": "Ce vers quoi mène le lien, par exemple Documentation / Documentation.",
    },
    "Localized": {
        "fr": "Le texte en français (la langue d'origine).",
        "en": "Le texte en anglais : une traduction fidèle, écrite pour un lecteur.",
    },
    "FaqEntry": {
        "id": "Identifiant permanent et ancre du lien permanent. Ne jamais le réutiliser.",
        "source": "Où la question a été posée : slack ou skype.",
        "date": "Date de la question, quand on la connaît.",
        "title": "La question en quelques mots : son titre et le texte des résultats de recherche.",
        "question": "La question en entier, Markdown autorisé.",
        "answer": "La réponse, Markdown autorisé. À omettre si personne n'a répondu : la question est affichée comme ouverte. Seulement ce que la source a dit, fidèlement reformulé : ce que la rédaction ajoute va dans editors_note.",
        "editors_note": "Ce que la rédaction ajoute de son propre savoir (une correction, un contexte, un renvoi), affiché à part sous l'étiquette « Note de la rédaction », jamais mêlé au texte de la source. Markdown autorisé.",
        "tags": "Des identifiants de tags de data/vocabulary.yaml.",
        "related": "Les identifiants des ressources liées.",
        "provenance": "D'où viennent la question et sa réponse : les liens Slack privés de ses messages, ou le document source et son numéro (par exemple 'seed:001 FAQ 7'). Pour les curateurs : jamais publié ni vérifié.",
        "added": "Date d'ajout à la base de connaissances.",
    },
    "IgnoreRule": {
        "prefix": "Toute adresse qui commence par ce texte n'est pas vérifiée.",
        "reason": "Pourquoi : affiché dans le rapport des liens à côté de chaque adresse ignorée.",
    },
}

# What each resource status says to a reader (the English ones are the model's STATUS_MEANINGS).
STATUS_MEANINGS_FR: dict[str, str] = {
    "active": "Entretenue ou disponible comme décrit (par défaut : ne pas écrire le champ).",
    "archived": "Toujours en ligne mais plus mise à jour (dépôt en lecture seule, site figé).",
    "discontinued": "Arrêtée par ses auteurs ; elle peut rester téléchargeable ou rediriger ailleurs.",
    "offline": "Plus accessible du tout.",
}
