// Map: places and events on a world map drawn from bundled Natural Earth boundaries (no tile server).
import { api, eventBadge, h, notice, qs, snippet } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
let world = null;

function s(tag, attrs = {}, ...kids) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, String(v));
  for (const kid of kids) if (kid != null) el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  return el;
}

export async function render(root, params, _arg, current) {
  const view = params.get('view') === 'world' ? 'world' : 'fit';
  const [places, atlas] = await Promise.all([api('/places?limit=500'),
    world ? Promise.resolve(world) : fetch('/static/vendor/countries-110m.json').then(r => r.json())]);
  world = atlas;
  if (!current()) return;
  const located = places.filter(p => p.lat != null && p.lon != null);
  root.append(h('h1', {}, 'Map'),
    h('div', { class: 'filters' }, h('span', {}, `${located.length} places with coordinates. `),
      h('a', { class: `button ${view === 'fit' ? '' : 'secondary'}`, href: '#/map' }, 'Zoom to the places'),
      h('a', { class: `button ${view === 'world' ? '' : 'secondary'}`, href: '#/map?view=world' }, 'Whole world'),
      h('span', { class: 'legend-item' }, h('span', { class: 'dot', style: { background: '#c0392b' } }), 'place with events'),
      h('span', { class: 'legend-item' }, h('span', { class: 'dot', style: { background: '#2f6db5' } }), 'place named')));
  const W = 960, H = 540;
  const countries = window.topojson.feature(atlas, atlas.objects.countries);
  const projection = window.d3.geoNaturalEarth1();
  if (view === 'fit' && located.length) {
    // the theatre: where events happen (else every place that is not a whole country)
    const withEvents = located.filter(p => p.n_events > 0);
    const notCountries = located.filter(p => p.feature !== 'country');
    const pts = withEvents.length ? withEvents : notCountries.length ? notCountries : located;
    const coords = pts.map(p => [p.lon, p.lat]);
    const lons = coords.map(c => c[0]), lats = coords.map(c => c[1]);
    const pad = 4;
    const box = { type: 'MultiPoint', coordinates: [[Math.min(...lons) - pad, Math.min(...lats) - pad],
      [Math.max(...lons) + pad, Math.max(...lats) + pad]] };
    projection.fitExtent([[30, 30], [W - 30, H - 30]], box);
  } else {
    projection.fitExtent([[10, 10], [W - 10, H - 10]], { type: 'Sphere' });
  }
  const path = window.d3.geoPath(projection);
  const side = h('aside', { class: 'side', id: 'place-panel' },
    h('p', { class: 'muted' }, 'Click a place for its events.'));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': 'World map of places' });
  svg.append(s('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }));
  svg.append(s('path', { d: path({ type: 'Sphere' }), class: 'sphere' }));
  svg.append(s('path', { d: path(window.d3.geoGraticule10()), class: 'graticule' }));
  const g = s('g', { class: 'countries' });
  for (const f of countries.features) {
    const d = path(f);
    if (d) g.append(s('path', { d, class: 'country' }, s('title', {}, f.properties.name || '')));
  }
  svg.append(g);
  const maxM = Math.max(1, ...located.map(p => p.n_mentions));
  const dots = s('g', { class: 'places' });
  const labels = [];
  // big circles first, so small ones stay clickable; places with events on top
  for (const p of located.slice().sort((a, b) => (a.n_events > 0) - (b.n_events > 0) || b.n_mentions - a.n_mentions)) {
    const xy = projection([p.lon, p.lat]);
    if (!xy || xy.some(v => !Number.isFinite(v)) || xy[0] < -50 || xy[0] > W + 50 || xy[1] < -50 || xy[1] > H + 50) continue;
    const r = 3 + 11 * Math.sqrt(p.n_mentions / maxM);
    const dot = s('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1),
      class: p.n_events ? 'place has-events' : 'place', tabindex: 0, 'data-name': p.name },
    s('title', {}, `${p.name}: ${p.n_mentions} mention(s) in ${p.n_articles} article(s), ${p.n_events} event(s)`));
    dot.addEventListener('click', () => showPlace(side, p));
    dot.addEventListener('keydown', e => { if (e.key === 'Enter') showPlace(side, p); });
    dots.append(dot);
    if (p.n_mentions >= maxM / 6 || p.n_events) labels.push({ p, x: xy[0] + r + 2, y: xy[1] + 4 });
  }
  // labels, most mentioned first, each only where it does not cover one already placed
  const placed = [];
  for (const l of labels.sort((a, b) => b.p.n_mentions - a.p.n_mentions)) {
    const box = [l.x, l.y - 10, l.x + 6.4 * l.p.name.length, l.y + 2];
    if (placed.some(q => box[0] < q[2] && q[0] < box[2] && box[1] < q[3] && q[1] < box[3])) continue;
    placed.push(box);
    dots.append(s('text', { x: l.x.toFixed(1), y: l.y.toFixed(1), class: 'place-label' }, l.p.name));
  }
  svg.append(dots);
  root.append(h('div', { class: 'graph-wrap' }, h('div', { class: 'map-box' }, svg), side));
  if (!located.length) root.append(notice('No places with coordinates yet.'));
  root.append(h('p', { class: 'muted small' }, 'Boundaries: Natural Earth 1:110m (public domain) via world-atlas.'));
}

async function showPlace(side, p) {
  side.replaceChildren(h('h2', {}, p.name), h('p', { class: 'muted' },
    `${p.feature || 'place'}${p.country_code ? ' · ' + p.country_code : ''} · ${p.n_mentions} mention(s) in ` +
    `${p.n_articles} article(s)`));
  if (!p.n_events) { side.append(h('p', { class: 'muted' }, 'No events located here.')); return; }
  const evs = await api('/events' + qs({ place: p.name, limit: 50 }));
  side.append(h('ul', { class: 'facts' }, evs.items.map(e => h('li', {},
    h('span', { class: 'muted' }, (e.date || '?') + ' '), eventBadge(e), ' ',
    h('a', { href: '#/evidence' + qs({ event: e.event_id }) }, `${e.source_name || '?'} → ${e.target_name || '—'}: ` +
      snippet(e.evidence, 100))))));
}
