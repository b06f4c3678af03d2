"""Reading articles: input files and streams, and length-preserving text cleaning."""
