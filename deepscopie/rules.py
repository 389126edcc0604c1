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
    "yaml-tag": "Explicit YAML tags (!!python/…, !!binary) are refused.",
    "yaml-key": "A key is not plain text.",
    "yaml-depth": "Values are nested too deeply.",
    "duplicate-key": "The same key twice in one entry: YAML would silently keep the last one.",
    # One entry's fields
    "missing-field": "A required field is missing.",
    "unknown-field": "A field that does not exist (often a typo).",
    "missing-translation": "A text lacks its French or English version.",
    "empty-text": "A text is empty or only spaces.",
    "wrong-type": "A value of the wrong kind (YAML reads unquoted no/yes as booleans and "
    "012 as a number).",
    "invalid-value": "A value outside the allowed ones or of the wrong form.",
    "invalid-id": "An id is not a slug (lower-case letters, digits, hyphens).",
    "invalid-date": "A date is not a real date written YYYY-MM-DD.",
    "empty-list": "A list that needs at least one item is empty.",
    "url-missing": "A resource has neither a url nor 'url_needed: true' (or has both).",
    # Addresses
    "url-scheme": "An address does not start with http:// or https:// (javascript:, data:…).",
    "url-invalid": "An address cannot be read (a space, no host).",
    "url-credentials": "An address contains a user name or password.",
    "url-local": "An address points at localhost or a private network.",
    "url-tracking": "An address carries tracking parameters (utm_…, fbclid…).",
    # Across entries
    "duplicate-id": "Two entries share an id.",
    "duplicate-url": "Two resources point at the same page once normalised.",
    "unknown-category": "A category is not in data/vocabulary.yaml.",
    "unknown-subcategory": "A sub-category is not one of its category's.",
    "unknown-type": "A type is not in data/vocabulary.yaml.",
    "unknown-tag": "A tag is not in data/vocabulary.yaml.",
    "unknown-resource": "An FAQ entry cites a resource id that does not exist.",
}
