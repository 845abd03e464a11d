"""Chinese and Japanese: the scripts written without spaces between words.

In them each character counts as a word: for the near-copy check (likeness.py) and for
search, which finds 统计局 inside 国家统计局周一发布数据 (store/search.py). A module of its
own, its patterns compiled on first use: a class this wide takes milliseconds to compile,
which a command that never meets such text (an export, a list) should not pay on start.
Standard library only.
"""

from __future__ import annotations

import functools
import re

# Han ideographs (with 々, 〇 and the old numerals), kana and bopomofo. Letters only
# (tests/core/test_likeness.py checks each): the middle dot ・ and the spacing sound marks
# ゛゜ separate words, as everywhere else. Hangul is not here: Korean puts spaces between
# words. The body of a regular-expression character class.
SPACELESS = (
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c"
    "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
    "\u3105-\u312f\u31a0-\u31bf"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9"
    "\U00020000-\U0002a6df\U0002a700-\U0002b738\U0002b740-\U0002b81d\U0002b820-\U0002cea1"
    "\U0002ceb0-\U0002ebe0\U0002f800-\U0002fa1d\U00030000-\U0003134a"
)


@functools.cache
def _from_first() -> re.Pattern[str]:
    """Any character as far on as the first of SPACELESS: one range, a quicker scan."""
    return re.compile("[\u3005-\U0010ffff]")


@functools.cache
def _letter() -> re.Pattern[str]:
    """One character of a script written without spaces."""
    return re.compile(f"[{SPACELESS}]")


def has_spaceless(text: str) -> bool:
    """Whether ``text`` holds a character of a script written without spaces.

    Most texts have no character as far on as U+3005; a quick look keeps them as fast as
    if this did not exist.
    """
    if text.isascii() or _from_first().search(text) is None:
        return False
    return _letter().search(text) is not None
