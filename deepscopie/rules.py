"""Every rule the validation reports, with what it means for an editor.

The rule name ends each problem line, e.g. ``(duplicate-key)``. Each has a test fixture.
"""

RULES: dict[str, str] = {
    # Reading the file
    "file-unreadable": "The file is missing or cannot be read.",
    "file-size": "The file is larger than the limit (it would slow every build).",
    "encoding": "The file is not saved as UTF-8.",
    "empty-file": "The file holds no data.",
    "multiple-documents": "The file holds several YAML documents separated by '---'.",
    "yaml-syntax": "The file is not valid YAML (an unclosed bracket or quote, a bad indent).",
    "yaml-alias": "Anchors and aliases (&name, *name) are refused: a few lines can expand "
    "into gigabytes.",
    "yaml-tag": "Explicit YAML tags (!!python/…, !!binary, !!map, !custom…) are refused on any "
    "value.",
    "yaml-key": "A key is not plain text.",
    "yaml-depth": "Values are nested too deeply (checked before the file is read further).",
    "duplicate-key": "The same key twice in one entry: YAML would silently keep the last one.",
    # One entry's fields
    "missing-field": "A required field is missing.",
    "unknown-field": "A field that does not exist (often a typo).",
    "missing-translation": "A text lacks its French or English version.",
    "empty-text": "A text is empty or only spaces.",
    "invalid-character": "A text holds a control character, an invisible (zero-width) character "
    "or a bidirectional override, or a title or name holds a line break or a tab.",
    "wrong-type": "A value of the wrong kind: a number or true/false where text is expected "
    "(put it in quotes), or a number, boolean or date in another spelling than plain digits, "
    "true/false or YYYY-MM-DD (0x7E2, 1_999, yes, an epoch number).",
    "invalid-value": "A value outside the allowed ones or of the wrong form.",
    "invalid-id": "An id is not a slug (lower-case letters, digits, hyphens).",
    "invalid-date": "A date is not a real date written YYYY-MM-DD.",
    "empty-list": "A list that needs at least one item is empty.",
    "url-missing": "A resource has neither a url nor 'url_needed: true' (or has both).",
    "status-note": "A resource that is not active has no dated status_note (or an active one "
    "has a status_note or replaced_by).",
    # Addresses
    "url-scheme": "An address does not start with http:// or https:// (javascript:, data:…).",
    "url-invalid": "An address cannot be read (a space, a control or invisible character, a "
    "quote, no host).",
    "url-credentials": "An address contains a user name or password.",
    "url-local": "An address points at localhost or a private network, in any spelling "
    "(127.1, 0x7f000001, [::ffff:127.0.0.1]…).",
    "url-host": "An address's host is not a dotted public domain name in one script nor a public "
    "IP address written the usual way (no dot, mixed scripts, a trailing dot).",
    "url-port": "An address's port is not a number from 1 to 65535.",
    "url-length": "An address is longer than 2,000 characters.",
    "url-tracking": "An address carries tracking parameters (utm_…, fbclid…).",
    # Across entries
    "duplicate-id": "Two entries share an id (letter case aside).",
    "reserved-id": "An id the site uses for itself: an anchor starting with 'section-' or "
    "'ds-', or 'index' for a category, type or tag.",
    "duplicate-url": "Two resources point at the same page once normalised.",
    "unknown-category": "A category is not in data/vocabulary.yaml.",
    "unknown-subcategory": "A sub-category is not one of its category's.",
    "unknown-type": "A type is not in data/vocabulary.yaml.",
    "unknown-tag": "A tag is not in data/vocabulary.yaml.",
    "unknown-facet": "A task or a way of working is not in data/vocabulary.yaml.",
    "missing-facet": "A tool, model, dataset or course does not say what it is for (tasks) "
    "or how one works with it (ways), as its type requires.",
    "unknown-resource": "An FAQ entry (or a replaced_by) cites a resource id that does not exist.",
    "replaced-by": "replaced_by names the resource itself, or is neither an id nor an address.",
}

