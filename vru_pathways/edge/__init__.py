"""The edge: the only code that writes files or starts processes (Graphviz, git)."""
