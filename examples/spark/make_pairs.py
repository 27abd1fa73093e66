#!/usr/bin/env python3
"""Article pairs to try `selaras stream` and the Spark job on, made from the
project's own sample articles (corpora/*/id.txt and en.txt).

Each pair strings together one to three runs of paragraphs, each run taken
from one sample article, the Indonesian and English runs at the same place
in their article. Seeded: the same arguments give the same bytes.

    make_pairs.py --pairs 10000 --out pairs.jsonl
    make_pairs.py --pairs 500 --bad --out pairs.jsonl --batch-dir batch/

--bad adds records `selaras stream` must refuse (not JSON, a field missing,
an empty text, a record over 64 KiB: run stream with --max-record 64K).
--batch-dir also writes the good pairs as files with a list for
`selaras batch`: run `selaras batch list.tsv` inside that folder and its
`doc` keys are the records' docs.
"""

import argparse
import json
import os
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def paragraphs(path):
    # As selaras reads a file: UTF-8 (a byte-order mark dropped), else
    # Windows-1252 (corpora/linimasa-banjir/en.txt); CRLF as LF.
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    text = text.replace("\r\n", "\n")
    found = [p.strip() for p in text.split("\n\n") if p.strip()]
    # A page written one paragraph a line, with no blank lines.
    if len(found) == 1:
        found = [p.strip() for p in text.split("\n") if p.strip()]
    return found


def articles():
    pairs = []
    for folder in sorted((ROOT / "corpora").iterdir()):
        id_txt, en_txt = folder / "id.txt", folder / "en.txt"
        if id_txt.exists() and en_txt.exists():
            pairs.append((paragraphs(id_txt), paragraphs(en_txt)))
    return pairs


def stretch(items, start, end):
    """The items from `start` to `end` (shares of the list), at least one."""
    first = min(round(start * len(items)), len(items) - 1)
    return items[first : max(round(end * len(items)), first + 1)]


def make_pair(rng, sources):
    src, tgt = [], []
    for _ in range(rng.randint(1, 3)):
        ids, ens = rng.choice(sources)
        start = rng.random() * 0.6
        end = min(1.0, start + 0.25 + rng.random() * 0.75)
        src += stretch(ids, start, end)
        tgt += stretch(ens, start, end)
    return "\n\n".join(src) + "\n", "\n\n".join(tgt) + "\n"


def bad_records(rng, sources):
    """(doc or None, the line) for each kind of record stream refuses."""
    src, tgt = make_pair(rng, sources)
    huge = (src + "\n\n") * (65536 // len(src) + 2)
    return [
        (None, '{"doc": "bad-not-json", "src": "Halo'),
        ("bad-no-src", json.dumps({"doc": "bad-no-src", "tgt": tgt})),
        ("bad-empty", json.dumps({"doc": "bad-empty", "src": src, "tgt": "  \n"})),
        (None, json.dumps({"doc": "bad-too-long", "src": huge, "tgt": tgt})),
        ("bad-src-number", json.dumps({"doc": "bad-src-number", "src": 5, "tgt": tgt})),
        (None, json.dumps({"src": src, "tgt": tgt})),
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bad", action="store_true", help="add records stream must refuse")
    ap.add_argument("--out", required=True, help="the JSON Lines file to write")
    ap.add_argument("--batch-dir", help="also write the good pairs as files for selaras batch")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    sources = articles()
    good = [(f"art-{k:05d}",) + make_pair(rng, sources) for k in range(args.pairs)]
    lines = [json.dumps({"doc": d, "src": s, "tgt": t}, ensure_ascii=False) for d, s, t in good]
    if args.bad:
        # Spread through the stream, so good records follow each bad one.
        for k, (_, line) in enumerate(bad_records(rng, sources)):
            lines.insert((k + 1) * len(lines) // 8, line)
    Path(args.out).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    if args.batch_dir:
        folder = Path(args.batch_dir)
        os.makedirs(folder / "en", exist_ok=True)
        with open(folder / "list.tsv", "w", encoding="utf-8") as listing:
            for doc, src, tgt in good:
                (folder / doc).write_text(src, encoding="utf-8")
                (folder / "en" / doc).write_text(tgt, encoding="utf-8")
                listing.write(f"{doc}\ten/{doc}\n")


if __name__ == "__main__":
    main()
