"""Postrun: an interval timer for short strength circuits after a run."""

__version__ = "0.1.0"
