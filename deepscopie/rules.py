"""Every rule the validation reports, with what it means for an editor.

The rule name ends each problem line, e.g. ``(duplicate-key)``. Each has a test fixture. What
each means is explained to editors, in each language, by the catalogues (``rule_<name>`` in
``deepscopie/catalogues/<code>.yaml``): a rule added here needs its text there.
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
    "text-comment": "A ' #' after a text on its line starts a YAML comment, which is left out "
    "of the value: a text was cut short without a word (comments go on their own line).",
    "yaml-depth": "Values are nested too deeply (checked before the file is read further).",
    "duplicate-key": "The same key twice in one entry: YAML would silently keep the last one.",
    # One entry's fields
    "missing-field": "A required field is missing.",
    "unknown-field": "A field that does not exist (often a typo).",
    "missing-translation": "A text lacks its French or English version.",
    "empty-text": "A text is empty or only spaces.",
    "invalid-character": "A text holds a control character, an invisible (zero-width) character "
    "or a bidirectional override, or more than two accents stacked on one letter, or a title or "
    "name holds a line break or a tab.",
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
    "duplicate-id": "Two entries (resources or FAQ questions) share an id (letter case aside).",
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
    "keyword-name": "A keyword is another resource's name: a search for that name would find "
    "this entry beside the resource itself.",
    "searched-as": "A word that search looks for instead of another (searched_as) is not in a "
    "synonym group with it: the entries that use the word typed would not all have it.",
    "synonym-filler": "A synonym says a phrase that search leaves out of a question "
    "(filler_words: 'du coup', 'I was wondering'): search would never read it whole.",
    "synonym-request": "A synonym is only a word by which readers ask to be shown what follows "
    "(request_words: 'list', 'liste'), stop words aside: search leaves it out of any question "
    "that says more, and would not read it.",
}
