"""supervise: guided reflective supervision in the terminal."""

__version__ = "0.1.0"
