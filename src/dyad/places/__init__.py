"""Places: where an event happened, from its locative arguments."""
