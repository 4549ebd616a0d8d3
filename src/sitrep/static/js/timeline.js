// Timeline: a histogram of the period (by day or week; click a bar to see those days), then the entries,
// newest first by default, a page at a time; every filter is in the URL (#/timeline?actor=…&type=…).
import { api, eventBadge, evidenceHref, field, h, notice, PLOVER, qs, QUAD_LABELS, quadOf, select, snippet } from './dom.js';
import { exportLinks } from './exporting.js';
import { pager } from './search.js';

const PAGE = 100;
const MODALITIES = ['asserted', 'reported', 'future', 'hypothetical', 'historical', 'conditional', 'intended'];
const KEYS = ['actor', 'type', 'since', 'until', 'modality', 'min_confidence', 'negated', 'place', 'order', 'bucket'];

export function filtersOf(params) {
  const f = {};
  for (const k of KEYS) f[k] = params.get(k) || '';
  return f;
}

export async function render(root, params, _arg, current) {
  const f = filtersOf(params);
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const actors = await api('/actors?limit=500');
  if (!current()) return;
  const actorIn = h('input', { type: 'search', name: 'actor', list: 'actor-names', value: f.actor, placeholder: 'any actor' });
  const typeSel = select('type', [['', 'all types'], ...PLOVER], f.type);
  const sinceIn = h('input', { type: 'date', name: 'since', value: f.since });
  const untilIn = h('input', { type: 'date', name: 'until', value: f.until });
  const modSel = select('modality', [['', 'any modality'], ...MODALITIES], f.modality);
  const confSel = select('min_confidence', [['', 'any confidence'], ['0.5', '≥ 0.5'], ['0.7', '≥ 0.7'], ['0.9', '≥ 0.9']],
    f.min_confidence);
  const negIn = h('input', { type: 'checkbox', name: 'negated', checked: f.negated === '1' });
  const orderSel = select('order', [['', 'newest first'], ['oldest', 'oldest first']], f.order);
  const bucketSel = select('bucket', [['', 'by day'], ['week', 'by week']], f.bucket);
  const placeIn = h('input', { type: 'search', name: 'place', value: f.place, placeholder: 'any place', class: 'narrow-wide' });
  const state = () => ({ actor: actorIn.value.trim(), type: typeSel.value, since: sinceIn.value, until: untilIn.value,
    modality: modSel.value, min_confidence: confSel.value, negated: negIn.checked ? '1' : '', place: placeIn.value.trim(),
    order: orderSel.value, bucket: bucketSel.value });
  const go = () => { location.hash = '#/timeline' + qs(state()); };
  for (const el of [typeSel, modSel, confSel, negIn, orderSel, bucketSel]) el.addEventListener('change', go);
  root.append(h('h1', {}, 'Timeline'),
    h('datalist', { id: 'actor-names' }, actors.map(a => h('option', { value: a.name }))),
    h('form', { class: 'filters', id: 'timeline-filters', onsubmit: e => { e.preventDefault(); go(); } },
      field('Actor', actorIn), field('Type', typeSel), field('From', sinceIn), field('To', untilIn),
      field('Place', placeIn), field('Modality', modSel), field('Confidence', confSel),
      h('label', { class: 'field check' }, h('span', {}, 'Denials'), h('span', {}, negIn, ' include')),
      field('Order', orderSel), field('Histogram', bucketSel),
      h('button', { type: 'submit' }, 'Filter'), h('a', { class: 'button secondary', href: '#/timeline' }, 'Reset')));

  const query = { actor: f.actor, type: f.type, since: f.since, until: f.until, modality: f.modality,
    min_confidence: f.min_confidence, negated: f.negated ? 'true' : '', place: f.place };
  let items, hist;
  try {
    [items, hist] = await Promise.all([
      api('/timeline' + qs({ ...query, order: f.order === 'oldest' ? 'oldest' : 'newest', limit: PAGE, offset })),
      api('/timeline/histogram' + qs({ ...query, bucket: f.bucket || 'day' }))]);
  } catch (err) {
    if (current()) root.append(notice(err.message, 'error'));
    return;
  }
  if (!current()) return;
  const total = hist.reduce((a, b) => a + b.n, 0);
  root.append(histogram(hist, f), exportLinks('timeline', query));
  if (!items.length) { root.append(notice('Nothing on the timeline for these filters.')); return; }
  const days = new Map();
  for (const it of items) { if (!days.has(it.date)) days.set(it.date, []); days.get(it.date).push(it); }
  root.append(h('p', { class: 'muted', id: 'timeline-count' },
    `Entries ${offset + 1}–${offset + items.length} of ${total}, on ${days.size} day(s) on this page.`));
  root.append(h('ol', { class: 'timeline', id: 'timeline' }, [...days.entries()].map(([day, its]) =>
    h('li', { class: 'day' }, h('h2', { class: 'day-head' }, day),
      h('ul', { class: 'day-items' }, its.map(item))))));
  root.append(pager('#/timeline', state(), offset, items.length, total, PAGE));
}

