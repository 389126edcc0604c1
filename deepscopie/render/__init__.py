"""Pure rendering: a :class:`~deepscopie.knowledge_base.KnowledgeBase` and a language in,
Markdown pages out. Nothing here knows about MkDocs; ``hooks/`` writes the pages to disk."""
