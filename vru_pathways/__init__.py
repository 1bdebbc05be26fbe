"""vru-pathways: framework-as-code for serious violence prevention."""

__version__ = "0.1.0"
