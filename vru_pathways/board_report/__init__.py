"""The gap-analysis report: one self-contained HTML or Markdown file for a board."""
