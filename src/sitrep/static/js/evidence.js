// Evidence: an article with a fact's span highlighted, and every fact of the article to jump to.
import { api, ApiError, eventBadge, evidenceHref, h, notice, qs, snippet, table } from './dom.js';
import { actorNames, correctionBox } from './correcting.js';
import { pager } from './search.js';

const PAGE = 100;

export async function render(root, params, _arg, current) {
  const eventId = params.get('event');
  let articleId = params.get('article');
  let start = params.has('start') ? Number(params.get('start')) : null;
  let end = params.has('end') ? Number(params.get('end')) : null;
  let eventDetail = null;
  if (eventId) {
    try {
      eventDetail = await api('/events/' + encodeURIComponent(eventId));
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
      const made = await api('/corrections' + qs({ target: eventId }));
      if (!current()) return;
      root.append(h('h1', {}, 'Evidence'), notice(made.some(c => c.action === 'wrong')
        ? `Event ${eventId} was marked wrong: ` + made.filter(c => c.action === 'wrong').map(c =>
          `by ${c.author} on ${c.created_at}${c.note ? ' (' + c.note + ')' : ''}`).join('; ')
        : `No event ${eventId}.`, 'warn'), correctionBox({ kind: 'event', targetId: eventId, made, withdrawOnly: true }));
      return;
    }
    const rep = eventDetail.reports[Number(params.get('report') || 0)] || eventDetail.reports[0];
    if (rep && !articleId) { articleId = rep.article_id; start = rep.start; end = rep.end; }
  }
  if (!current()) return;
  root.append(h('h1', {}, 'Evidence'));
  if (!articleId) { await listArticles(root, current, Math.max(0, parseInt(params.get('offset') || '0', 10) || 0)); return; }
  const doc = await api('/articles/' + encodeURIComponent(articleId));
  if (!current()) return;
  const a = doc.article;
  const text = doc.text || '';
  const quoteId = params.get('quote');
  const actorId = params.get('all');
  const target = eventDetail ? eventDetail.event.event_id : quoteId ? `${a.id}:${quoteId}` : actorId ? `${a.id}:${actorId}` : null;
  if (target) {
    const [made, names, links] = await Promise.all([api('/corrections' + qs({ target })), actorNames(),
      actorId && !eventDetail ? api(`/articles/${encodeURIComponent(a.id)}/links`) : Promise.resolve([])]);
    if (!current()) return;
    root.append(names);
    if (eventDetail) root.append(eventPanel(eventDetail, articleId, made));
    else if (quoteId) root.append(quotePanel(doc, quoteId, made));
    else root.append(linkPanel(doc, links.find(l => l.actor_id === actorId), actorId, made));
  }

  const extra = [];
  if (actorId) {
    const actor = doc.actors.find(x => x.id === actorId);
    for (const m of (actor ? actor.mentions : [])) extra.push([m.start, m.end]);
  }
  const body = h('div', { class: 'article-text', id: 'article-text', tabindex: 0, role: 'region',
    'aria-label': 'Article text' });
  fillText(body, text, start, end, extra);
  root.append(h('div', { class: 'evidence-wrap' },
    h('article', { class: 'panel article' },
      h('h2', { class: 'article-title' }, a.title || '(untitled article)'),
      h('p', { class: 'muted' }, [a.source || 'unknown outlet', a.published || 'undated', `id ${a.id}`].join(' · ')),
      start != null && end != null && end <= text.length
        ? h('p', { class: 'quoted' }, 'Highlighted: ', h('q', {}, snippet(text.slice(start, end), 300))) : null,
      body),
    h('aside', { class: 'side facts-side' }, factsOf(doc))));
  const mark = body.querySelector('mark.main') || body.querySelector('mark');
  if (mark) body.scrollTop = Math.max(0, mark.offsetTop - body.clientHeight / 3);
}

export function fillText(el, text, start, end, extra = []) {
  // the text as text nodes, with <mark> around the spans; overlapping spans are merged
  const spans = [];
  const valid = (s, e) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e > s && e <= text.length;
  if (valid(start, end)) spans.push([start, end, 'main']);
  for (const [s, e] of extra) if (valid(s, e) && !(s === start && e === end)) spans.push([s, e, 'also']);
  spans.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  let pos = 0;
  for (const [s, e, cls] of spans) {
    if (s < pos) continue;
    el.append(document.createTextNode(text.slice(pos, s)));
    el.append(h('mark', { class: cls }, text.slice(s, e)));
    pos = e;
  }
  el.append(document.createTextNode(text.slice(pos)));
}

