"""The deterministic analysis: quotation marks, names, speakers, statements, figures, gaps."""
