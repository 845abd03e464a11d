"""Generate a large, realistic-looking project for benchmarks.

    python bench/gen_project.py OUT.briefer [--articles N] [--passages M] [--seed S]

Articles are news-like prose built from varied sentence patterns (countries,
ministries, sectors, figures), with headings and paragraphs; passages are
spread over the six default themes. Seeded, so runs are comparable. It goes
through the same Session.create and store API the app uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefer.core.anchoring import quote_at
from briefer.core.model import Article, BlockKind, Original, Passage
from briefer.importers.base import ArticleBuilder
from briefer.session import Session
from briefer.store import Project

COUNTRIES = [
    "India", "Russia", "China", "Brazil", "Germany", "France", "Japan", "Turkey", "Indonesia",
    "Nigeria", "Mexico", "Canada", "Australia", "Vietnam", "Egypt", "Kazakhstan", "Norway",
    "Chile", "South Africa", "Saudi Arabia", "Poland", "Argentina", "Malaysia", "Kenya",
]  # fmt: skip
BODIES = [
    "the foreign ministry", "the trade ministry", "the central bank", "the defence ministry",
    "the energy regulator", "a parliamentary committee", "the finance ministry", "officials",
    "industry groups", "the national oil company", "port authorities", "analysts",
]  # fmt: skip
SECTORS = [
    "crude oil", "liquefied natural gas", "fertiliser", "pharmaceuticals", "steel", "wheat",
    "semiconductors", "coal", "machinery", "textiles", "rare earths", "nuclear fuel",
    "shipbuilding", "rail equipment", "fighter jets", "submarines", "air defence systems",
]  # fmt: skip
VERBS = [
    "signed", "announced", "postponed", "expanded", "reviewed", "approved", "suspended",
    "renegotiated", "welcomed", "criticised", "extended", "finalised",
]  # fmt: skip
THINGS = [
    "a framework agreement", "a currency swap line", "new tariff schedules", "a visa programme",
    "a joint venture", "a pipeline project", "a refinery expansion", "a labour mobility pact",
    "a maritime corridor", "an arms procurement deal", "sanctions relief talks", "a price cap",
]  # fmt: skip
TEMPLATES = [
    "{c1} and {c2} {verb} {thing} on {sector}, {body} said on {day}.",
    "According to {body}, bilateral trade in {sector} reached ${n} billion last year, up {p}%.",
    "{body_cap} in {c1} expects exports of {sector} to grow by {p}% by {year}.",
    "The deal covers {sector} and could relocate up to {k} skilled professionals to {c2}.",
    "Critics in {c1} warned that secondary tariffs and sanctions could halve {sector} imports.",
    "Talks between {c1} and {c2} focused on defence cooperation, including {sector}.",
    "{c2} remains the largest buyer of {c1}'s {sector}, taking {p}% of shipments in {year}.",
    "A spokesperson for {body} said the summit would also address energy security and migration.",
    "The agreement, worth ${n} billion, is due to take effect on {day} and runs until {year}.",
    "Visa rules for workers from {c1} will be eased, {body} confirmed, citing labour shortages.",
    "Pipeline capacity between {c1} and {c2} is set to rise to {n} billion cubic metres a year.",
    "Missile and submarine programmes were not discussed publicly, though {body} hinted at them.",
]  # fmt: skip
HEADINGS = [
    "Trade and markets", "Defence cooperation", "Energy security", "Labour mobility",
    "Diplomatic outlook", "Sanctions and tariffs", "What comes next", "Background",
]  # fmt: skip
PUBLISHERS = ["Invezz", "The Ledger", "Global Wire", "Asia Monitor", "Policy Review", "Daily Brief"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


def sentence(rng: random.Random) -> str:
    c1, c2 = rng.sample(COUNTRIES, 2)
    body = rng.choice(BODIES)
    return rng.choice(TEMPLATES).format(
        c1=c1, c2=c2, body=body, body_cap=body[0].upper() + body[1:], verb=rng.choice(VERBS),
        thing=rng.choice(THINGS), sector=rng.choice(SECTORS), n=rng.randint(2, 120),
        p=rng.randint(3, 60), k=rng.randint(500, 50_000), year=rng.randint(2026, 2035),
        day=f"{rng.randint(1, 28)} {rng.choice(MONTHS)}",
    )  # fmt: skip


def make_article(rng: random.Random, index: int, words: int, site: str = "news.example") -> Article:
    c1, c2 = rng.sample(COUNTRIES, 2)
    title = f"{c1} and {c2} {rng.choice(VERBS)} {rng.choice(THINGS)} ({index})"
    builder = ArticleBuilder()
    count = 0
    while count < words:
        if rng.random() < 0.12:
            builder.add(BlockKind.HEADING, rng.choice(HEADINGS), level=2)
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        builder.add(BlockKind.PARAGRAPH, paragraph)
        count += len(paragraph.split())
    published = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    return Article(
        title=title,
        text=builder.text(),
        blocks=builder.blocks,
        publisher=rng.choice(PUBLISHERS),
        author=f"{rng.choice('AJMS')}. {rng.choice(['Rao', 'Ivanova', 'Silva', 'Klein'])}",
        published=published,
        url=f"https://{site}/{index}",
        source_format="html",
        source_name=f"article-{index}.html",
    )


def generate(
    out: Path,
    articles: int,
    passages: int,
    seed: int,
    words: int = 1500,
    site: str = "news.example",
) -> None:
    """``site`` names the articles' web site: two projects with different sites (and seeds)
    share no article, as two analysts' reading lists would not (bench_merge.py)."""
    rng = random.Random(seed)
    if out.exists():
        out.unlink()
    started = time.perf_counter()
    Session.create(out, title=f"Benchmark ({articles} articles)").close()  # default themes
    # A generator fills the file in bulk through the store, outside the session's seam:
    # a transaction per hundred articles, where the app makes one per edit.
    with Project.open(out) as project:
        theme_ids = [t.id for t in project.list_themes() if t.id is not None]
        spans: list[tuple[int, str]] = []
        batch = 100
        for first in range(0, articles, batch):
            with project.transaction():
                for index in range(first, min(first + batch, articles)):
                    article = make_article(rng, index, words, site)
                    original = Original(f"article-{index}.html", "text/html", article.text.encode())
                    article_id = project.add_article(article, original)
                    spans.append((article_id, article.text))
            print(f"\r  articles {min(first + batch, articles)}/{articles}", end="", flush=True)
        print()
        made = 0
        taken: set[tuple[int, int, int]] = set()  # the store keeps one passage per span
        while made < passages:
            with project.transaction():
                for _ in range(min(1000, passages - made)):
                    article_id, text = rng.choice(spans)
                    start = rng.randrange(0, max(1, len(text) - 300))
                    end = start + rng.randint(40, 280)
                    if (article_id, start, end) in taken:
                        continue
                    taken.add((article_id, start, end))
                    quote = quote_at(text, (start, end))
                    themes = tuple(rng.sample(theme_ids, rng.choice((1, 1, 1, 2))))
                    project.add_passage(
                        Passage(
                            article_id, start, end, quote.exact, quote.prefix, quote.suffix, themes
                        )
                    )
                    made += 1
            print(f"\r  passages {made}/{passages}", end="", flush=True)
        print()
    elapsed = time.perf_counter() - started
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {elapsed:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--passages", type=int, default=20_000)
    parser.add_argument("--words", type=int, default=1500, help="words per article (about)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.articles, args.passages, args.seed, args.words)


if __name__ == "__main__":
    main()
