"""Checking claims against their sources: read the sources, index passages, judge each claim.

``sources`` reads what a claim is checked against (text, Markdown, HTML, PDF, folders);
``passages`` splits and indexes the sources once (SQLite FTS5, BM25 ranking); ``quotes`` and
``figures`` give the mechanical verdicts; ``evidence`` puts a report's claims through them.
"""
