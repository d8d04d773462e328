"""The model: prompts, the answer schema, chunks, and requests with caching and retries."""
