#!/usr/bin/env python3
"""Turn a FreeDict dictionary (dictd format) into a word list for selaras --dict.

FreeDict's dictionaries ship in Debian as dict-freedict-SRC-TGT packages
(three-letter language codes: eng-ind, deu-fra, fra-deu, ...). Each holds two
files in /usr/share/dictd/: freedict-SRC-TGT.index (one line per headword:
the word, then the entry's offset and length in dictd's base-64 digits) and
freedict-SRC-TGT.dict.dz (the entries, gzip-compressed). An entry reads

    house /haʊs/ <n>            headword, pronunciations, part of speech
    1. rumah, kediaman          sense 1: translations, comma-separated
    a building people live in   its gloss, in the source language
    2. wisma                    sense 2 (senses are numbered only when
    ...                         there are several)

This script keeps the translations and writes one `source<TAB>target` pair a
line, lower case, the format `selaras align --dict FILE` reads. It keeps
only what helps an aligner: single words on both sides (selaras skips
multi-word entries anyway), no affix entries (<suffix>, <prefix>), no notes
in brackets, no words that are the same on both sides (selaras already links
identical words as cognates), no function words (the/and/of, yang/dan/di,
der/und, le/et, ...) on either side, nothing longer than --max-len letters.

selaras aligns SOURCE -> TARGET, so orient the list that way: for
Indonesian -> English from the English-Indonesian dictionary, use --reverse.

Examples:
    # installed package (apt install dict-freedict-eng-ind)
    scripts/freedict-to-dict.py eng-ind --reverse -o id-en.tsv
    # unpacked without installing:
    #   apt-get download dict-freedict-eng-ind
    #   dpkg-deb -x dict-freedict-eng-ind_*.deb /tmp/fd
    scripts/freedict-to-dict.py /tmp/fd/usr/share/dictd/freedict-eng-ind.index \\
        --reverse -o id-en.tsv
    selaras align artikel.id article.en --dict id-en.tsv

The output inherits the dictionary's licence (FreeDict: CC BY-SA), which the
script copies into a `#` comment header. Keep it out of the selaras repository.

Python 3 standard library only.
"""

import argparse
import gzip
import os
import re
import sys

DICTD_DIR = "/usr/share/dictd"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

# Function words: frequent, loosely translated, and so of no use as anchors.
STOP = {
    "eng": """a an the and or but nor if then than as at by for from in into of on
        onto to with without about over under up down out off so not no yes
        be is am are was were been being have has had do does did will would
        shall should can could may might must i me my mine you your yours he
        him his she her hers it its we us our ours they them their theirs this
        that these those there here who whom whose which what when where why
        how all any some each every such very too also just only own same
        other again""",
    "ind": """yang dan atau di ke dari pada untuk dengan dalam oleh itu ini
        adalah ialah merupakan akan telah sudah sedang tidak bukan juga saja
        pun lah kah tah para sang si se nya ia dia mereka kami kita saya aku
        kamu anda engkau beliau sebagai bagi kepada daripada tentang karena
        sebab jika kalau maka agar supaya bahwa hal ada apa siapa mana
        bagaimana mengapa kapan tetapi tapi namun lagi pula sangat amat
        lebih paling sini situ sana""",
    "deu": """der die das den dem des ein eine einen einem einer eines und oder
        aber denn sondern als wie wenn ob dass weil in im ins an am auf aus bei
        mit nach von vom zu zum zur für über unter vor hinter neben zwischen
        durch gegen ohne um bis ist sind war waren bin bist sein seine hat
        haben hatte wird werden wurde nicht kein keine ich du er sie es wir ihr
        mich dich sich uns euch mein dein ihr unser euer dieser diese dieses
        jener welche welcher welches auch noch schon nur so sehr da dort hier""",
    "fra": """le la les l un une des du de d et ou mais donc or ni car que qu qui
        quoi dont où si à au aux en dans par pour sur sous avec sans chez
        entre vers est sont était étaient être a ont avait avoir ne pas
        plus je j tu il elle on nous vous ils elles me m te t se s lui leur
        leurs mon ma mes ton ta tes son sa ses notre nos votre vos ce cet cette
        ces celui celle ceux y aussi très bien déjà encore ici là""",
}
STOP = {lang: set(words.split()) for lang, words in STOP.items()}

