"""Events: the predicate lexicon, the CAMEO table and the coder over the UD parse."""
