"""DeepScopie: a bilingual knowledge base on deep learning for microscopy.

The data flows one way: YAML files (``data/``) are read with their positions
(:mod:`deepscopie.yaml_source`), validated into typed, frozen objects
(:mod:`deepscopie.model`, :mod:`deepscopie.checks`), and gathered in a
:class:`deepscopie.knowledge_base.KnowledgeBase`. Nothing here imports MkDocs:
the MkDocs hooks in ``hooks/`` are only glue.
"""