function eventPanel(d, articleId, made = []) {
  const e = d.event;
  return h('section', { class: 'panel event-panel' },
    h('h2', {}, eventBadge(e), ' ', `${e.source_name || '?'} → ${e.target_name || '—'}`,
      e.place_name ? ` in ${e.place_name}` : ''),
    h('p', { class: 'muted' }, `${e.date || 'undated'} · ${e.modality || ''}${e.negated ? ' · negated' : ''} · ` +
      `${e.n_reports} report(s) from ${e.n_sources} outlet(s)`),
    h('ul', { class: 'facts' }, d.reports.map((r, i) => h('li', { class: r.article_id === articleId ? 'current' : '' },
      h('a', { href: '#/evidence' + qs({ event: e.event_id, report: i }) }, `${r.outlet || 'article'} ${r.published || ''}`),
      ': ', snippet(r.text, 160)))),
    d.reports.length > 1 ? h('p', { class: 'muted small' }, d.rule) : null,
    correctionBox({ kind: 'event', targetId: e.event_id, made, current: e }));
}

function quotePanel(doc, quoteId, made) {
  // one quote of the article: its speaker as extracted, and its corrections
  const q = doc.quotes.find(x => x.id === quoteId);
  if (!q) return notice(`No quote ${quoteId} in this article.`, 'warn');
  return h('section', { class: 'panel event-panel quote-panel' },
    h('h2', {}, `Quote ${q.id}: ${q.speaker ? q.speaker.text : 'unknown speaker'}`),
    h('p', {}, h('q', {}, snippet(q.text, 300))),
    h('p', { class: 'muted' }, `${q.kind} quote${q.cue ? ', cue “' + q.cue + '”' : ''}`),
    correctionBox({ kind: 'quote', targetId: `${doc.article.id}:${q.id}`, made }));
}

function linkPanel(doc, link, actorId, made) {
  // one actor of the article and the identity it is linked to across articles
  const x = doc.actors.find(y => y.id === actorId);
  if (!x) return notice(`No actor ${actorId} in this article.`, 'warn');
  const to = link && link.entity_id;
  return h('section', { class: 'panel event-panel link-panel' },
    h('h2', {}, `“${x.name}” in this article`),
    h('p', { id: 'link-now' }, 'Linked to ', to ? h('a', { href: '#/actor/' + encodeURIComponent(to) }, link.entity_name || to)
      : 'no actor', link && link.rule ? h('span', { class: 'muted' }, ` (${link.rule})`) : null),
    correctionBox({ kind: 'link', targetId: `${doc.article.id}:${x.id}`, made }));
}

function factsOf(doc) {
  const box = h('div', {});
  const link = (s, e, label) => h('a', { href: evidenceHref(doc.article.id, s, e) }, label);
  box.append(h('h3', {}, `Events (${doc.events.length})`), h('ul', { class: 'facts' }, doc.events.map(e => h('li', {},
    eventBadge(e), ' ', link(e.sentence.start, e.sentence.end,
      `${e.source ? e.source.text : '?'} → ${e.target ? e.target.text : '—'}`),
    ))));
  box.append(h('h3', {}, `Quotes (${doc.quotes.length})`), h('ul', { class: 'facts' }, doc.quotes.map(q => h('li', {},
    h('strong', {}, q.speaker ? q.speaker.text : '?'), ': ',
    h('a', { href: evidenceHref(doc.article.id, q.start, q.end, { quote: q.id }) }, `“${snippet(q.text, 80)}”`)))));
  if (doc.claims.length) {
    box.append(h('h3', {}, `Claims (${doc.claims.length})`), h('ul', { class: 'facts' }, doc.claims.map(c => h('li', {},
      link(c.start, c.end, `${c.subject.text}: ${c.property} ${c.approx ? '~' : ''}${c.value}`)))));
  }
  box.append(h('h3', {}, `Actors (${doc.actors.length})`), h('ul', { class: 'facts cols' }, doc.actors.map(x => {
    const m = x.mentions[0];
    return h('li', {}, m ? h('a', { href: evidenceHref(doc.article.id, m.start, m.end, { all: x.id }) }, x.name) : x.name,
      h('span', { class: 'muted' }, ` ${x.kind}`));
  })));
  return box;
}

async function listArticles(root, current, offset) {
  const [page, stats] = await Promise.all([api('/articles' + qs({ limit: PAGE, offset })), api('/stats')]);
  if (!current()) return;
  const total = stats.counts.articles;
  root.append(h('p', {}, 'Choose an article, or open a fact from another page: its evidence is highlighted here.'),
    h('p', { class: 'muted', id: 'article-count' },
      page.items.length ? `Articles ${offset + 1}–${offset + page.items.length} of ${total}, newest first.` : 'No articles on this page.'),
    table([{ label: 'Published', key: 'published', cls: 'nowrap' },
      { label: 'Title', render: r => h('a', { href: evidenceHref(r.id) }, r.title || r.id) },
      { label: 'Outlet', key: 'source' }, { label: 'Events', key: 'n_events', cls: 'num' },
      { label: 'Quotes', key: 'n_quotes', cls: 'num' }], page.items),
    pager('#/evidence', {}, offset, page.items.length, total, PAGE));
}
