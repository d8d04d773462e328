"""Many articles: batches, worker processes, the resumable JSONL file, progress, Batch API."""
