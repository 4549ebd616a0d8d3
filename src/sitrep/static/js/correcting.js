// Corrections with their audit trail, for any fact: an event, a quote, an actor link of an article, an actor.
// One box per fact: the corrections made on it (who, when, what; withdrawn ones with who withdrew them),
// and a form to correct it or to withdraw one of its corrections (POST /corrections, POST
// /corrections/ID/withdraw; both need the server's token).
import { api, field, h, notice, PLOVER, select } from './dom.js';

const TOKEN_KEY = 'sitrep-token';
const AUTHOR_KEY = 'sitrep-author';
export const ACTOR_KINDS = ['state', 'organization', 'armed_group', 'person', 'igo', 'media', 'group', 'other'];

// what can be corrected, by kind of fact: [value of the "what" select, its label, the input it needs]
const CHOICES = {
  event: [['type', 'Change the type', 'type'], ['source', 'Change who acted', 'actor'],
    ['target', 'Change whom it was done to', 'actor'], ['wrong', 'Mark it wrong', null]],
  quote: [['speaker', 'Change the speaker', 'actor'], ['wrong', 'Mark it wrong (not a quote)', null]],
  link: [['entity', 'Link it to another actor', 'actor'], ['wrong', 'Mark the link wrong (someone else)', null]],
  actor: [['name', 'Change the name', 'text'], ['kind', 'Change the kind', 'kind'],
    ['country', 'Change the country (ISO alpha-3)', 'text']],
};
const NOUNS = { event: 'event', quote: 'quote', link: 'actor link', actor: 'actor' };

export function describe(c) {
  if (c.action === 'wrong') return 'marked wrong';
  if (c.action === 'withdraw') return `withdrew ${c.value}`;
  return `${c.field}: ${c.old_value || '—'} → ${c.value || '—'}`;
}

export function activeCorrections(made) {
  return made.filter(c => c.action !== 'withdraw' && !c.withdrawn_in);
}

export function correctionList(made) {
  if (!made.length) return null;
  return h('div', { class: 'corrections' }, h('h3', {}, `Corrections (${made.length})`),
    h('ul', { class: 'facts', id: 'corrections' }, made.map(c => h('li', {
      class: c.withdrawn_in ? 'withdrawn' : c.action === 'withdraw' ? 'withdrawal' : '', dataset: { id: c.id } },
    h('span', { class: 'muted' }, `${c.id} `),
    c.withdrawn_in ? h('s', {}, describe(c)) : h('strong', {}, describe(c)),
    ` by ${c.author}, ${c.created_at}`, c.note ? h('span', { class: 'muted' }, ` — ${c.note}`) : null,
    c.withdrawn_in ? h('span', { class: 'withdrawn-by' },
      ` · withdrawn by ${c.withdrawn_by}, ${c.withdrawn_at}${c.withdrawn_note ? ' (' + c.withdrawn_note + ')' : ''}`)
      : null))));
}

function input(kind, current) {
  if (kind === 'type') return select('type', PLOVER, current.type, { id: 'correct-type' });
  if (kind === 'kind') return select('kind', ACTOR_KINDS, current.kind, { id: 'correct-kind' });
  if (kind === 'actor') {
    return h('input', { type: 'text', name: 'actor', id: 'correct-actor', list: 'correct-actors',
      placeholder: 'an actor by name (empty: none)' });
  }
  return h('input', { type: 'text', name: 'text', id: 'correct-text', value: '' });
}

// the box of one fact: its corrections, and a form to correct it or withdraw one of them
export function correctionBox({ kind, targetId, made = [], current = {}, onDone, withdrawOnly = false }) {
  const active = activeCorrections(made);
  if (withdrawOnly && !active.length) return correctionList(made);
  const choices = (withdrawOnly ? [] : CHOICES[kind]).concat(active.map(c => [`withdraw:${c.id}`, `Withdraw ${c.id} (${describe(c)})`, null]));
  const what = select('what', choices.map(([v, label]) => [v, label]), choices[0][0], { id: 'correct-what' });
  const inputs = {};
  const fields = {};
  for (const [, , need] of choices) {
    if (!need || inputs[need]) continue;
    inputs[need] = input(need, current);
    fields[need] = field(need === 'actor' ? 'Actor' : need === 'type' ? 'New type' : need === 'kind' ? 'New kind'
      : 'New value', inputs[need]);
  }
  const author = h('input', { type: 'text', name: 'author', id: 'correct-author', required: true,
    value: localStorage.getItem(AUTHOR_KEY) || '', placeholder: 'your name' });
  const note = h('input', { type: 'text', name: 'note', id: 'correct-note', placeholder: 'why (optional)' });
  const token = h('input', { type: 'password', name: 'token', id: 'correct-token', autocomplete: 'off',
    value: sessionStorage.getItem(TOKEN_KEY) || '' });
  const out = h('div', { id: 'correct-result', role: 'status' });
  const needOf = v => (choices.find(c => c[0] === v) || [])[2];
  const sync = () => { for (const [need, f] of Object.entries(fields)) f.hidden = needOf(what.value) !== need; };
  what.addEventListener('change', sync);
  sync();
  const form = h('form', { class: 'filters correct-form', id: 'correct-form', onsubmit: async ev => {
    ev.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, token.value.trim());
    localStorage.setItem(AUTHOR_KEY, author.value.trim());
    const who = { author: author.value.trim(), note: note.value.trim() || null };
    try {
      let c;
      if (what.value.startsWith('withdraw:')) {
        const id = what.value.slice('withdraw:'.length);
        c = await api(`/corrections/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body: who,
          token: token.value.trim() });
        out.replaceChildren(notice(`${id} withdrawn by ${c.author} (${c.id}); it applies to nothing now.`, 'ok'));
      } else {
        const body = { target_kind: kind, target_id: targetId, ...who };
        if (what.value === 'wrong') body.wrong = true;
        else { body.field = what.value; body.value = inputs[needOf(what.value)].value.trim(); }
        c = await api('/corrections', { method: 'POST', body, token: token.value.trim() });
        out.replaceChildren(notice(`Correction ${c.id} recorded by ${c.author}` +
          (kind === 'actor' ? '.' : `; it applies to ${c.applied_to} fact(s).`), 'ok'));
      }
      if (onDone) onDone(c);
      else if (window.sitrepRefresh) window.sitrepRefresh();
    } catch (err) {
      out.replaceChildren(notice(err.message + (err.status === 401 ? ' Enter the server’s token.' : ''), 'error'));
    }
  } }, field('Correction', what), Object.values(fields), field('Your name', author), field('Note', note),
  field('Token', token), h('button', { type: 'submit' }, 'Record'));
  const details = h('details', { class: 'correct' }, h('summary', {}, `Correct this ${NOUNS[kind]}`), form, out);
  const list = correctionList(made);
  if (list) {  // each correction in force can be withdrawn from its line
    for (const li of list.querySelectorAll('li')) {
      if (!active.some(c => c.id === li.dataset.id)) continue;
      li.append(' ', h('button', { type: 'button', class: 'secondary small withdraw', 'aria-label': `Withdraw ${li.dataset.id}`,
        onclick: () => { what.value = `withdraw:${li.dataset.id}`; sync(); details.open = true; author.focus(); } },
      'Withdraw'));
    }
  }
  return h('div', { class: 'correction-box', dataset: { kind, target: targetId } }, list, details);
}

// a datalist of actor names for the actor inputs (one per page)
export async function actorNames() {
  const actors = await api('/actors?limit=500');
  return h('datalist', { id: 'correct-actors' }, actors.map(a => h('option', { value: a.name })));
}
