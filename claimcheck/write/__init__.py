"""Reports out: JSON, Markdown, CSV, and HTML pages of the article with its claims in place."""
