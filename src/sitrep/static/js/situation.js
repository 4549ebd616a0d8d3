// Situation: the report of a period, with counts by event type.
import { api, eventBadge, evidenceHref, field, h, notice, qs, snippet, table } from './dom.js';
import { exportLinks } from './exporting.js';

const COUNT_LABELS = [['articles', 'Articles'], ['sources', 'Outlets'], ['actors', 'Actors'], ['events', 'Events'],
  ['multi_source_events', 'Events with 2+ outlets'], ['quotes', 'Quotes'], ['claims', 'Claims'],
  ['relations', 'Relations'], ['contradictions', 'Contradictions']];

export async function render(root, params, _arg, current) {
  const since = params.get('since') || '', until = params.get('until') || '';
  const sinceIn = h('input', { type: 'date', name: 'since', value: since });
  const untilIn = h('input', { type: 'date', name: 'until', value: until });
  const form = h('form', { class: 'filters', onsubmit: e => {
    e.preventDefault();
    location.hash = '#/situation' + qs({ since: sinceIn.value, until: untilIn.value });
  } }, field('From', sinceIn), field('To', untilIn), h('button', { type: 'submit' }, 'Show period'),
  h('a', { href: '#/situation', class: 'button secondary' }, 'All dates'));
  root.append(h('h1', {}, 'Situation'), form);

  const period = { since, until };
  const [rep, evs, quotes, claims, contradictions] = await Promise.all([
    api('/report' + qs(period)), api('/events' + qs({ ...period, limit: 25 })),
    api('/quotes' + qs({ ...period, limit: 8 })), api('/claims' + qs({ ...period, limit: 10 })),
    api('/contradictions')]);
  if (!current()) return;
  const a = rep.articles;
  root.append(h('p', { class: 'lede' }, a.count
    ? `${a.count} articles from ${a.sources} outlets, published ${a.first || '?'} to ${a.last || '?'}.`
    : 'No articles in this period. Add one on the "Add an article" page, or run `sitrep demo --db FILE`.'));

  root.append(h('div', { class: 'cards' }, COUNT_LABELS.map(([k, label]) =>
    h('div', { class: 'card', dataset: { count: k } }, h('div', { class: 'num' }, String(rep.counts[k] ?? 0)),
      h('div', { class: 'label' }, label)))));

  const types = Object.entries(rep.by_type);
  const max = Math.max(1, ...types.map(([, n]) => n));
  root.append(h('div', { class: 'two' },
    h('section', { class: 'panel' }, h('h2', {}, 'Events by type'),
      types.length ? h('div', { class: 'bars', id: 'by-type' }, types.map(([t, n]) =>
        h('a', { class: 'bar-row', href: '#/timeline' + qs({ type: t, ...period }), title: `${n} ${t} events` },
          h('span', { class: 'bar-label' }, t),
          h('span', { class: 'bar' }, h('span', { class: 'bar-fill', style: { width: `${(100 * n) / max}%` } })),
          h('span', { class: 'bar-n' }, String(n))))) : notice('No events in this period.')),
    h('section', { class: 'panel' }, h('h2', {}, 'Actors that matter most'),
      table([
        { label: 'Actor', render: r => h('a', { href: '#/actor/' + encodeURIComponent(r.name) }, r.name) },
        { label: 'Kind', key: 'kind' }, { label: 'Country', key: 'country' },
        { label: 'Articles', key: 'articles', cls: 'num' }, { label: 'Mentions', key: 'mentions', cls: 'num' }],
      rep.actors.slice(0, 12)))));

  const eventCols = [
    { label: 'Date', key: 'date', cls: 'nowrap' },
    { label: 'Event', render: r => eventBadge(r) },
    { label: 'Who', render: r => r.source_name || '—' }, { label: 'Whom', render: r => r.target_name || '—' },
    { label: 'Where', render: r => r.place_name || '' },
    { label: 'Evidence', render: r => h('a', { href: '#/evidence' + qs({ event: r.event_id }), class: 'evidence-link' },
      snippet(r.evidence, 140)) },
    { label: 'Outlets', render: r => `${r.n_sources} (${(r.outlets || []).join(', ')})` }];
  if (rep.top_events.length) {
    root.append(h('section', { class: 'panel' }, h('h2', {}, 'Events more than one outlet reports'),
      table(eventCols, rep.top_events)));
  }
  root.append(h('section', { class: 'panel' }, h('h2', {}, 'Latest events'), table(eventCols, evs.items),
    h('p', {}, h('a', { href: '#/timeline' + qs(period) }, 'All of them on the timeline →')),
    exportLinks('events', period, ['csv', 'json', 'geojson'])));

  root.append(h('div', { class: 'two' },
    h('section', { class: 'panel' }, h('h2', {}, 'Quotes'),
      h('ul', { class: 'facts' }, quotes.map(q => h('li', {},
        h('strong', {}, q.speaker || '(unattributed)'), ': ',
        h('a', { href: evidenceHref(q.article_id, q.start, q.end) }, `“${snippet(q.text, 160)}”`),
        h('span', { class: 'muted' }, ` — ${q.outlet || ''} ${q.published || ''}`))))),
    h('section', { class: 'panel' }, h('h2', {}, 'Claims'),
      table([
        { label: 'Subject', key: 'subject_text' }, { label: 'Property', key: 'property' },
        { label: 'Value', cls: 'num', render: r => (r.approx ? '~' : '') + Number(r.value).toLocaleString('en') +
            (r.value_max ? '–' + Number(r.value_max).toLocaleString('en') : '') },
        { label: 'Evidence', render: r => h('a', { href: evidenceHref(r.article_id, r.start, r.end) },
            snippet(r.text, 60)) }], claims.items))));

  // contradictions whose later report falls in the period, each side opening its evidence
  const contra = contradictions.filter(c => (!since || (c.published_b || '') >= since) &&
    (!until || (c.published_a || '9') <= until));
  const side = (c, k) => h('a', { href: evidenceHref(c['article_' + k], c['start_' + k], c['end_' + k]) },
    snippet(c['text_' + k] || c['claim_' + k], 120));
  root.append(h('section', { class: 'panel' }, h('h2', {}, 'Contradictions'),
    contra.length ? table([{ label: 'Reason', key: 'reason' }, { label: 'One says', render: c => side(c, 'a') },
      { label: 'Another says', render: c => side(c, 'b') },
      { label: 'Sources', render: c => c.scope === 'article' ? `${c.outlet_a || ''} (same article)`
        : `${c.outlet_a || ''} ${c.published_a || ''} / ${c.outlet_b || ''} ${c.published_b || ''}` },
      { label: '', render: c => h('a', { class: 'compare', href: '#/contradictions' + qs({ n: contradictions.indexOf(c) }) },
        'Compare') }], contra)
      : h('p', { class: 'muted' }, 'No contradictions found.')));
}
