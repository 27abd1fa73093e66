'use strict';
// The review page as an editor. The alignment is a list of pairs, each a
// half-open range of source and of target sentences, covering both texts in
// order; every edit keeps that so, and `Save` writes the CSV `selaras apply`
// and `selaras align --fixed` read back. Edits live in localStorage under the
// document's key, so a reload loses nothing.
const D = JSON.parse(document.getElementById('data').textContent);
const $ = (id) => document.getElementById(id);
const STORE = 'selaras:' + D.key;
const keyOf = (p) => p.s[0] + '-' + p.s[1] + ':' + p.t[0] + '-' + p.t[1];
const original = new Map(D.pairs.map((p) => [keyOf(p), p]));
let pairs, cur = 0, undo = [], redo = [];
let flag = '', sortBy = 'pair';

function fresh() {
  return D.pairs.map((p) => ({ s: p.s.slice(), t: p.t.slice(), st: p.st || '' }));
}

// Every sentence once, in order: what a stored state must still be.
function covers(ps) {
  let i = 0, j = 0;
  for (const p of ps) {
    if (p.s[1] > p.s[0]) { if (p.s[0] !== i) return false; i = p.s[1]; }
    if (p.t[1] > p.t[0]) { if (p.t[0] !== j) return false; j = p.t[1]; }
  }
  return i === D.src.length && j === D.tgt.length;
}

// A state as a short string, `cur|1.1 2.1c 0.1 1.1r`: each pair's sizes
// and status, since the pairs cover both texts in order. A thousand pairs
// take about 5 KB, so a long undo history fits in localStorage.
function pack() {
  return cur + '|' + pairs.map((p) => len(p.s) + '.' + len(p.t) + (p.st ? p.st[0] : '')).join(' ');
}

function unpack(packed) {
  const [at, list] = packed.split('|');
  let i = 0, j = 0;
  const out = list.split(' ').map((item) => {
    const [, a, b, st] = item.match(/^(\d+)\.(\d+)([cr]?)$/);
    const p = { s: [i, i + +a], t: [j, j + +b], st: { c: 'confirmed', r: 'rejected' }[st] || '' };
    i += +a; j += +b;
    return p;
  });
  return { pairs: out, cur: +at };
}

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE));
    const state = unpack(saved.state);
    if (covers(state.pairs)) {
      ({ pairs, cur } = state);
      ({ undo, redo } = saved);
      return true;
    }
  } catch (e) { /* nothing kept, or a broken store: start afresh */ }
  pairs = fresh();
  return false;
}

function persist() {
  try {
    localStorage.setItem(STORE, JSON.stringify({ state: pack(), undo: undo.slice(-500), redo }));
  } catch (e) { note('edits could not be kept in this browser: save before closing'); }
}

// Drop pairs left empty; give an empty side its place (5..5 after 4).
function normalise() {
  pairs = pairs.filter((p) => p.s[1] > p.s[0] || p.t[1] > p.t[0]);
  let i = 0, j = 0;
  for (const p of pairs) {
    if (p.s[1] > p.s[0]) i = p.s[1]; else p.s = [i, i];
    if (p.t[1] > p.t[0]) j = p.t[1]; else p.t = [j, j];
  }
  cur = Math.max(0, Math.min(cur, pairs.length - 1));
}

function edit(what, change) {
  const before = pack();
  if (change() === false) { note('nothing to ' + what + ' here'); return; }
  normalise();
  undo.push(before);
  redo = [];
  persist();
  render();
  note(what + ': pair ' + (cur + 1));
}

function step(from, to) {
  if (!from.length) { note('nothing to ' + (from === undo ? 'undo' : 'redo')); return; }
  to.push(pack());
  ({ pairs, cur } = unpack(from.pop()));
  persist();
  render();
}

const len = (r) => r[1] - r[0];
const reset = (p) => { p.st = ''; };

