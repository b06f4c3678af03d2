"""Analysis of coded events: accuracy against gold sets (`evaluate`)."""
