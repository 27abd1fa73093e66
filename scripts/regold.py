#!/usr/bin/env python3
"""Re-express a corpus's gold over selaras's own split.

Usage: scripts/regold.py CORPUS_DIR [SELARAS_BINARY]

For a held-out pair whose gold split differs from selaras's only by
convention (a quotation of several sentences kept whole): each gold sentence
maps to the selaras sentences that share its characters; a bead with one
sentence on a side that splits into as many parts as the other side then
has pairs them part by part, any other bead takes every sentence its gold
sentences became, and beads that then share a sentence merge. Rewrites id.split, en.split and gold.ladder.
"""
import sys, ast, subprocess, re
d = sys.argv[1]
BIN = sys.argv[2] if len(sys.argv) > 2 else 'target/release/selaras'
def sents(path):
    return [l for l in open(path).read().split('\n') if l.strip()]
def ours(lang):
    out = subprocess.run([BIN, 'split', f'{d}/{lang}.txt', '--lang', lang], capture_output=True, text=True).stdout
    return out, [l for l in out.split('\n') if l.strip()]
def spans(ss):
    pos, out = 0, []
    for s in ss:
        t = re.sub(r'\s+', '', s); out.append((pos, pos + len(t))); pos += len(t)
    return out, pos
mapping, new_split = {}, {}
for lang in ('id', 'en'):
    g = sents(f'{d}/{lang}.split'); raw, o = ours(lang)
    gs, gl = spans(g); os_, ol = spans(o)
    assert gl == ol, (lang, gl, ol)
    mapping[lang] = [[k for k, (a, b) in enumerate(os_) if a < ge and b > gb] for (gb, ge) in gs]
    new_split[lang] = raw
beads = []
for line in open(f'{d}/gold.ladder'):
    if not line.strip(): continue
    a, b = line.strip().split(']:[', 1)
    src = ast.literal_eval(a + ']'); tgt = ast.literal_eval('[' + b)
    ms = [mapping['id'][i] for i in src]; mt = [mapping['en'][j] for j in tgt]
    flat_s = [k for m in ms for k in m]; flat_t = [k for m in mt for k in m]
    if (len(src) == 1 or len(tgt) == 1) and len(flat_s) == len(flat_t) > 1 and len(src) + len(tgt) > 1:
        # A sentence split into as many parts as the other side has
        # sentences (a quotation split alike on both sides; `Why? Because …`
        # against `Mengapa?` / `Karena …`): the parts pair one to one.
        beads.extend(({a}, {b}) for a, b in zip(flat_s, flat_t))
        continue
    beads.append((set(k for m in ms for k in m), set(k for m in mt for k in m)))
merged = []
for s, t in beads:
    if merged and (merged[-1][0] & s or merged[-1][1] & t):
        merged[-1] = (merged[-1][0] | s, merged[-1][1] | t)
    else:
        merged.append((s, t))
with open(f'{d}/gold.ladder', 'w') as f:
    for s, t in merged:
        f.write('%s:%s\n' % (sorted(s), sorted(t)))
for lang in ('id', 'en'):
    open(f'{d}/{lang}.split', 'w').write(new_split[lang])
print(d, len(beads), '->', len(merged))
