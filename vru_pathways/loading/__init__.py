"""Reading framework files: YAML with positions, ``uses``, merging and references."""
