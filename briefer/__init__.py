"""Briefer: from news articles and reports to a sourced briefing note.

The version lives here and nowhere else; packaging and the CLI read it.
"""

__version__ = "0.1.0"
