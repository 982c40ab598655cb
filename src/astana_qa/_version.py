"""The one version string of astana-qa (`pyproject.toml` reads it from here)."""

__version__ = "0.2.45"
