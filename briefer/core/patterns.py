"""Regular expressions compiled at their first use, and kept.

Every command loads the modules an export needs, and compiling their patterns was a
tenth of a short `briefer export`: a class spanning the surrogates, a Markdown tag or
SQL's tokens cost a million instructions or more each, for patterns most exports never
use (they read a crafted file's name, a raw tag, an altered schema). Such a pattern is
written as a string and used through ``compiled``; the ones every export uses are
compiled as the module loads, as usual.
"""

from __future__ import annotations

import functools
import re


@functools.cache
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled at its first use, and kept: ``re``'s own cache can drop it."""
    return re.compile(pattern, flags)
