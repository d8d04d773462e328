"""Text in: an article's bytes, file or web page made text, and its paragraphs and sentences."""
