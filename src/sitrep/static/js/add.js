// Add an article: paste text or load an HTML/text file, see the extracted document, store it.
import { api, ApiError, eventBadge, evidenceHref, field, h, notice, qs, snippet, table } from './dom.js';

const TOKEN_KEY = 'sitrep-token';

export async function render(root, _params, _arg, current) {
  const stats = await api('/stats');
  if (!current()) return;
  root.append(h('h1', {}, 'Add an article'));
  if (!stats.writable) {
    root.append(notice('This server has no SITREP_TOKEN, so it cannot extract or store articles. ' +
      'Restart it with SITREP_TOKEN=… sitrep serve to enable writing.', 'warn'));
  }
  const tokenIn = h('input', { type: 'password', name: 'token', autocomplete: 'off',
    value: sessionStorage.getItem(TOKEN_KEY) || '', placeholder: 'the server’s SITREP_TOKEN' });
  const titleIn = h('input', { type: 'text', name: 'title', placeholder: 'headline (optional)' });
  const dateIn = h('input', { type: 'date', name: 'published' });
  const sourceIn = h('input', { type: 'text', name: 'source', placeholder: 'outlet (optional)' });
  const textIn = h('textarea', { name: 'text', rows: 12, placeholder: 'Paste the article text here…' });
  const fileIn = h('input', { type: 'file', name: 'file', accept: '.html,.htm,.txt,text/html,text/plain' });
  const out = h('div', { id: 'result' });
  let html = null;  // the content of a loaded HTML file (sent as html, read on the server)
  fileIn.addEventListener('change', async () => {
    const file = fileIn.files[0];
    if (!file) return;
    const content = await file.text();
    if (/\.html?$/i.test(file.name) || /^\s*</.test(content)) {
      html = content;
      textIn.value = '';
      textIn.placeholder = `HTML file ${file.name} loaded (${content.length} characters); its main text is read on the server.`;
    } else {
      html = null;
      textIn.value = content;
    }
  });
  textIn.addEventListener('input', () => { if (textIn.value) html = null; });

  const body = () => {
    const b = { title: titleIn.value.trim() || null, published: dateIn.value || null,
      source: sourceIn.value.trim() || null };
    if (html !== null && !textIn.value.trim()) b.html = html; else b.text = textIn.value;
    return b;
  };
  const storedMessage = (res, doc) => {
    if (res.meta_updated) return [notice('Updated: ' + res.message, 'ok')];
    if (!res.stored) {
      const out = [notice(res.message, Object.keys(res.meta_differs || {}).length ? 'warn' : 'ok')];
      if (Object.keys(res.meta_differs || {}).length) {
        const upd = h('button', { type: 'button', id: 'update-meta', onclick: () => send('/articles?update_meta=true', upd) },
          'Update its metadata');
        out.push(h('p', {}, upd));
      }
      return out;
    }
    return [doc.article.published
      ? notice(`Stored. It is on the timeline on ${doc.article.published} and in the graph.`, 'ok')
      : notice('Stored, but without a publication date it is not on the timeline: give its date above and ' +
               'store it again to update it.', 'warn')];
  };
  const send = async (path, button) => {
    sessionStorage.setItem(TOKEN_KEY, tokenIn.value.trim());
    out.replaceChildren(h('p', { class: 'muted' }, path === '/extract' ? 'Extracting…' : 'Extracting and storing…'));
    button.disabled = true;
    try {
      const res = await api(path, { method: 'POST', body: body(), token: tokenIn.value.trim() });
      const doc = path === '/extract' ? res : res.document;
      out.replaceChildren(...[
        ...(path === '/extract' ? [notice('Extracted (not stored yet).')] : storedMessage(res, doc)),
        path === '/extract' ? null : h('p', {}, h('a', { href: '#/timeline' + qs({ since: doc.article.published,
          until: doc.article.published }) }, 'Timeline'), ' · ',
          h('a', { href: evidenceHref(doc.article.id) }, 'Open the article')),
        documentView(doc)].filter(Boolean));
      if (path !== '/extract' && window.sitrepRefreshStatus) window.sitrepRefreshStatus();
    } catch (err) {
      const hint = err instanceof ApiError && err.status === 401 ? ' Enter the server’s token above.' : '';
      out.replaceChildren(notice(err.message + hint, 'error'));
    } finally {
      button.disabled = false;
    }
  };
  const extractBtn = h('button', { type: 'button', id: 'extract', onclick: () => send('/extract', extractBtn) },
    'Extract (preview)');
  const storeBtn = h('button', { type: 'button', id: 'store', onclick: () => send('/articles', storeBtn) },
    'Extract and store');
  root.append(h('form', { class: 'add-form', onsubmit: e => e.preventDefault() },
    h('div', { class: 'row' }, field('Title', titleIn), field('Published', dateIn), field('Outlet', sourceIn)),
    field('Article text', textIn),
    h('div', { class: 'row' }, field('…or an HTML or text file', fileIn), field('Token', tokenIn)),
    h('div', { class: 'row buttons' }, extractBtn, storeBtn)), out);
}

function documentView(doc) {
  const a = doc.article;
  return h('section', { class: 'panel doc' },
    h('h2', { class: 'doc-title' }, a.title || '(untitled)'),
    h('p', { class: 'muted' }, `${a.source || 'unknown outlet'} · ${a.published || 'undated'} · id ${a.id} · ` +
      `${doc.actors.length} actors, ${doc.events.length} events, ${doc.quotes.length} quotes, ` +
      `${doc.claims.length} claims, ${doc.places.length} places`),
    doc.warnings.length ? notice('Warnings: ' + doc.warnings.join('; '), 'warn') : null,
    h('h3', {}, 'Events'),
    table([{ label: 'Type', render: e => eventBadge(e) },
      { label: 'Who', render: e => e.source ? e.source.text : '—' },
      { label: 'Whom', render: e => e.target ? e.target.text : '—' },
      { label: 'Date', key: 'date' }, { label: 'Modality', key: 'modality' },
      { label: 'Sentence', render: e => snippet(e.sentence.text, 160) }], doc.events),
    h('h3', {}, 'Actors'),
    h('p', { class: 'actor-chips' }, doc.actors.map(x => h('span', { class: 'chip' }, x.name,
      h('span', { class: 'muted' }, ' ' + x.kind)))),
    doc.quotes.length ? [h('h3', {}, 'Quotes'), h('ul', { class: 'facts' }, doc.quotes.map(q => h('li', {},
      h('strong', {}, q.speaker ? q.speaker.text : '?'), ': “', snippet(q.text, 200), '”')))] : null,
    doc.places.length ? [h('h3', {}, 'Places'), h('p', {}, doc.places.map(p => p.name).join(', '))] : null);
}