RULES_FR: dict[str, str] = {
    "file-unreadable": "Le fichier est absent ou illisible.",
    "file-size": "Le fichier dépasse la taille maximale (il ralentirait chaque construction).",
    "encoding": "Le fichier n'est pas enregistré en UTF-8.",
    "empty-file": "Le fichier ne contient aucune donnée.",
    "multiple-documents": "Le fichier contient plusieurs documents YAML séparés par '---'.",
    "yaml-syntax": "Le fichier n'est pas du YAML valide (crochet ou guillemet non fermé, "
    "indentation).",
    "yaml-alias": "Les ancres et alias (&nom, *nom) sont refusés : quelques lignes pourraient "
    "occuper des gigaoctets.",
    "yaml-tag": "Les étiquettes YAML explicites (!!python/…, !!binary, !!map, !perso…) sont "
    "refusées sur toute valeur.",
    "yaml-key": "Une clé n'est pas un simple texte.",
    "yaml-depth": "Les valeurs sont imbriquées trop profondément.",
    "duplicate-key": "La même clé deux fois dans une entrée : YAML garderait la dernière sans "
    "rien dire.",
    "missing-field": "Un champ obligatoire manque.",
    "unknown-field": "Un champ qui n'existe pas (souvent une faute de frappe).",
    "missing-translation": "Il manque la version française ou anglaise d'un texte.",
    "empty-text": "Un texte est vide ou ne contient que des espaces.",
    "invalid-character": "Un texte contient un caractère de contrôle, un caractère invisible "
    "(de largeur nulle) ou un forçage de sens d'écriture, ou un titre ou un nom contient un saut "
    "de ligne ou une tabulation.",
    "wrong-type": "Une valeur du mauvais genre : un nombre ou true/false là où un texte est "
    "attendu (mettez-le entre guillemets), ou un nombre, un booléen ou une date écrits autrement "
    "qu'en chiffres, true/false ou AAAA-MM-JJ (0x7E2, 1_999, yes, un nombre d'époque).",
    "invalid-value": "Une valeur hors des valeurs permises ou mal écrite.",
    "invalid-id": "Un identifiant n'est pas un slug (minuscules, chiffres, tirets).",
    "invalid-date": "Une date n'est pas une vraie date écrite AAAA-MM-JJ.",
    "empty-list": "Une liste qui doit avoir au moins un élément est vide.",
    "url-missing": "Une ressource n'a ni url ni 'url_needed: true' (ou a les deux).",
    "status-note": "Une ressource qui n'est pas active n'a pas de status_note daté (ou une "
    "ressource active a un status_note ou un replaced_by).",
    "url-scheme": "Une adresse ne commence pas par http:// ou https:// (javascript:, data:…).",
    "url-invalid": "Une adresse est illisible (une espace, pas de nom d'hôte).",
    "url-credentials": "Une adresse contient un nom d'utilisateur ou un mot de passe.",
    "url-local": "Une adresse mène à localhost ou à un réseau privé, quelle que soit sa graphie "
    "(127.1, 0x7f000001, [::ffff:127.0.0.1]…).",
    "url-host": "Le nom d'hôte d'une adresse n'est ni un nom de domaine public avec un point, "
    "écrit dans une seule écriture, ni une adresse IP publique écrite normalement (pas de point, "
    "écritures mélangées, point final).",
    "url-port": "Le port d'une adresse n'est pas un nombre de 1 à 65535.",
    "url-length": "Une adresse dépasse 2 000 caractères.",
    "url-tracking": "Une adresse porte des paramètres de pistage (utm_…, fbclid…).",
    "duplicate-id": "Deux entrées ont le même identifiant (à la casse près).",
    "reserved-id": "Un identifiant que le site utilise pour lui-même : une ancre commençant par "
    "« section- » ou « ds- », ou « index » pour une catégorie, un type ou un tag.",
    "duplicate-url": "Deux ressources mènent à la même page une fois l'adresse normalisée.",
    "unknown-category": "Une catégorie n'est pas dans data/vocabulary.yaml.",
    "unknown-subcategory": "Une sous-catégorie n'appartient pas à sa catégorie.",
    "unknown-type": "Un type n'est pas dans data/vocabulary.yaml.",
    "unknown-tag": "Un tag n'est pas dans data/vocabulary.yaml.",
    "unknown-facet": "Une tâche ou une façon de travailler n'est pas dans data/vocabulary.yaml.",
    "missing-facet": "Un outil, un modèle, un jeu de données ou un cours ne dit pas à quoi il "
    "sert (tasks) ou comment on l'utilise (ways), comme son type l'exige.",
    "unknown-resource": "Une entrée de la FAQ (ou un replaced_by) cite une ressource qui "
    "n'existe pas.",
    "replaced-by": "replaced_by nomme la ressource elle-même, ou n'est ni un identifiant ni "
    "une adresse.",
}
