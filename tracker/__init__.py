"""tracker: claim-and-attribution fact tracking for newsrooms."""

__version__ = "0.1.0"
