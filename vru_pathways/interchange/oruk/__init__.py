"""Open Referral UK / HSDS 3.0 service directory → a vru-pathways/1 document of services."""

from .mapping import STATUS_MAP, import_directory

__all__ = ["STATUS_MAP", "import_directory"]
