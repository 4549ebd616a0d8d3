// The dashboard's router: #/page?params -> a page module's render(main, params).
import { api, clear, h, notice } from './dom.js';
import * as situation from './situation.js';
import * as graph from './graph.js';
import * as timeline from './timeline.js';
import * as map from './map.js';
import * as evidence from './evidence.js';
import * as add from './add.js';
import * as actor from './actor.js';
import * as search from './search.js';
import * as contradictions from './contradictions.js';

const PAGES = { situation, graph, timeline, map, evidence, contradictions, add, actor, search };
let generation = 0;

function parse() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  const [page, ...rest] = (path || 'situation').split('/');
  return { page: PAGES[page] ? page : 'situation', arg: rest.map(decodeURIComponent).join('/'),
           params: new URLSearchParams(query || '') };
}

async function route() {
  const { page, arg, params } = parse();
  const gen = ++generation;
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.page === page || (page === 'actor' && a.dataset.page === 'graph'));
  }
  const main = document.getElementById('main');
  delete main.dataset.ready;  // set again once this page has rendered (tests wait for it)
  clear(main);
  main.dataset.page = page;
  const container = h('section', { class: `page page-${page}` });
  main.append(container);
  try {
    await PAGES[page].render(container, params, arg, () => gen === generation);
  } catch (err) {
    if (gen !== generation) return;
    container.append(notice(`Could not load this page: ${err.message}`, 'error'));
  }
  if (gen === generation) main.dataset.ready = page;
}

async function status() {
  const el = document.getElementById('status');
  try {
    const s = await api('/stats');
    el.textContent = `${s.counts.articles} articles · ${s.counts.events} event reports` +
      (s.writable ? '' : ' · read-only');
  } catch (err) {
    el.textContent = 'API unavailable';
  }
}

document.getElementById('top-search').addEventListener('submit', e => {
  e.preventDefault();
  const q = document.getElementById('q').value.trim();
  if (q) location.hash = '#/search?' + new URLSearchParams({ q }).toString();
});
document.getElementById('skip-link').addEventListener('click', e => {
  e.preventDefault();
  document.getElementById('main').focus();
});

window.addEventListener('hashchange', route);
window.sitrepRefreshStatus = status;
window.sitrepRefresh = () => { status(); route(); };
status();
route();
