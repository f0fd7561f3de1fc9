"""The package's version, read by the build (pyproject.toml) and by ``--version``."""

__version__ = "0.2.0"
