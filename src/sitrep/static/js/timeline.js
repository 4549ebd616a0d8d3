// Timeline: events (and relation changes) by day, filtered by actor and type, each with its sources.
import { api, evidenceHref, field, h, notice, PLOVER, qs, select, snippet, typeBadge } from './dom.js';

export async function render(root, params, _arg, current) {
  const f = { actor: params.get('actor') || '', type: params.get('type') || '', since: params.get('since') || '',
    until: params.get('until') || '' };
  const actors = await api('/actors?limit=300');
  if (!current()) return;
  const actorIn = h('input', { type: 'search', name: 'actor', list: 'actor-names', value: f.actor,
    placeholder: 'any actor' });
  const typeSel = select('type', [['', 'all types'], ...PLOVER], f.type);
  const sinceIn = h('input', { type: 'date', name: 'since', value: f.since });
  const untilIn = h('input', { type: 'date', name: 'until', value: f.until });
  const go = () => { location.hash = '#/timeline' + qs({ actor: actorIn.value.trim(), type: typeSel.value,
    since: sinceIn.value, until: untilIn.value }); };
  typeSel.addEventListener('change', go);
  root.append(h('h1', {}, 'Timeline'),
    h('datalist', { id: 'actor-names' }, actors.map(a => h('option', { value: a.name }))),
    h('form', { class: 'filters', onsubmit: e => { e.preventDefault(); go(); } },
      field('Actor', actorIn), field('Type', typeSel), field('From', sinceIn), field('To', untilIn),
      h('button', { type: 'submit' }, 'Filter'), h('a', { class: 'button secondary', href: '#/timeline' }, 'Reset')));

  let items;
  try {
    items = await api('/timeline' + qs({ ...f, limit: 500 }));
  } catch (err) {
    if (current()) root.append(notice(err.message, 'error'));
    return;
  }
  if (!current()) return;
  if (!items.length) { root.append(notice('Nothing on the timeline for these filters.')); return; }
  const days = new Map();
  for (const it of items) { if (!days.has(it.date)) days.set(it.date, []); days.get(it.date).push(it); }
  root.append(h('p', { class: 'muted' }, `${items.length} entries on ${days.size} days.`));
  root.append(h('ol', { class: 'timeline', id: 'timeline' }, [...days.entries()].map(([day, its]) =>
    h('li', { class: 'day' }, h('h2', { class: 'day-head' }, day),
      h('ul', { class: 'day-items' }, its.map(item))))));
}

function item(it) {
  const first = it.sources[0];
  const target = it.kind === 'event' ? '#/evidence' + qs({ event: it.id })
    : first ? evidenceHref(first.article_id, first.start, first.end) : '#/timeline';
  return h('li', { class: `entry ${it.kind === 'event' ? 'event' : 'relation'}`, dataset: { id: it.id } },
    h('div', { class: 'entry-head' }, typeBadge(it.type), ' ',
      h('a', { class: 'entry-what', href: target }, it.what),
      it.kind !== 'event' ? h('span', { class: 'muted' }, ` (${it.kind})`) : null,
      h('span', { class: 'muted' }, ` · ${it.n_sources || it.sources.length || 0} outlet(s)`)),
    it.evidence ? h('div', { class: 'entry-evidence' }, snippet(it.evidence, 260)) : null,
    h('div', { class: 'sources' }, 'Sources: ', it.sources.length ? it.sources.map((s, i) => [i ? ', ' : '',
      h('a', { href: evidenceHref(s.article_id, s.start, s.end) }, `${s.outlet || 'article'} ${s.published || ''}`)])
      : h('span', { class: 'muted' }, 'none recorded')));
}
