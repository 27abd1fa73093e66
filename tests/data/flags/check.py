#!/usr/bin/env python3
"""Sanity check for the QA-flag reference set (tests/data/flags/*.tsv).

Usage: python3 tests/data/flags/check.py
Asserts the format and prints counts per label, per kind and per doc.
"""
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"number_mismatch", "name_missing", "untranslated", "quote_mismatch"}
LABELS = {"same", "differs"}
FILES = {
    "id-en.tsv": ["doc", "label", "kinds", "id", "en", "why"],
    "de-fr.tsv": ["doc", "label", "kinds", "de", "fr", "why"],
}


def check(name, header):
    path = os.path.join(HERE, name)
    errors = []
    labels = collections.Counter()
    kinds = collections.Counter()
    docs = collections.OrderedDict()
    seen = {}
    seen_docs_closed = set()
    prev_doc = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if lines[0].split("\t") != header:
        errors.append(f"{name}:1: header is {lines[0]!r}, want {header}")
    for n, line in enumerate(lines[1:], start=2):
        where = f"{name}:{n}"
        fields = line.split("\t")
        if len(fields) != 6:
            errors.append(f"{where}: {len(fields)} fields, want 6")
            continue
        doc, label, kind, src, tgt, why = fields
        if not doc or not src.strip() or not tgt.strip() or not why.strip():
            errors.append(f"{where}: empty doc, sentence or why")
        if src != src.strip() or tgt != tgt.strip():
            errors.append(f"{where}: leading/trailing spaces")
        if "\r" in line:
            errors.append(f"{where}: carriage return")
        # pairs of one doc must be consecutive
        if doc != prev_doc:
            if doc in seen_docs_closed or doc in docs:
                errors.append(f"{where}: doc {doc!r} is not contiguous")
            if prev_doc is not None:
                seen_docs_closed.add(prev_doc)
            prev_doc = doc
        docs.setdefault(doc, collections.Counter())
        docs[doc][label] += 1
        if label not in LABELS:
            errors.append(f"{where}: label {label!r}")
            continue
        labels[label] += 1
        ks = [k for k in kind.split(",")] if kind else []
        if label == "same" and ks:
            errors.append(f"{where}: same with kinds {kind!r}")
        if label == "differs":
            if not ks:
                errors.append(f"{where}: differs without kinds")
            bad = [k for k in ks if k not in KINDS]
            if bad:
                errors.append(f"{where}: unknown kinds {bad}")
            if len(set(ks)) != len(ks):
                errors.append(f"{where}: repeated kind in {kind!r}")
            for k in ks:
                kinds[k] += 1
        key = (src.strip(), tgt.strip())
        if key in seen:
            errors.append(f"{where}: duplicate pair (first at line {seen[key]})")
        seen[key] = n
    return labels, kinds, docs, errors, len(lines) - 1


def main():
    all_errors = []
    for name, header in FILES.items():
        labels, kinds, docs, errors, total = check(name, header)
        all_errors += errors
        print(f"== {name}: {total} pairs, {len(docs)} docs")
        print("labels: " + ", ".join(f"{k}={labels[k]}" for k in ("same", "differs")))
        print("kinds:  " + ", ".join(f"{k}={kinds[k]}" for k in sorted(KINDS)))
        print("docs:")
        for d, c in docs.items():
            print(f"  {d:24} {sum(c.values()):3}  same={c['same']:2} differs={c['differs']:2}")
    if all_errors:
        print(f"\n{len(all_errors)} error(s):")
        for e in all_errors:
            print("  " + e)
        sys.exit(1)
    print("\nOK")


if __name__ == "__main__":
    main()
