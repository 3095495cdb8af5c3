"""wirestream: news-wire copy in, structured and enriched article events out."""

__version__ = "0.1.0"