const ops = {
  confirm: () => { const p = pairs[cur]; p.st = p.st === 'confirmed' ? '' : 'confirmed'; },
  reject: () => { const p = pairs[cur]; p.st = p.st === 'rejected' ? '' : 'rejected'; },
  joinNext: () => {
    const a = pairs[cur], b = pairs[cur + 1];
    if (!b) return false;
    pairs.splice(cur, 2, { s: [a.s[0], b.s[1]], t: [a.t[0], b.t[1]], st: '' });
  },
  joinPrev: () => {
    if (cur === 0) return false;
    cur -= 1;
    return ops.joinNext();
  },
  // After the first sentence of each side that has several.
  split: () => {
    const p = pairs[cur];
    if (len(p.s) < 2 && len(p.t) < 2) return false;
    const s = p.s[0] + Math.min(1, len(p.s)), t = p.t[0] + Math.min(1, len(p.t));
    pairs.splice(cur, 1, { s: [p.s[0], s], t: [p.t[0], t], st: '' }, { s: [s, p.s[1]], t: [t, p.t[1]], st: '' });
  },
  // Before the last sentence of each side that has several.
  splitLast: () => {
    const p = pairs[cur];
    if (len(p.s) < 2 && len(p.t) < 2) return false;
    const s = p.s[1] - (len(p.s) > 1 ? 1 : 0), t = p.t[1] - (len(p.t) > 1 ? 1 : 0);
    pairs.splice(cur, 1, { s: [p.s[0], s], t: [p.t[0], t], st: '' }, { s: [s, p.s[1]], t: [t, p.t[1]], st: '' });
  },
  unlink: () => {
    const p = pairs[cur];
    if (len(p.s) === 0 || len(p.t) === 0) return false;
    const out = [];
    for (let i = p.s[0]; i < p.s[1]; i++) out.push({ s: [i, i + 1], t: [p.t[0], p.t[0]], st: '' });
    for (let j = p.t[0]; j < p.t[1]; j++) out.push({ s: [p.s[1], p.s[1]], t: [j, j + 1], st: '' });
    pairs.splice(cur, 1, ...out);
  },
};
// Move the last sentence of a side to the next pair, or the first to the previous one.
for (const side of ['s', 't']) {
  ops[side + 'Next'] = () => {
    const p = pairs[cur], q = pairs[cur + 1];
    if (!q || len(p[side]) === 0) return false;
    p[side][1] -= 1; q[side][0] = p[side][1]; reset(p); reset(q);
  };
  ops[side + 'Prev'] = () => {
    const p = pairs[cur], q = pairs[cur - 1];
    if (!q || len(p[side]) === 0) return false;
    p[side][0] += 1; q[side][1] = p[side][0]; reset(p); reset(q);
  };
}

const NAMES = {
  confirm: 'confirm', reject: 'reject', joinNext: 'join with the next pair', joinPrev: 'join with the previous pair',
  split: 'split', splitLast: 'split off the last sentences', unlink: 'unlink', sNext: 'move a source sentence down', sPrev: 'move a source sentence up',
  tNext: 'move a target sentence down', tPrev: 'move a target sentence up',
};
const run = (op) => edit(NAMES[op], ops[op]);

// What the reviewer sees of a pair: its aligner score and flags when the
// aligner drew it so, else none (an edited pair).
function info(p) {
  const o = original.get(keyOf(p));
  const score = p.st === 'confirmed' ? 1 : o ? o.score : null;
  return { o, score, flags: o ? o.flags : [], hidden: o ? !!o.h : false };
}

