// Map: places and events on a world map drawn from bundled Natural Earth boundaries (no tile server).
// Pan (drag, arrow buttons) and zoom (wheel, +/-); nearby places merge into numbered clusters until
// zoomed in; filters (type, actor, dates) show where the matching events happened; a place opens its
// events and its timeline. Filters and the chosen place are in the URL.
import { api, eventBadge, field, h, notice, PLOVER, qs, select, snippet } from './dom.js';
import { exportLinks } from './exporting.js';

const SVG = 'http://www.w3.org/2000/svg';
const W = 960, H = 540, CLUSTER_PX = 16;
let world = null;

function s(tag, attrs = {}, ...kids) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, String(v));
  for (const kid of kids) if (kid != null) el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  return el;
}

async function allEvents(filters) {
  const out = [];
  let offset = 0;
  while (offset != null && out.length < 5000) {
    const page = await api('/events' + qs({ ...filters, limit: 500, offset }));
    out.push(...page.items);
    offset = page.next_offset;
  }
  return out;
}

export async function render(root, params, _arg, current) {
  const f = { type: params.get('type') || '', actor: params.get('actor') || '', since: params.get('since') || '',
    until: params.get('until') || '' };
  const focus = params.get('place') || '';
  const filtered = Object.values(f).some(Boolean);
  const [places, atlas, events] = await Promise.all([api('/places?limit=500'),
    world ? Promise.resolve(world) : fetch('/static/vendor/countries-110m.json').then(r => r.json()),
    filtered ? allEvents(f) : Promise.resolve(null)]);
  world = atlas;
  if (!current()) return;
  // the markers: every place (its event count), or, with filters, the places of the matching events
  let markers = places.filter(p => p.lat != null && p.lon != null).map(p => ({ ...p, n: p.n_events }));
  if (events) {
    const byPlace = new Map();
    for (const e of events) {
      if (e.lat == null || e.lon == null || !e.place_key) continue;
      const m = byPlace.get(e.place_key) || { place_key: e.place_key, name: e.place_name, lat: e.lat, lon: e.lon,
        n: 0, n_events: 0, n_mentions: 0, n_articles: 0 };
      m.n += 1; m.n_events += 1;
      byPlace.set(e.place_key, m);
    }
    const meta = new Map(places.map(p => [p.place_key, p]));
    markers = [...byPlace.values()].map(m => ({ ...(meta.get(m.place_key) || {}), ...m }));
  }

  const typeSel = select('type', [['', 'all types'], ...PLOVER], f.type);
  const actorIn = h('input', { type: 'search', name: 'actor', value: f.actor, placeholder: 'any actor' });
  const sinceIn = h('input', { type: 'date', name: 'since', value: f.since });
  const untilIn = h('input', { type: 'date', name: 'until', value: f.until });
  const go = () => { location.hash = '#/map' + qs({ type: typeSel.value, actor: actorIn.value.trim(),
    since: sinceIn.value, until: untilIn.value }); };
  typeSel.addEventListener('change', go);
  root.append(h('h1', {}, 'Map'),
    h('form', { class: 'filters', id: 'map-filters', onsubmit: e => { e.preventDefault(); go(); } },
      field('Event type', typeSel), field('Actor', actorIn), field('From', sinceIn), field('To', untilIn),
      h('button', { type: 'submit' }, 'Filter'), h('a', { class: 'button secondary', href: '#/map' }, 'Reset')),
    h('p', { class: 'muted', id: 'map-count' }, events
      ? `${markers.length} place(s) of ${events.length} matching event(s) (events without a located place are not drawn).`
      : `${markers.length} places with coordinates; ${markers.filter(m => m.n).length} with events.`),
    exportLinks(events ? 'events' : 'places', events ? f : {}, ['csv', 'json', 'geojson']));

  const countries = window.topojson.feature(atlas, atlas.objects.countries);
  const projection = window.d3.geoNaturalEarth1();
  projection.fitExtent([[10, 10], [W - 10, H - 10]], { type: 'Sphere' });
  const path = window.d3.geoPath(projection);
  const side = h('aside', { class: 'side', id: 'place-panel' }, h('p', { class: 'muted' }, 'Click a place for its events.'));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'group', 'aria-label': 'World map of places' });
  const world_ = s('g', { class: 'world' });
  world_.append(s('rect', { x: -W, y: -H, width: 3 * W, height: 3 * H, class: 'sea' }));
  world_.append(s('path', { d: path({ type: 'Sphere' }), class: 'sphere' }));
  world_.append(s('path', { d: path(window.d3.geoGraticule10()), class: 'graticule' }));
  for (const c of countries.features) {
    const d = path(c);
    if (d) world_.append(s('path', { d, class: 'country' }, s('title', {}, c.properties.name || '')));
  }
  const layer = s('g', { class: 'places' });
  svg.append(world_, layer);
  for (const m of markers) m.xy = projection([m.lon, m.lat]);
  const located = markers.filter(m => m.xy && m.xy.every(Number.isFinite));

  // the view: scale k and translation (tx, ty) of the world; fitted first to the places with events
  const view = { k: 1, tx: 0, ty: 0 };
  const fitTo = (pts, maxK = 40) => {
    if (!pts.length) return;
    const xs = pts.map(p => p.xy[0]), ys = pts.map(p => p.xy[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const k = Math.max(1, Math.min(maxK, 0.8 * Math.min(W / Math.max(20, x1 - x0), H / Math.max(20, y1 - y0))));
    view.k = k; view.tx = W / 2 - k * (x0 + x1) / 2; view.ty = H / 2 - k * (y0 + y1) / 2;
  };
  const focused = located.find(m => m.place_key === focus);
  if (focused) fitTo([focused], 12);
  else fitTo(located.filter(m => m.n).length ? located.filter(m => m.n) : located);

  const maxN = Math.max(1, ...located.map(m => m.n || 0));
  const draw = () => {
    world_.setAttribute('transform', `translate(${view.tx.toFixed(2)},${view.ty.toFixed(2)}) scale(${view.k.toFixed(4)})`);
    world_.style.setProperty('--k', String(view.k));
    layer.replaceChildren();
    // clusters: greedy, biggest first, in screen space
    const pts = located.map(m => ({ m, x: view.tx + view.k * m.xy[0], y: view.ty + view.k * m.xy[1] }))
      .filter(p => p.x > -20 && p.x < W + 20 && p.y > -20 && p.y < H + 20)
      .sort((a, b) => (b.m.n || 0) - (a.m.n || 0) || (b.m.n_mentions || 0) - (a.m.n_mentions || 0));
    const groups = [];
    for (const p of pts) {
      // the place asked for (?place=) is never hidden in a cluster
      const g = p.m.place_key === focus ? null
        : groups.find(q => !q.alone && Math.hypot(q.x - p.x, q.y - p.y) < CLUSTER_PX);
      if (g) g.members.push(p.m); else groups.push({ x: p.x, y: p.y, members: [p.m], alone: p.m.place_key === focus });
    }
    const labels = [], singles = [];
    for (const g of groups.reverse()) {
      const n = g.members.reduce((a, m) => a + (m.n || 0), 0);
      const r = 4 + 10 * Math.sqrt(Math.max(n, 0.3) / maxN);
      if (g.members.length > 1) {
        const names = g.members.map(m => m.name).join(', ');
        const c = s('g', { class: 'cluster', tabindex: 0, role: 'button', 'data-size': g.members.length,
          'aria-label': `${g.members.length} places (${n} events): ${snippet(names, 120)}; zoom in` },
        s('circle', { cx: g.x.toFixed(1), cy: g.y.toFixed(1), r: Math.min(r + 4, CLUSTER_PX - 4).toFixed(1) }),
        s('text', { x: g.x.toFixed(1), y: (g.y + 4).toFixed(1), class: 'cluster-n' }, String(g.members.length)),
        s('title', {}, `${g.members.length} places: ${snippet(names, 200)}`));
        const open = () => { fitTo(g.members); draw(); };
        c.addEventListener('click', open);
        c.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
        layer.append(c);
      } else {
        const m = g.members[0];
        const dot = s('circle', { cx: g.x.toFixed(1), cy: g.y.toFixed(1), r: r.toFixed(1), tabindex: 0, role: 'button',
          class: `place${m.n ? ' has-events' : ''}${m.place_key === focus ? ' focused' : ''}`, 'data-name': m.name,
          'data-key': m.place_key, 'aria-label': `${m.name}: ${m.n || 0} event(s)` },
        s('title', {}, `${m.name}: ${m.n_mentions || 0} mention(s) in ${m.n_articles || 0} article(s), ${m.n || 0} event(s)`));
        dot.addEventListener('click', () => showPlace(side, m, f));
        dot.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); showPlace(side, m, f); } });
        singles.push(dot);  // drawn over the clusters, so each stays clickable
        labels.push({ m, x: g.x + r + 2, y: g.y + 4 });
      }
    }
    layer.append(...singles);
    const placed = [];
    for (const l of labels.sort((a, b) => (b.m.n || 0) - (a.m.n || 0) || (b.m.n_mentions || 0) - (a.m.n_mentions || 0))) {
      const box = [l.x, l.y - 10, l.x + 6.4 * l.m.name.length, l.y + 2];
      if (placed.some(q => box[0] < q[2] && q[0] < box[2] && box[1] < q[3] && q[1] < box[3])) continue;
      placed.push(box);
      layer.append(s('text', { x: l.x.toFixed(1), y: l.y.toFixed(1), class: 'place-label' }, l.m.name));
    }
  };
  const zoomAt = (factor, cx = W / 2, cy = H / 2) => {
    const k = Math.max(0.8, Math.min(80, view.k * factor));
    view.tx = cx - (k / view.k) * (cx - view.tx); view.ty = cy - (k / view.k) * (cy - view.ty); view.k = k;
    draw();
  };
  const pan = (dx, dy) => { view.tx += dx; view.ty += dy; draw(); };
  const toSvg = ev => { const r = svg.getBoundingClientRect(); return [(ev.clientX - r.left) * W / r.width, (ev.clientY - r.top) * H / r.height]; };
  svg.addEventListener('wheel', ev => { ev.preventDefault(); zoomAt(ev.deltaY < 0 ? 1.25 : 0.8, ...toSvg(ev)); }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', ev => { if (ev.target.closest('.place, .cluster')) return; drag = toSvg(ev); svg.setPointerCapture(ev.pointerId); });
  svg.addEventListener('pointermove', ev => { if (!drag) return; const p = toSvg(ev); pan(p[0] - drag[0], p[1] - drag[1]); drag = p; });
  svg.addEventListener('pointerup', () => { drag = null; });
  const btn = (label, text, fn, id) => h('button', { type: 'button', class: 'secondary', 'aria-label': label, title: label, id, onclick: fn }, text);
  const controls = h('div', { class: 'map-controls', role: 'toolbar', 'aria-label': 'Map view' },
    btn('Zoom in', '+', () => zoomAt(1.5), 'map-zoom-in'), btn('Zoom out', '−', () => zoomAt(1 / 1.5), 'map-zoom-out'),
    btn('Pan west', '←', () => pan(80, 0)), btn('Pan north', '↑', () => pan(0, 80)), btn('Pan south', '↓', () => pan(0, -80)),
    btn('Pan east', '→', () => pan(-80, 0)),
    btn('Fit the places with events', 'Fit', () => { fitTo(located.filter(m => m.n).length ? located.filter(m => m.n) : located); draw(); }, 'map-fit'),
    btn('Whole world', 'World', () => { view.k = 1; view.tx = 0; view.ty = 0; draw(); }, 'map-world'));
  draw();
  window.sitrepMap = { view, redraw: draw, zoomAt };
  root.append(h('div', { class: 'graph-wrap' }, h('div', { class: 'map-box' }, controls, svg), side));
  if (!located.length) root.append(notice('No places with coordinates for these filters.'));
  root.append(h('p', { class: 'muted small' }, 'Boundaries: Natural Earth 1:110m (public domain) via world-atlas. ',
    h('span', { class: 'legend-item' }, h('span', { class: 'dot has-events' }), 'place with events'), ' ',
    h('span', { class: 'legend-item' }, h('span', { class: 'dot named' }), 'place named'), ' ',
    h('span', { class: 'legend-item' }, h('span', { class: 'dot cluster-dot' }), 'several places (click to zoom)')));
  if (focused) showPlace(side, focused, f);
}

async function showPlace(side, p, f) {
  side.replaceChildren(h('h2', {}, p.name), h('p', { class: 'muted' },
    `${p.feature || 'place'}${p.country_code ? ' · ' + p.country_code : ''} · ${p.n_mentions || 0} mention(s) in ` +
    `${p.n_articles || 0} article(s)`),
  h('p', {}, h('a', { href: '#/timeline' + qs({ place: p.place_key, type: f.type, actor: f.actor, since: f.since,
    until: f.until }), class: 'place-timeline' }, 'Timeline of this place →')));
  if (!p.n) { side.append(h('p', { class: 'muted' }, 'No events located here.')); return; }
  const evs = await api('/events' + qs({ ...f, place: p.place_key, limit: 50 }));
  side.append(h('ul', { class: 'facts', id: 'place-events' }, evs.items.map(e => h('li', {},
    h('span', { class: 'muted' }, (e.date || '?') + ' '), eventBadge(e), ' ',
    h('a', { href: '#/evidence' + qs({ event: e.event_id }) }, `${e.source_name || '?'} → ${e.target_name || '—'}: ` +
      snippet(e.evidence, 100))))));
}
