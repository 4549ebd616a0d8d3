// One actor's profile: a page (#/actor/ID) and a panel of the graph page.
import { api, eventBadge, evidenceHref, h, qs, snippet } from './dom.js';
import { correctionBox } from './correcting.js';

export function renderProfile(p, { compact = false } = {}) {
  const a = p.actor;
  const facts = [['Kind', a.kind], ['Country', a.country], ['Sector', a.sector], ['Wikidata', a.wikidata],
    ['Articles', a.n_articles], ['Mentions', a.n_mentions], ['Seen', `${a.first_seen || '?'} to ${a.last_seen || '?'}`]];
  const box = h('div', { class: 'profile' },
    h(compact ? 'h2' : 'h1', { class: 'actor-name' }, a.name),
    h('dl', { class: 'facts-dl' }, facts.filter(([, v]) => v != null && v !== '').map(([k, v]) =>
      [h('dt', {}, k), h('dd', {}, String(v))])),
    a.aliases.length ? h('p', {}, h('strong', {}, 'Also called: '), a.aliases.join(', ')) : null,
    a.roles.length ? h('p', {}, h('strong', {}, 'Roles: '), a.roles.join(', ')) : null);
  if (p.relations.length) {
    box.append(h('h3', {}, 'Relations'), h('ul', { class: 'facts' }, p.relations.map(r => h('li', {},
      `${r.subject_name || '?'} `, h('em', {}, r.type), ` ${r.object_name || '?'}`,
      r.since || r.until ? h('span', { class: 'muted' }, ` (${r.since || '?'} – ${r.until || ''})`) : null,
      (r.sources || []).length ? [' · ', (r.sources || []).map((src, i) => [i ? ', ' : '',
        h('a', { href: evidenceHref(src.article_id, src.start, src.end) }, src.outlet || 'source')])] : null))));
  }
  box.append(h('h3', {}, 'Events'), p.events.length ? h('ul', { class: 'facts' }, p.events.map(e => h('li', {},
    h('span', { class: 'muted' }, (e.date || '?') + ' '), eventBadge(e), ' ',
    h('a', { href: '#/evidence' + qs({ event: e.event_id }) },
      `${e.source_name || '?'} → ${e.target_name || '—'}: ${snippet(e.evidence, compact ? 90 : 160)}`))))
    : h('p', { class: 'muted' }, 'No events.'));
  if (p.quotes.length) {
    box.append(h('h3', {}, 'Quotes'), h('ul', { class: 'facts' }, p.quotes.map(q => h('li', {},
      h('a', { href: evidenceHref(q.article_id, q.start, q.end) }, `“${snippet(q.text, compact ? 100 : 200)}”`),
      h('span', { class: 'muted' }, ` — ${q.outlet || ''} ${q.published || ''}`)))));
  }
  box.append(h('h3', {}, 'Mentioned in'), h('ul', { class: 'facts' }, p.mentions.map(m => {
    const first = (m.mentions || [])[0];
    return h('li', {}, h('a', { href: first ? evidenceHref(m.article_id, first.start, first.end, { all: m.actor_id })
      : evidenceHref(m.article_id) }, `${m.outlet || 'article'} ${m.published || ''}`),
    h('span', { class: 'muted' }, ` as “${m.name}”, ${(m.mentions || []).length} mention(s)`));
  })));
  if (compact) box.append(h('p', {}, h('a', { href: '#/actor/' + encodeURIComponent(a.entity_id) }, 'Full profile →')));
  return box;
}

export async function render(root, _params, arg, current) {
  const p = await api('/actors/' + encodeURIComponent(arg || '') + '?limit=50');
  const made = await api('/corrections' + qs({ target: p.actor.entity_id }));
  if (!current()) return;
  root.append(h('p', {}, h('a', { href: '#/graph' }, '← Actor graph'), ' · ',
    h('a', { href: '#/timeline' + qs({ actor: p.actor.entity_id }) }, 'Timeline of this actor'), ' · ',
    h('a', { href: '#/graph' + qs({ focus: p.actor.entity_id }) }, 'In the graph')),
  renderProfile(p),
  h('section', { class: 'panel actor-corrections' },
    h('p', { class: 'muted small' }, 'A wrong name, kind or country is corrected here; a mention linked to the ' +
      'wrong actor is corrected from its article (“Mentioned in”).'),
    correctionBox({ kind: 'actor', targetId: p.actor.entity_id, made, current: p.actor })));
}