function esc(s) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// A sentence with the numbers and names its pair's flags name marked.
function marked(text, marks) {
  const spans = [];
  for (const m of marks) {
    if (!m) continue;
    for (let at = text.indexOf(m); at >= 0; at = text.indexOf(m, at + m.length)) spans.push([at, at + m.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let out = '', pos = 0;
  for (const [a, b] of spans) {
    if (a < pos) continue;
    out += esc(text.slice(pos, a)) + '<mark>' + esc(text.slice(a, b)) + '</mark>';
    pos = b;
  }
  return out + esc(text.slice(pos));
}

function side(texts, r, lang, name, marks) {
  if (len(r) === 0) return '<td class="none" lang="' + lang + '" data-side="' + name + '">no counterpart</td>';
  let html = '';
  for (let i = r[0]; i < r[1]; i++) {
    const start = len(r) > 1 ? '<sup class="sn" title="sentence ' + i + ' starts">' + i + '</sup>' : '';
    html += '<span class="sent">' + start + marked(texts[i], marks) + '</span> ';
  }
  const idx = len(r) > 1 ? r[0] + '-' + (r[1] - 1) : String(r[0]);
  return '<td lang="' + lang + '" data-side="' + name + '">' + html + '<span class="idx">#' + idx + '</span></td>';
}

const tint = (score) => score === null ? '#8a94a6' : 'hsl(' + Math.round(Math.max(0, Math.min(1, score)) * 120) + ', 70%, 45%)';
const kind = (p) => len(p.s) + '-' + len(p.t);

function row(p, k, hidden) {
  const { o, score, flags } = info(p);
  const marks = flags.flatMap((f) => f.m || []);
  const codes = flags.map((f) => f.c);
  const cls = [codes.length ? 'flagged' : '', p.st, k === cur ? 'cur' : ''].filter(Boolean).join(' ');
  const badge = p.st ? '<span class="badge ' + p.st + '">' + p.st + '</span>' : o ? '' : '<span class="badge edited">edited</span>';
  return '<tr id="p' + (k + 1) + '"' + (hidden ? ' hidden' : '') + ' data-k="' + k + '" data-flags="' + codes.join(' ') + '"' + (cls ? ' class="' + cls + '"' : '') +
    ' style="--tint: ' + tint(score) + '"><td><span class="num">' + (k + 1) + '</span><span class="idx">' + kind(p) + '</span></td>' +
    '<td class="score">' + (score === null ? '–' : score.toFixed(3)) + ' ' + badge + '</td>' +
    side(D.src, p.s, D.src_lang, D.src_name, marks) + side(D.tgt, p.t, D.tgt_lang, D.tgt_name, marks) +
    '<td>' + flags.map((f) => '<span class="flag"><b>' + esc(f.c) + '</b> ' + esc(f.n) + '</span>').join('') + '</td></tr>';
}

function text(p) {
  const grab = (texts, r) => texts.slice(r[0], r[1]).join(' ');
  return grab(D.src, p.s) + '\n' + grab(D.tgt, p.t);
}

// Which pairs show, and in which order.
function view() {
  const only = $('only-flagged').checked, all = $('show-all').checked;
  const below = parseFloat($('threshold').value), query = $('search').value.trim().toLowerCase();
  const order = pairs.map((p, k) => k);
  if (sortBy === 'score') {
    const s = (k) => { const v = info(pairs[k]).score; return v === null ? -1 : v; };
    order.sort((a, b) => s(a) - s(b) || a - b);
  }
  const shown = new Set(order.filter((k) => {
    const { score, flags, hidden } = info(pairs[k]);
    const codes = flags.map((f) => f.c);
    if (hidden && !all) return false;
    if (only && codes.length === 0) return false;
    if (flag && !codes.includes(flag)) return false;
    if (score !== null && score > below) return false;
    return !query || text(pairs[k]).toLowerCase().includes(query);
  }));
  return { order, shown };
}

function render() {
  const { order, shown } = view();
  $('rows').innerHTML = order.map((k) => row(pairs[k], k, !shown.has(k))).join('\n');
  const count = (f) => pairs.filter(f).length;
  const byFlag = {};
  for (const p of pairs) for (const c of new Set(info(p).flags.map((f) => f.c))) byFlag[c] = (byFlag[c] || 0) + 1;
  const kinds = {};
  for (const p of pairs) kinds[kind(p)] = (kinds[kind(p)] || 0) + 1;
  $('pairs').textContent = pairs.length;
  $('kinds').textContent = Object.keys(kinds).sort().map((k) => k + ': ' + kinds[k]).join(', ');
  $('flagged').textContent = count((p) => info(p).flags.length > 0);
  $('confirmed').textContent = count((p) => p.st === 'confirmed');
  $('rejected').textContent = count((p) => p.st === 'rejected');
  $('edited').textContent = count((p) => !info(p).o);
  $('shown').textContent = shown.size;
  $('chips').innerHTML = Object.keys(byFlag).sort().map((c) =>
    '<span class="chip' + (c === flag ? ' on' : '') + '" data-flag="' + c + '" title="show only pairs flagged ' + c + '">' + c + ' ' + byFlag[c] + '</span>').join('');
  $('threshold-value').textContent = parseFloat($('threshold').value).toFixed(2);
  pad();
}

// The sticky header must not hide the pair scrolled to.
function pad() {
  const header = document.querySelector('header');
  const sticky = getComputedStyle(header).position === 'sticky';
  document.documentElement.style.scrollPaddingTop = sticky ? header.offsetHeight + 8 + 'px' : '0';
}
window.addEventListener('resize', pad);

function current() { return document.querySelector('tr.cur'); }

function go(k) {
  if (k < 0 || k >= pairs.length) return;
  const old = current();
  if (old) old.classList.remove('cur');
  cur = k;
  const tr = $('p' + (k + 1));
  if (tr) { tr.classList.add('cur'); tr.scrollIntoView({ block: 'nearest' }); }
  persist();
}

// The next shown pair after the current one (in the view's order) that `want` accepts.
function move(dir, want) {
  const trs = [...document.querySelectorAll('#rows tr:not([hidden])')];
  let at = trs.findIndex((tr) => +tr.dataset.k === cur);
  for (at += dir; at >= 0 && at < trs.length; at += dir) {
    const k = +trs[at].dataset.k;
    if (!want || want(pairs[k])) { go(k); return; }
  }
  note('no ' + (want ? 'flagged ' : '') + 'pair ' + (dir > 0 ? 'after' : 'before') + ' this one');
}
const isFlagged = (p) => info(p).flags.length > 0;

function note(msg) { $('note').textContent = msg; }

function csvCell(v) {
  const s = String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

// The CSV `align` writes, with this page's pairs: `selaras apply` reads it.
function csv() {
  const idx = (r) => len(r) === 0 ? '' : len(r) === 1 ? String(r[0]) : r[0] + '-' + (r[1] - 1);
  const lines = [['pair', 'type', 'src_idx', 'tgt_idx', 'source', 'target', 'score', 'flags', 'status']];
  pairs.forEach((p, k) => {
    const { score, flags } = info(p);
    const [src, tgt] = text(p).split('\n');
    lines.push([k + 1, kind(p), idx(p.s), idx(p.t), src, tgt, score === null ? '' : score.toFixed(3), flags.map((f) => f.c).join(';'), p.st]);
  });
  return lines.map((l) => l.map(csvCell).join(',')).join('\n') + '\n';
}

function save() {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([csv()], { type: 'text/csv;charset=utf-8' }));
  a.download = D.save;
  document.body.appendChild(a);
  a.click();
  a.remove();
  note('saved ' + D.save + ' (your downloads folder): run the command under "Re-align" or selaras apply');
}

const KEYS = {
  ArrowDown: () => move(1), j: () => move(1), ArrowUp: () => move(-1), k: () => move(-1),
  n: () => move(1, isFlagged), N: () => move(-1, isFlagged),
  c: () => run('confirm'), x: () => run('reject'), m: () => run('joinNext'), M: () => run('joinPrev'),
  s: () => run('split'), S: () => run('splitLast'), u: () => run('unlink'),
  ']': () => run('sNext'), '[': () => run('sPrev'), '}': () => run('tNext'), '{': () => run('tPrev'),
  z: () => step(undo, redo), Z: () => step(redo, undo), y: () => step(redo, undo),
  '/': () => $('search').focus(),
};

document.addEventListener('keydown', (e) => {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName) && e.target.type !== 'checkbox';
  if (e.key === 'Escape') { e.target.blur(); return; }
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') { e.preventDefault(); save(); return; }
  if ((e.ctrlKey || e.metaKey) && !typing && e.key.toLowerCase() === 'z') { e.preventDefault(); e.shiftKey ? step(redo, undo) : step(undo, redo); return; }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  const act = KEYS[e.key];
  if (act) { e.preventDefault(); act(); }
});

$('rows').addEventListener('click', (e) => {
  const tr = e.target.closest('tr');
  if (tr) go(+tr.dataset.k);
});
$('chips').addEventListener('click', (e) => {
  const c = e.target.closest('.chip');
  if (!c) return;
  flag = flag === c.dataset.flag ? '' : c.dataset.flag;
  if (flag) $('only-flagged').checked = true;
  render();
});
for (const id of ['only-flagged', 'show-all', 'threshold', 'search']) $(id).addEventListener('input', render);
$('sort').addEventListener('change', (e) => { sortBy = e.target.value; render(); });
for (const b of document.querySelectorAll('[data-op]')) b.addEventListener('click', () => run(b.dataset.op));
$('undo').addEventListener('click', () => step(undo, redo));
$('redo').addEventListener('click', () => step(redo, undo));
$('save').addEventListener('click', save);
$('discard').addEventListener('click', () => {
  if (!confirm('Discard every edit made in this page?')) return;
  localStorage.removeItem(STORE);
  pairs = fresh(); cur = 0; undo = []; redo = [];
  render();
  note('edits discarded');
});

// `#flagged` opens the page filtered; `#flag=merged` on one flag.
const hash = decodeURIComponent(location.hash.slice(1));
if (hash === 'flagged') $('only-flagged').checked = true;
if (hash.startsWith('flag=')) { flag = hash.slice(5); $('only-flagged').checked = true; }
if (load()) note('your earlier edits are back (' + undo.length + ' steps to undo)');
render();
