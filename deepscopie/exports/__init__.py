"""The knowledge base as files people take away: JSON, CSV, BibTeX, and Atom feeds."""
