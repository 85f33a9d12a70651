"""klogs-desk: a desktop merchant terminal for the Klogs payment gateway."""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

try:
    __version__ = _version("klogs-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
