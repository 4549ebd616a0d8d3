// Search: actors, events, quotes and places found by their words (GET /search), a page at a time.
import { api, evidenceHref, h, notice, qs, snippet, typeBadge } from './dom.js';
import { exportLinks } from './exporting.js';

const KINDS = [['', 'Everything'], ['actor', 'Actors'], ['event', 'Events'], ['quote', 'Quotes'], ['place', 'Places']];
const PAGE = 20;

export function hitHref(hit) {
  if (hit.kind === 'actor') return '#/actor/' + encodeURIComponent(hit.id);
  if (hit.kind === 'event') return '#/evidence' + qs({ event: hit.id });
  if (hit.kind === 'quote') return evidenceHref(hit.article_id, hit.start, hit.end);
  return '#/map' + qs({ place: hit.id });
}

export async function render(root, params, _arg, current) {
  const q = (params.get('q') || '').trim();
  const kind = params.get('kind') || '';
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  root.append(h('h1', {}, 'Search'));
  const input = h('input', { type: 'search', name: 'q', value: q, id: 'search-page-q', 'aria-label': 'Search for',
    placeholder: 'an actor, a place, words of an event or a quote' });
  root.append(h('form', { class: 'filters', role: 'search', onsubmit: e => {
    e.preventDefault(); location.hash = '#/search' + qs({ q: input.value.trim(), kind });
  } }, input, h('button', { type: 'submit' }, 'Search')));
  if (!q) { root.append(notice('Type a name or words above (or in the search box at the top of every page).')); return; }
  let res;
  try {
    res = await api('/search' + qs({ q, kind, limit: PAGE, offset }));
  } catch (err) {
    if (current()) root.append(notice(err.message, 'error'));
    return;
  }
  if (!current()) return;
  root.append(h('nav', { class: 'tabs', 'aria-label': 'Kinds of results' }, KINDS.map(([k, label]) => {
    const n = k ? res.by_kind[k] : Object.values(res.by_kind).reduce((a, b) => a + b, 0);
    return h('a', { href: '#/search' + qs({ q, kind: k }), class: k === kind ? 'tab active' : 'tab',
      'aria-current': k === kind ? 'page' : null }, `${label} (${n})`);
  })));
  if (!res.items.length) { root.append(notice(`Nothing found for “${q}”.`)); return; }
  root.append(h('p', { class: 'muted', id: 'search-count' },
    `${res.offset + 1}–${res.offset + res.items.length} of ${res.total}`), exportLinks('search', { q, kind }));
  root.append(h('ol', { class: 'hits', id: 'search-results', start: res.offset + 1 }, res.items.map(hit => h('li',
    { class: `hit hit-${hit.kind}`, dataset: { kind: hit.kind, id: hit.id } },
    h('span', { class: 'hit-kind' }, hit.kind), ' ',
    hit.kind === 'event' ? [typeBadge(hit.type), ' '] : null,
    h('a', { class: 'hit-label', href: hitHref(hit) }, hit.kind === 'quote' ? `${hit.label}: “${snippet(hit.detail, 140)}”`
      : hit.label),
    hit.date ? h('span', { class: 'muted' }, ' · ' + hit.date) : null,
    hit.kind !== 'quote' && hit.detail ? h('div', { class: 'hit-detail muted' }, snippet(hit.detail, 200)) : null))));
  root.append(pager('#/search', { q, kind }, res.offset, res.items.length, res.total, PAGE));
}

export function pager(base, params, offset, shown, total, size) {
  const prev = offset > 0 ? h('a', { class: 'button secondary', rel: 'prev',
    href: base + qs({ ...params, offset: Math.max(0, offset - size) || '' }) }, '← Previous') : null;
  const more = total == null ? shown >= size : offset + shown < total;
  const next = more ? h('a', { class: 'button secondary', rel: 'next',
    href: base + qs({ ...params, offset: offset + size }) }, 'Next →') : null;
  return h('nav', { class: 'pager', 'aria-label': 'Pages' }, prev, next,
    total != null ? h('span', { class: 'muted' }, ` page ${Math.floor(offset / size) + 1} of ${Math.max(1, Math.ceil(total / size))}`) : null);
}
