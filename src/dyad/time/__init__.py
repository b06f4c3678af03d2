"""Time: resolving Russian temporal expressions against the publication date."""
