"""What a language code looks like ("fr", "en"): the one definition for the data's model and
for the YAML reader, which reads the site's languages itself (deepscopie.languages reads
languages.yaml through it) and so cannot ask them."""

from __future__ import annotations

LANGUAGE_PATTERN = r"^[a-z]{2}$"
