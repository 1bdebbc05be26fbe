"""The gap and hygiene rules, one per module; each module's docstring is its user doc."""
