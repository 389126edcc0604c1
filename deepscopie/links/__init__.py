"""Link checking with LinkChecker: which URLs, how to run it fast and politely, what its answers
mean (:mod:`classify`), what is remembered from run to run (:mod:`history`), and the reports."""
