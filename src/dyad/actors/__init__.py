"""Actors: the dictionary of states, IGOs, sectors and people, and NP resolution."""
