"""klogs-desk: a desktop merchant terminal for the Klogs payment gateway."""

#: The one place the version is written: pyproject.toml reads it from here (``[tool.setuptools.dynamic]``).
#: A literal, not ``importlib.metadata.version()``: that import costs every start ~50 ms before the first
#: frame (issue 19), and a bundle would need the package's metadata copied in to answer it.
__version__ = "0.1.0"