function histogram(hist, f) {
  // one bar per day or week, stacked by quad class; a bar is a link to its days
  const box = h('figure', { class: 'histogram', id: 'histogram' });
  if (!hist.length) return box;
  const max = Math.max(...hist.map(b => b.n));
  const weekly = f.bucket === 'week';
  const addDays = (iso, n) => { const d = new Date(iso + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10); };
  const bars = h('div', { class: 'hist-bars', role: 'list' }, hist.map(b => {
    const until = weekly ? addDays(b.bucket, 6) : b.bucket;
    const label = `${weekly ? 'week of ' : ''}${b.bucket}: ${b.n} entr${b.n === 1 ? 'y' : 'ies'}`;
    return h('a', { class: 'hist-bar', role: 'listitem', title: label, 'aria-label': label, dataset: { bucket: b.bucket, n: b.n },
      href: '#/timeline' + qs({ ...f, since: b.bucket, until, offset: '' }) },
    h('span', { class: 'hist-stack', style: { height: `${Math.max(4, (100 * b.n) / max)}%` } },
      Object.entries(b.quads).map(([q, n]) => h('span', { class: `hist-seg q-${q}`, style: { flexGrow: String(n) } }))));
  }));
  box.append(bars, h('figcaption', { class: 'muted small' },
    `${hist.length} ${weekly ? 'week' : 'day'}(s) from ${hist[0].bucket} to ${hist[hist.length - 1].bucket}; ` +
    'click a bar for its entries. ',
    h('span', { class: 'legend' }, Object.entries(QUAD_LABELS).map(([q, label]) =>
      h('span', { class: 'legend-item' }, h('span', { class: `dot q-${q}` }), label)))));
  return box;
}

function item(it) {
  const first = it.sources[0];
  const target = it.kind === 'event' ? '#/evidence' + qs({ event: it.id })
    : first ? evidenceHref(first.article_id, first.start, first.end) : '#/timeline';
  const precise = it.date_text && it.date_text.length < 10 ? ` (the text says ${it.date_text})` : '';
  return h('li', { class: `entry ${it.kind === 'event' ? 'event' : it.kind === 'event denied' ? 'event denied' : 'relation'}`,
    dataset: { id: it.id, quad: quadOf(it.type) } },
  h('div', { class: 'entry-head' }, eventBadge(it), ' ',
    h('a', { class: 'entry-what', href: target }, it.what),
    it.kind !== 'event' ? h('span', { class: 'muted' }, ` (${it.kind})`) : null,
    h('span', { class: 'muted' }, ` · ${it.n_sources || it.sources.length || 0} outlet(s)${precise}`)),
  it.evidence ? h('div', { class: 'entry-evidence' }, snippet(it.evidence, 260)) : null,
  h('div', { class: 'sources' }, 'Sources: ', it.sources.length ? it.sources.map((s, i) => [i ? ', ' : '',
    h('a', { href: evidenceHref(s.article_id, s.start, s.end) }, `${s.outlet || 'article'} ${s.published || ''}`)])
    : h('span', { class: 'muted' }, 'none recorded'),
  it.place_key ? [' · ', h('a', { href: '#/map' + qs({ place: it.place_key }), class: 'to-map' }, 'on the map')] : null));
}
