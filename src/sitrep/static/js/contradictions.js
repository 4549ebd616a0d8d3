// Contradictions: claims that disagree, each opened side by side -- both sentences highlighted in their
// articles, with both outlets and dates.
import { api, evidenceHref, h, notice, qs, snippet, table } from './dom.js';
import { fillText } from './evidence.js';
import { exportLinks } from './exporting.js';

export async function render(root, params, _arg, current) {
  const rows = await api('/contradictions');
  if (!current()) return;
  root.append(h('h1', {}, 'Contradictions'));
  const n = params.has('n') ? Number(params.get('n')) : null;
  if (n != null && rows[n]) {
    await compare(root, rows[n], n, rows.length, current);
    return;
  }
  root.append(h('p', {}, `${rows.length} pair(s) of claims that disagree beyond their hedges, within one article or ` +
    'across articles. Compare one to read both sources side by side.'), exportLinks('contradictions', {}));
  root.append(h('section', { class: 'panel' }, table([
    { label: 'Reason', key: 'reason' },
    { label: 'One says', render: c => `${snippet(c.text_a, 90)} (${c.outlet_a || '?'} ${c.published_a || ''})` },
    { label: 'Another says', render: c => `${snippet(c.text_b, 90)} (${c.outlet_b || '?'} ${c.published_b || ''})` },
    { label: '', render: c => h('a', { class: 'compare', href: '#/contradictions' + qs({ n: rows.indexOf(c) }) },
      'Compare side by side') }], rows)));
}

async function compare(root, c, n, total, current) {
  const [a, b] = await Promise.all([api('/articles/' + encodeURIComponent(c.article_a)),
    c.article_b === c.article_a ? null : api('/articles/' + encodeURIComponent(c.article_b))]);
  if (!current()) return;
  root.append(h('p', {}, h('a', { href: '#/contradictions' }, '← All contradictions'), ` · ${n + 1} of ${total}`,
    n > 0 ? [' · ', h('a', { href: '#/contradictions' + qs({ n: n - 1 }) }, 'previous')] : null,
    n + 1 < total ? [' · ', h('a', { href: '#/contradictions' + qs({ n: n + 1 }) }, 'next')] : null),
  notice(`${c.reason || 'These claims disagree'}${c.scope === 'article' ? ' (within one article)' : ''}`, 'warn'));
  const side = (doc, which) => {
    const art = doc.article, text = doc.text || '';
    const start = c['start_' + which], end = c['end_' + which];
    const body = h('div', { class: 'article-text', tabindex: 0, role: 'region', 'aria-label': `Article ${which.toUpperCase()}` });
    fillText(body, text, start, end);
    return h('article', { class: `panel article compare-side side-${which}`, dataset: { article: art.id } },
      h('p', { class: 'compare-label' }, which === 'a' ? 'One says' : 'Another says'),
      h('h2', { class: 'compare-claim' }, `“${c['text_' + which] || c['claim_' + which]}”`),
      h('p', { class: 'muted compare-source' }, `${art.source || 'unknown outlet'} · ${art.published || 'undated'}`),
      h('h3', { class: 'article-title' }, art.title || '(untitled article)'),
      body,
      h('p', {}, h('a', { href: evidenceHref(art.id, start, end) }, 'Open in Evidence')));
  };
  const grid = h('div', { class: 'compare-grid', id: 'compare' }, side(a, 'a'), side(b || a, 'b'));
  root.append(grid);
  for (const body of grid.querySelectorAll('.article-text')) {
    const mark = body.querySelector('mark.main');
    if (mark) body.scrollTop = Math.max(0, mark.offsetTop - body.clientHeight / 3);
  }
}
