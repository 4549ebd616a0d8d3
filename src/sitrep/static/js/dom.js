// DOM and API helpers. Every piece of data goes into the page as text (textContent / attribute
// values via setAttribute); nothing is ever parsed as HTML, and links are only ever internal.

export function safeHref(value) {
  const v = String(value ?? '');
  return v.startsWith('#/') ? v : '#/';
}

// the one kind of link that leaves the hash routes: a file the API exports (same origin, fixed path)
export function download(path, label) {
  const p = String(path ?? '');
  const a = h('a', { class: 'download', download: '' }, label);
  if (/^\/export\/[a-z]+\.(csv|json|geojson)(\?|$)/.test(p)) a.setAttribute('href', p);
  return a;
}

export function append(el, kids) {
  for (const kid of kids.flat(Infinity)) {
    if (kid == null || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

export function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'href') el.setAttribute('href', safeHref(v));
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  return append(el, kids);
}

export function clear(el) { el.replaceChildren(); return el; }

export class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

export async function api(path, { method = 'GET', body, token } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = 'Bearer ' + token;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let data = null;
  try { data = await res.json(); } catch (_) { data = null; }
  if (!res.ok) {
    const err = (data && data.error) || {};
    throw new ApiError(res.status, err.code || 'error', err.message || `${res.status} ${res.statusText}`);
  }
  return data;
}

export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, v);
  const s = u.toString();
  return s ? '?' + s : '';
}

export function evidenceHref(articleId, start, end, extra = {}) {
  return '#/evidence' + qs({ article: articleId, start, end, ...extra });
}

export function notice(text, kind = 'info') {
  return h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function snippet(text, n = 180) {
  const t = String(text ?? '').replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : t.slice(0, n - 1).trimEnd() + '…';
}

export const KIND_COLOURS = {
  state: '#2f6db5', organization: '#7b5cc4', armed_group: '#c0392b', person: '#e08a1e', igo: '#1f9d8b',
  media: '#6c7a89', group: '#b5657d', other: '#98a3ad', place: '#5a9e3a',
};
const PALETTE = ['#2f6db5', '#c0392b', '#1f9d8b', '#e08a1e', '#7b5cc4', '#5a9e3a', '#b5657d', '#8d6e3f',
  '#d35400', '#2c3e50', '#16a085', '#a93226'];
export function colourFor(value) {
  if (!value) return '#98a3ad';
  let n = 0;
  for (const ch of String(value)) n = (n * 31 + ch.codePointAt(0)) >>> 0;
  return PALETTE[n % PALETTE.length];
}

// PLOVER's quad classes (data/plover.yaml; a test checks this copy): one colour each, white text at
// WCAG AA contrast (>= 4.5:1), set in app.css as .badge.q-<quad>
export const QUADS = {
  verbal_cooperation: ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE'],
  material_cooperation: ['COOPERATE', 'AID', 'RETREAT'],
  verbal_conflict: ['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN'],
  material_conflict: ['PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'],
};
export const QUAD_LABELS = { verbal_cooperation: 'verbal cooperation', material_cooperation: 'material cooperation',
  verbal_conflict: 'verbal conflict', material_conflict: 'material conflict', relation: 'relation' };
export function quadOf(type) {
  for (const [q, types] of Object.entries(QUADS)) if (types.includes(type)) return q;
  return 'relation';
}

export function typeBadge(type) {
  const q = quadOf(type);
  return h('span', { class: `badge q-${q}`, title: QUAD_LABELS[q] }, type);
}

// how sure the extraction is: confidence, modality (when not a plain assertion) and negation
export function qualityBadges(e) {
  const out = [];
  if (e.confidence != null) {
    const c = Number(e.confidence);
    out.push(h('span', { class: `qual conf ${c >= 0.8 ? 'high' : c >= 0.5 ? 'mid' : 'low'}`,
      title: 'extraction confidence' }, `conf ${c.toFixed(2)}`));
  }
  if (e.modality && e.modality !== 'asserted') out.push(h('span', { class: 'qual modality', title: 'modality' }, e.modality));
  if (e.negated) out.push(h('span', { class: 'qual negated', title: 'the report denies it' }, 'negated'));
  return out;
}

export function eventBadge(e) {
  return h('span', { class: 'event-badge' }, typeBadge(e.type), ...qualityBadges(e));
}

export function table(columns, rows, rowAttrs) {
  return h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { class: c.cls }, c.label)))),
    h('tbody', {}, rows.length ? rows.map(r => h('tr', rowAttrs ? rowAttrs(r) : {},
      columns.map(c => h('td', { class: c.cls }, c.render ? c.render(r) : (r[c.key] ?? '')))))
      : h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, 'Nothing here yet.'))));
}

export const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
  'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

export function select(name, options, value, attrs = {}) {
  return h('select', { name, ...attrs }, options.map(o => {
    const [v, label] = Array.isArray(o) ? o : [o, o];
    return h('option', { value: v, selected: v === value ? true : null }, label);
  }));
}

export function field(label, control) {
  return h('label', { class: 'field' }, h('span', {}, label), control);
}
