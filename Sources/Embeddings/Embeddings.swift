// Filled in by the Embeddings work.
