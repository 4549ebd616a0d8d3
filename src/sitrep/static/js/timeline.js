// Timeline: a histogram of the period (by day or week; click a bar to see those days, or drag across bars
// to zoom to them), then the entries, newest first by default, a page at a time, as a list by day or in
// lanes by actor or by event type; every filter is in the URL (#/timeline?actor=…&type=…&lanes=type).
// Each entry opens its evidence, its place on the map and its actors in the graph at its date.
import { api, eventBadge, evidenceHref, field, h, notice, PLOVER, qs, QUAD_LABELS, quadOf, select, snippet } from './dom.js';
import { exportLinks } from './exporting.js';
import { pager } from './search.js';

const PAGE = 100;
const MODALITIES = ['asserted', 'reported', 'future', 'hypothetical', 'historical', 'conditional', 'intended'];
const KEYS = ['actor', 'type', 'since', 'until', 'modality', 'min_confidence', 'negated', 'place', 'order', 'bucket',
  'lanes'];
const MAX_LANES = 12;

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
  const lanesSel = select('lanes', [['', 'a list by day'], ['type', 'lanes by event type'], ['actor', 'lanes by actor']],
    f.lanes);
  const state = () => ({ actor: actorIn.value.trim(), type: typeSel.value, since: sinceIn.value, until: untilIn.value,
    modality: modSel.value, min_confidence: confSel.value, negated: negIn.checked ? '1' : '', place: placeIn.value.trim(),
    order: orderSel.value, bucket: bucketSel.value, lanes: lanesSel.value });
  const go = () => { location.hash = '#/timeline' + qs(state()); };
  for (const el of [typeSel, modSel, confSel, negIn, orderSel, bucketSel, lanesSel]) el.addEventListener('change', go);
  root.append(h('h1', {}, 'Timeline'),
    h('datalist', { id: 'actor-names' }, actors.map(a => h('option', { value: a.name }))),
    h('form', { class: 'filters', id: 'timeline-filters', onsubmit: e => { e.preventDefault(); go(); } },
      field('Actor', actorIn), field('Type', typeSel), field('From', sinceIn), field('To', untilIn),
      field('Place', placeIn), field('Modality', modSel), field('Confidence', confSel),
      h('label', { class: 'field check' }, h('span', {}, 'Denials'), h('span', {}, negIn, ' include')),
      field('Order', orderSel), field('Histogram', bucketSel), field('Show', lanesSel),
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
  if (f.lanes) root.append(lanes(items, f.lanes));
  else {
    root.append(h('ol', { class: 'timeline', id: 'timeline' }, [...days.entries()].map(([day, its]) =>
      h('li', { class: 'day' }, h('h2', { class: 'day-head' }, day),
        h('ul', { class: 'day-items' }, its.map(item))))));
  }
  root.append(pager('#/timeline', state(), offset, items.length, total, PAGE));
}

const addDays = (iso, n) => { const d = new Date(iso + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10); };

function histogram(hist, f) {
  // one bar per day or week, stacked by quad class; a bar is a link to its days; dragging across bars
  // (the brush) zooms the whole page to their period
  const box = h('figure', { class: 'histogram', id: 'histogram' });
  if (!hist.length) return box;
  const max = Math.max(...hist.map(b => b.n));
  const weekly = f.bucket === 'week';
  const endOf = b => weekly ? addDays(b, 6) : b;
  const barEls = hist.map(b => {
    const label = `${weekly ? 'week of ' : ''}${b.bucket}: ${b.n} entr${b.n === 1 ? 'y' : 'ies'}`;
    return h('a', { class: 'hist-bar', role: 'listitem', title: label, 'aria-label': label, draggable: 'false',
      dataset: { bucket: b.bucket, n: b.n }, href: '#/timeline' + qs({ ...f, since: b.bucket, until: endOf(b.bucket), offset: '' }) },
    h('span', { class: 'hist-stack', style: { height: `${Math.max(4, (100 * b.n) / max)}%` } },
      Object.entries(b.quads).map(([q, n]) => h('span', { class: `hist-seg q-${q}`, style: { flexGrow: String(n) } }))));
  });
  const bars = h('div', { class: 'hist-bars', role: 'list' }, barEls);
  brush(bars, barEls, (i, j) => {
    location.hash = '#/timeline' + qs({ ...f, since: hist[i].bucket, until: endOf(hist[j].bucket), offset: '' });
  });
  const zoomed = f.since || f.until;
  box.append(bars, h('figcaption', { class: 'muted small' },
    `${hist.length} ${weekly ? 'week' : 'day'}(s) from ${hist[0].bucket} to ${hist[hist.length - 1].bucket}; ` +
    'click a bar for its entries, or drag across bars to zoom in. ',
    zoomed ? h('a', { href: '#/timeline' + qs({ ...f, since: '', until: '', offset: '' }), id: 'zoom-out' }, 'Whole period') : null,
    zoomed ? ' ' : null,
    h('span', { class: 'legend' }, Object.entries(QUAD_LABELS).map(([q, label]) =>
      h('span', { class: 'legend-item' }, h('span', { class: `dot q-${q}` }), label)))));
  return box;
}

function brush(container, barEls, done) {
  // press on a bar, drag to another, release: done(first, last) with the bars' indexes in order
  let from = null, to = null;
  const at = x => {
    let best = 0, bestD = Infinity;
    barEls.forEach((b, i) => { const r = b.getBoundingClientRect(); const d = Math.abs(x - (r.left + r.right) / 2);
      if (d < bestD) { best = i; bestD = d; } });
    return best;
  };
  const paint = () => barEls.forEach((b, i) => b.classList.toggle('brushed', from !== null &&
    i >= Math.min(from, to) && i <= Math.max(from, to)));
  container.addEventListener('dragstart', e => e.preventDefault());
  container.addEventListener('pointerdown', e => {
    if (e.button !== 0 || !e.target.closest('.hist-bar')) return;
    from = to = at(e.clientX);
  });
  container.addEventListener('pointermove', e => {
    if (from === null) return;
    if (!e.buttons) { from = to = null; paint(); return; }
    to = at(e.clientX);
    // captured only once the pointer has left the first bar, so a plain click stays the bar's click
    if (to !== from && !container.hasPointerCapture(e.pointerId)) container.setPointerCapture(e.pointerId);
    paint();
  });
  const end = e => {
    if (from === null) return;
    const [i, j] = [Math.min(from, to), Math.max(from, to)];
    from = to = null;
    paint();
    if (e.type === 'pointerup' && i !== j) {
      container.dataset.brushed = '1';  // the click that follows this release is not a bar's click
      done(i, j);
    }
  };
  container.addEventListener('pointerup', end);
  container.addEventListener('pointercancel', end);
  container.addEventListener('click', e => {
    if (container.dataset.brushed) { e.preventDefault(); delete container.dataset.brushed; }
  }, true);
}

function laneKeys(it, by) {
  if (by === 'type') return [[it.type, it.type]];
  const out = [];
  if (it.source_entity) out.push([it.source_entity, it.source_name || it.source_entity]);
  if (it.target_entity && it.target_entity !== it.source_entity) out.push([it.target_entity, it.target_name || it.target_entity]);
  return out.length ? out : [['', 'no known actor']];
}

function targetOf(it) {
  const first = it.sources[0];
  return it.kind === 'event' ? '#/evidence' + qs({ event: it.id })
    : first ? evidenceHref(first.article_id, first.start, first.end) : '#/timeline';
}

function lanes(items, by) {
  // one lane per event type (in PLOVER's order) or per actor (the busiest first); each entry a mark placed
  // on the page's period, linking to its evidence
  const groups = new Map();
  for (const it of items) {
    for (const [key, label] of laneKeys(it, by)) {
      if (!groups.has(key)) groups.set(key, { key, label, items: [] });
      groups.get(key).items.push(it);
    }
  }
  let rows = [...groups.values()];
  if (by === 'type') {
    const rank = t => { const i = PLOVER.indexOf(t); return i < 0 ? 99 : i; };
    rows.sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
  } else {
    rows.sort((a, b) => b.items.length - a.items.length || a.label.localeCompare(b.label));
    if (rows.length > MAX_LANES) {
      const rest = rows.slice(MAX_LANES - 1);
      const seen = new Set();
      const other = { key: '*', label: `${rest.length} other actors`, items: [] };
      for (const r of rest) for (const it of r.items) if (!seen.has(it.id)) { seen.add(it.id); other.items.push(it); }
      rows = rows.slice(0, MAX_LANES - 1).concat([other]);
    }
  }
  const dates = items.map(it => dayOf(it.date)).sort();
  const t0 = Date.parse(dates[0]), t1 = Date.parse(dates[dates.length - 1]);
  const pos = d => t1 > t0 ? (100 * (Date.parse(dayOf(d)) - t0)) / (t1 - t0) : 50;
  return h('figure', { class: 'lanes', id: 'lanes', dataset: { by } },
    h('figcaption', { class: 'muted small' }, `Lanes by ${by === 'type' ? 'event type' : 'actor'}, ` +
      `${dates[0]} (left) to ${dates[dates.length - 1]} (right); an entry opens its evidence.`),
    h('ul', { class: 'lane-list' }, rows.map(r => h('li', { class: 'lane', dataset: { key: r.key } },
      h('h2', { class: 'lane-head' }, by === 'actor' && r.key && r.key !== '*'
        ? h('a', { href: '#/timeline' + qs({ actor: r.key }) }, r.label) : r.label,
      h('span', { class: 'muted' }, ` ${r.items.length}`)),
      h('ol', { class: 'lane-track' }, byDay(r.items).map(its => laneMark(its, by, r.key, pos)))))));
}

function byDay(items) {
  const days = new Map();
  for (const it of items) { const d = dayOf(it.date); if (!days.has(d)) days.set(d, []); days.get(d).push(it); }
  return [...days.values()];
}

function laneMark(its, by, key, pos) {
  // one mark per lane and day: a single entry opens its evidence; several show their number and open that
  // day of the lane in the timeline
  const it = its[0];
  const quads = [...new Set(its.map(x => quadOf(x.type)))];
  const label = its.length === 1 ? `${it.date}: ${it.what}` : `${dayOf(it.date)}: ${its.length} entries — ` +
    its.slice(0, 4).map(x => x.what).join('; ') + (its.length > 4 ? '…' : '');
  const href = its.length === 1 ? targetOf(it) : '#/timeline' + qs({ since: dayOf(it.date), until: dayOf(it.date),
    [by === 'type' ? 'type' : 'actor']: key === '*' || !key ? '' : key });
  return h('li', { class: 'lane-item', style: { left: `${pos(it.date).toFixed(2)}%` } },
    h('a', { class: `lane-mark q-${quads.length === 1 ? quads[0] : 'relation'}${its.length > 1 ? ' many' : ''}` +
      `${it.kind === 'event denied' ? ' denied' : ''}`, href, title: label, 'aria-label': label,
    dataset: { date: dayOf(it.date), n: its.length } }, its.length > 1 ? String(its.length) : null));
}

function dayOf(d) {
  return d.length === 4 ? d + '-01-01' : d.length === 7 ? d + '-01' : d.slice(0, 10);
}

function item(it) {
  const target = targetOf(it);
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
  it.place_key ? [' · ', h('a', { href: '#/map' + qs({ place: it.place_key }), class: 'to-map' }, 'on the map')] : null,
  it.source_entity || it.target_entity ? [' · ', h('a', { class: 'to-graph', href: '#/graph' + qs({ at: dayOf(it.date),
    focus: it.source_entity || it.target_entity }) }, 'in the graph')] : null));
}
