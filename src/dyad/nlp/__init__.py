"""Russian NLP: the natasha adapter (`ru`) and dependency-tree helpers (`tree`)."""
