"""`briefer articles PROJECT edit|delete ARTICLE_ID`: correcting or removing one source.

The window's Article menu does the same through the same commands; here each is one
edit saved at once (a delete backs the project up first, as in the window).
"""

from __future__ import annotations

import argparse

from briefer import session as api
from briefer.cli_common import Parser, open_session, warn
from briefer.core.record import replace
from briefer.core.safetext import shown
from briefer.settings import Paths

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

DETAIL_OPTIONS = (
    ("title", "the headline"),
    ("author", 'who wrote it, e.g. "Jane Smith; Omar Ali" ("" for none)'),
    ("publisher", 'the site, paper or body that published it ("" for none)'),
    ("date", 'when it was published, e.g. 2025-03-14 or "14 March 2025" ("" for none)'),
    ("url", 'its web address, http(s) only ("" for none)'),
)


def add_actions(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    edit = actions.add_parser(
        "edit", help="change an article's title, author, publisher, date or address"
    )
    edit.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    for name, help_text in DETAIL_OPTIONS:
        edit.add_argument(f"--{name}", help=help_text)
    delete = actions.add_parser("delete", help="delete an article with its passages")
    delete.add_argument("article_id", type=int, metavar="ARTICLE_ID")


def run_action(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths, write=True) as session:
        article = session.query.get_article(args.article_id)
        if args.action == "delete":
            passages = len(session.query.list_passages(article_id=args.article_id))
            session.do(api.DeleteArticleCommand(args.article_id))  # backs the project up first
            warn(session)
            print(f'Deleted article {args.article_id} "{shown(article.title)}" and its '
                  f"{passages} passage{'s' if passages != 1 else ''}.")  # fmt: skip
            return 0
        before = api.ArticleDetails.of(article)
        changes: dict[str, Any] = {
            name: getattr(args, name)
            for name, _ in DETAIL_OPTIONS
            if getattr(args, name) is not None
        }
        if "date" in changes:
            changes["published"] = api.date_from_text(changes.pop("date"))
        details = replace(before, **changes).checked(before)
        if details == before:
            print(f"Article {args.article_id} already has these details; nothing changed.")
            return 0
        session.do(api.EditArticleDetailsCommand(args.article_id, details, before=before))
    date = details.published.isoformat() if details.published else "no date"
    said = [f"by {details.author or 'no author'}", details.publisher or "no publisher", date]
    print(f'Article {args.article_id}: "{shown(details.title)}"; {shown("; ".join(said))}; '
          f"{shown(details.url) or 'no address'}.")  # fmt: skip
    return 0