# A word: letters, with hyphens or apostrophes only inside.
WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
HEADER = re.compile(r"^(?P<word>.*?)(?:\s+/.*?/)*\s*(?:<(?P<pos>[^>]*)>)?\s*$")
BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")


def die(msg):
    sys.stderr.write(f"freedict-to-dict: {msg}\n")
    sys.exit(1)


def number(digits):
    n = 0
    for c in digits:
        n = n * 64 + B64.index(c)
    return n


def find_files(spec, dictd_dir):
    """The .index and .dict[.dz] for a name (eng-ind), a stem or either file."""
    stem = spec
    for ext in (".index", ".dict.dz", ".dict"):
        if stem.endswith(ext):
            stem = stem[: -len(ext)]
            break
    candidates = [stem]
    if os.sep not in spec and not os.path.exists(stem + ".index"):
        name = stem if stem.startswith("freedict-") else "freedict-" + stem
        candidates.append(os.path.join(dictd_dir, name))
    for cand in candidates:
        index = cand + ".index"
        for data in (cand + ".dict.dz", cand + ".dict"):
            if os.path.isfile(index) and os.path.isfile(data):
                return index, data
    pair = re.search(r"([a-z]{3}-[a-z]{3})$", os.path.basename(stem))
    package = f"dict-freedict-{pair.group(1)}" if pair else "dict-freedict-SRC-TGT"
    tried = ", ".join(c + ".index/.dict.dz" for c in candidates)
    die(
        f"no dictd files for '{spec}' (looked for {tried}).\n"
        f"Install the Debian package: apt install {package}\n"
        f"or unpack it without installing: apt-get download {package} && "
        f"dpkg-deb -x {package}_*.deb DIR, then pass "
        f"DIR{DICTD_DIR}/{os.path.basename(package.replace('dict-', '', 1))}.index"
    )


def languages(index_path):
    m = re.search(r"([a-z]{3})-([a-z]{3})\.index$", index_path)
    return (m.group(1), m.group(2)) if m else (None, None)


