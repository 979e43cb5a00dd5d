"""Developer tools: the reference-protocol renderer and its row format."""
