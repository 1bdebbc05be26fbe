"""Interchange with other tools' files: spreadsheets (xlsx) and service directories (ORUK)."""