def read_entries(index_path, data_path):
    """(headword, entry text) for each index line; dictd's own 00database
    entries come back under their index names."""
    opener = gzip.open if data_path.endswith(".dz") else open
    try:
        with opener(data_path, "rb") as f:
            data = f.read()
        with open(index_path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        die(f"cannot read the dictionary: {e}")
    for n, line in enumerate(lines, 1):
        parts = line.split("\t")
        if len(parts) != 3:
            die(f"{index_path} line {n}: expected 'word<TAB>offset<TAB>length'")
        word, off, length = parts
        try:
            start, size = number(off), number(length)
        except ValueError:
            die(f"{index_path} line {n}: offset or length is not dictd base 64")
        yield word, data[start : start + size].decode("utf-8", "replace")


def senses(entry):
    """The headword, its part of speech and the translation lines of an
    entry. Sense k's translations start with "k. "; a gloss line follows
    each. Unnumbered entries have one translation line, first."""
    lines = [l for l in entry.split("\n") if l.strip()]
    if not lines:
        return None, "", []
    head = HEADER.match(lines[0].strip())
    word, pos = head.group("word").strip(), head.group("pos") or ""
    body = lines[1:]
    if not body:
        return word, pos, []
    out = []
    expect = 1
    first = re.match(r"^\s*1\.(?:\s+|$)(.*)$", body[0])
    if first:
        out.append(first.group(1))
        expect = 2
    else:
        out.append(body[0])
    # A sense may lose its line break before the next number ("sentris 2.").
    tail = re.search(r"\s(\d+)\.$", out[0])
    if tail and int(tail.group(1)) == expect:
        out[0] = out[0][: tail.start()]
        expect += 1
    for line in body[1:]:
        m = re.match(rf"^\s*{expect}\.(?:\s+|$)(.*)$", line)
        if m:
            out.append(m.group(1))
            expect += 1
    return word, pos, out


def words_of(line):
    """The single-word translations on a translation line, lower case."""
    for item in re.split(r"[,;]", BRACKETS.sub(" ", line)):
        item = item.strip().strip(".!?¡¿").strip().lower()
        if WORD.match(item):
            yield item


def convert(entries, src_lang, tgt_lang, args):
    pairs = set()
    stop_src = set() if args.keep_stopwords else STOP.get(src_lang, set())
    stop_tgt = set() if args.keep_stopwords else STOP.get(tgt_lang, set())
    headwords = 0
    for name, entry in entries:
        if name.startswith("00database") or name.startswith("00-database"):
            continue
        word, pos, lines = senses(entry)
        if not word or re.search(r"\b(suffix|prefix|infix|affix)\b", pos):
            continue
        headwords += 1
        word = BRACKETS.sub(" ", word).strip().lower()
        if not WORD.match(word) or len(word) > args.max_len or word in stop_src:
            continue
        for line in lines:
            for t in words_of(line):
                if t == word or len(t) > args.max_len or t in stop_tgt:
                    continue
                pairs.add((t, word) if args.reverse else (word, t))
    return headwords, sorted(pairs)


def info(entries):
    """The dictionary's name and licence sentence from its 00database entries."""
    meta = {n: e for n, e in entries if n.startswith("00database")}
    short = " ".join(meta.get("00databaseshort", "").split())
    short = re.sub(r"^00-database-short\s*", "", short)
    url = " ".join(meta.get("00databaseurl", "").split())
    url = re.sub(r"^00-database-url\s*", "", url)
    text = " ".join(meta.get("00databaseinfo", "").split())
    m = re.search(r"Availability:\s*(.*?)(?:\s+[A-Z][a-z ]+:\s|$)", text)
    licence = m.group(1) if m else ""
    return short, url, licence


def main():
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "dictionary",
        help="a FreeDict name such as eng-ind (looked up in --dictd-dir), "
        "or the path of its .index or .dict.dz (or their common stem)",
    )
    p.add_argument(
        "--reverse",
        action="store_true",
        help="write target<TAB>source: eng-ind becomes an Indonesian -> English list",
    )
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument(
        "--dictd-dir",
        default=DICTD_DIR,
        help=f"where installed dictionaries live (default {DICTD_DIR})",
    )
    p.add_argument(
        "--keep-stopwords",
        action="store_true",
        help="keep pairs with a function word on either side",
    )
    p.add_argument(
        "--max-len",
        type=int,
        default=30,
        help="drop words longer than this many characters (default 30)",
    )
    args = p.parse_args()

    index, data = find_files(args.dictionary, args.dictd_dir)
    src, tgt = languages(index)
    entries = list(read_entries(index, data))
    headwords, pairs = convert(entries, src, tgt, args)
    short, url, licence = info(entries)
    if args.reverse:
        src, tgt = tgt, src
    header = [
        f"# {src or 'source'}<TAB>{tgt or 'target'} word pairs for selaras --dict, "
        f"made by scripts/freedict-to-dict.py{' --reverse' if args.reverse else ''}",
        f"# from FreeDict {os.path.basename(index)[: -len('.index')]}: "
        f"{short or 'name unknown'}{' ' + url if url else ''}",
        f"# Licence of the dictionary, and so of this list: "
        f"{licence or 'see the dictionary (FreeDict: CC BY-SA)'}",
        "# Do not commit this file into the selaras repository.",
    ]
    text = "\n".join(header) + "\n" + "".join(f"{s}\t{t}\n" for s, t in pairs)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as f:
                f.write(text)
        except OSError as e:
            die(f"cannot write {args.output}: {e}")
    else:
        sys.stdout.write(text)
    sys.stderr.write(
        f"freedict-to-dict: {len(pairs)} pairs from {headwords} headwords"
        f"{' to ' + args.output if args.output else ''}\n"
    )


if __name__ == "__main__":
    main()
