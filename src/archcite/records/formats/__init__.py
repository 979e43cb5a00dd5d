"""One module per record format, each a reader, a content detector and a writer kept together."""
