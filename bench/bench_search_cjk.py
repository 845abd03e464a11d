"""Searching Chinese in a large project: a word inside sentences (run in its own process).

    python bench/bench_search_cjk.py [--articles N] [--chars C]

Stores N generated Chinese news articles of about C characters each (some with English
names and figures in them, as real ones have) into a new project, then times each query
as the Search panel runs it (up to 100 hits, snippets and spans included): a rare word, a
word in nearly every article, words with English, OR and exclusion. Defaults: 2,000
articles of 3,500 characters, about 20 MB of UTF-8 text. Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefer.core.model import Article, Block, BlockKind
from briefer.store import Project

PLACES = ["北京", "上海", "广州", "深圳", "天津", "重庆", "宁波", "青岛", "东京", "大阪"]
BODIES = ["国家统计局", "商务部", "海关总署", "中国人民银行", "财政部", "发改委", "港务局"]
THINGS = ["出口", "进口", "原油", "稀土", "钢铁", "半导体", "粮食", "液化天然气", "集装箱"]
VERBS = ["发布", "公布", "宣布", "批准", "暂停", "扩大", "审查", "延长"]
TEMPLATES = [
    "{body}{day}在{place}{verb}数据，显示{thing}同比增长{p}%，高于市场预期。",
    "分析人士认为，{thing}价格上涨主要受到{place}需求回升的推动。",
    "据{body}介绍，今年前{m}个月{place}的{thing}贸易额达到{n}亿美元。",
    "{place}的企业表示，{thing}订单已经排到{m}月份，产能依然紧张。",
    "据 Reuters 报道，{body}官员说{thing}政策将在{m}月底前调整。",
    "业内人士指出，{thing}市场仍面临不确定性，{place}港口吞吐量下降{p}%。",
]
DAYS = ["周一", "周二", "周三", "周四", "周五"]
RARE = "碳边境调节机制"  # put into a few articles only

QUERIES = [
    ("a rare word (in 1% of articles)", RARE),
    ("a word in a few sentences", "港务局"),
    ("a word in nearly every article", "出口"),
    ("a two-character word everywhere", "分析"),
    ("a Chinese word with an English one", "统计局 Reuters"),
    ("OR across scripts", "碳边境 OR Reuters"),
    ("a word, a rare one excluded", "港务局 -" + RARE),
    ("no article holds it", "量子计算"),
]


def make_text(rng: random.Random, chars: int, rare: bool) -> str:
    sentences: list[str] = []
    size = 0
    while size < chars:
        sentence = rng.choice(TEMPLATES).format(
            body=rng.choice(BODIES),
            day=rng.choice(DAYS),
            place=rng.choice(PLACES),
            verb=rng.choice(VERBS),
            thing=rng.choice(THINGS),
            p=rng.randint(1, 40),
            m=rng.randint(2, 11),
            n=rng.randint(10, 900),
        )
        if rare and rng.random() < 0.05:
            sentence = sentence[:-1] + f"，{RARE}也被提及。"
        sentences.append(sentence)
        size += len(sentence)
        if rng.random() < 0.15:
            sentences.append("\n\n")
    return "".join(sentences)


def build(path: Path, count: int, chars: int) -> int:
    rng = random.Random(11)
    total = 0
    with Project.create(path) as project:
        for i in range(count):
            text = make_text(rng, chars, rare=i % 100 == 0)
            title = f"{rng.choice(PLACES)}{rng.choice(THINGS)}报告 {i}"
            project.add_article(Article(title, text, (Block(BlockKind.PARAGRAPH, 0, len(text)),)))
            total += len(text.encode())
    return total


def main() -> int:
    parser = argparse.ArgumentParser()
    small = os.environ.get("BENCH_SMALL") == "1"
    parser.add_argument("--articles", type=int, default=200 if small else 2000)
    parser.add_argument("--chars", type=int, default=3500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "cjk.briefer"
        started = time.perf_counter()
        size = build(path, args.articles, args.chars)
        print(
            f"Chinese search on {args.articles} articles, {size / 1e6:.1f} MB of text"
            f" (file {path.stat().st_size / 1e6:.1f} MB, built in"
            f" {time.perf_counter() - started:.0f} s)"
        )
        with Project.open(path) as project:
            for label, query in QUERIES:
                project.search(query, limit=100)  # the file's pages in the OS cache
                times = []
                for _ in range(5):
                    started = time.perf_counter()
                    hits = project.search(query, limit=100)
                    times.append(time.perf_counter() - started)
                t = statistics.median(times)
                mark = "ok" if t < 0.3 else "MISSED"
                print(
                    f"  {label:36} {query!r:22} {len(hits):>4} hits"
                    f" {t * 1000:7.0f} ms   target < 300 ms  {mark}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
