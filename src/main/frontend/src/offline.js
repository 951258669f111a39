// Offline work for commune officers (with sw.js): registers the service worker, keeps the pages an officer needs
// (the situation-report form, the cases of the inbox) after an online visit, queues a report or a comment written
// without a connection in IndexedDB with an idempotency key, shows the queue, and sends each item once when the
// connection returns. Signing out clears the cached pages; queued items belong to their author and wait for them.
import { createStore, get, set, del, entries } from 'idb-keyval';

const store = createStore('tandem-offline', 'outbox');
const root = document.getElementById('outbox');
const user = document.body.dataset.user || '';
const text = key => (root && root.dataset[key]) || key;

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return 'k' + Date.now().toString(36) + Math.random().toString(36).slice(2);
}

function csrf() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

async function mine() {
  const all = await entries(store);
  return all.map(([, item]) => item).filter(item => item.user === user).sort((a, b) => a.at - b.at);
}

async function render() {
  if (!root) return;
  const items = await mine();
  const list = root.querySelector('.outbox-items');
  list.replaceChildren();
  for (const item of items) {
    const li = document.createElement('li');
    li.className = 'outbox-item d-flex flex-wrap gap-2 align-items-center';
    li.dataset.key = item.key;
    li.dataset.state = item.error ? 'conflict' : 'queued';
    const label = document.createElement('span');
    label.textContent = item.label + ' · ' + new Date(item.at).toLocaleString(document.documentElement.lang || 'vi');
    li.append(label);
    if (item.error) {
      const error = document.createElement('span');
      error.className = 'text-danger outbox-error';
      error.textContent = item.error;
      const drop = document.createElement('button');
      drop.type = 'button';
      drop.className = 'btn btn-sm btn-outline-danger';
      drop.textContent = text('drop');
      drop.addEventListener('click', async () => { await del(item.key, store); render(); });
      li.append(error, drop);
    }
    list.append(li);
  }
  root.hidden = items.length === 0;
  root.querySelector('.outbox-count').textContent = String(items.length);
}

async function queue(item) {
  await set(item.key, { ...item, user, at: Date.now() }, store);
  await render();
}

function problemText(problem) {
  if (!problem) return text('failed');
  const fields = (problem.errors || []).map(e => e.message).filter(Boolean);
  return [problem.detail || problem.title, ...fields].filter(Boolean).join(' ');
}

let sending = false;
async function send() {
  if (sending || !navigator.onLine || !user) return;
  sending = true;
  try {
    for (const item of await mine()) {
      if (item.error) continue;
      let response;
      try {
        response = await fetch(item.url, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Idempotency-Key': item.key, ...csrf() },
          body: JSON.stringify(item.body)
        });
      } catch (e) {
        break; // still offline: try again when the connection returns
      }
      if (response.ok) {
        await del(item.key, store);
      } else if (response.status === 401 || response.status === 403) {
        break; // signed out meanwhile: the item waits for its author
      } else {
        let problem = null;
        try { problem = await response.json(); } catch (e) { /* not a problem document */ }
        await set(item.key, { ...item, error: problemText(problem) }, store);
      }
    }
  } finally {
    sending = false;
    await render();
  }
}

// The report form: offline, the report is queued for POST /api/situation-reports with the form's own key.
function reportForm() {
  const form = document.getElementById('report-form');
  if (!form) return;
  form.addEventListener('submit', async event => {
    if (navigator.onLine) return;
    event.preventDefault();
    const data = new FormData(form);
    const signals = [];
    for (let i = 0; data.has('signals[' + i + '].place'); i++) {
      const field = name => (data.get('signals[' + i + '].' + name) || '').toString().trim();
      const signal = {
        category: field('category') || null, place: field('place'), risk: field('risk') || null,
        description: field('description'), source: field('source') || null,
        peopleInvolved: field('peopleInvolved') ? Number(field('peopleInvolved')) : null
      };
      if (signal.category || signal.risk || signal.place || signal.description || signal.source) signals.push(signal);
    }
    const key = (data.get('idempotencyKey') || uuid()).toString();
    await queue({
      key, kind: 'report', url: '/api/situation-reports', label: text('report') + ' (' + signals.length + ')',
      body: {
        unitId: Number(data.get('unitId')), periodFrom: data.get('periodFrom') || null, periodTo: data.get('periodTo') || null,
        assessment: data.get('assessment') || null, signals
      }
    });
    form.reset();
    form.querySelectorAll('.signal-row').forEach((row, i) => { if (i > 0) row.remove(); });
    form.querySelector('[name="idempotencyKey"]').value = uuid();
    window.scrollTo(0, 0);
  });
}

// A comment on a case page: offline, queued for POST /api/cases/{code}/comments.
function commentForm() {
  const form = document.getElementById('comment-form');
  if (!form) return;
  form.addEventListener('submit', async event => {
    if (navigator.onLine) return;
    event.preventDefault();
    const body = (new FormData(form).get('body') || '').toString().trim();
    if (!body) return;
    const code = form.getAttribute('action').split('/')[2];
    await queue({ key: uuid(), kind: 'comment', url: '/api/cases/' + code + '/comments', label: text('comment') + ' ' + code, body: { body } });
    form.reset();
  });
}

// After an online visit: keep the report form and the cases of the inbox for offline use (at most every 10 minutes).
async function keepForOffline() {
  if (!user || document.body.dataset.offline !== 'true' || !navigator.onLine || !('caches' in window)) return;
  const stamp = 'tandem-offline-kept:' + user;
  if (Date.now() - Number(localStorage.getItem(stamp) || 0) < 10 * 60 * 1000) return;
  localStorage.setItem(stamp, String(Date.now()));
  const pages = ['/situation/reports/new'];
  for (const scope of ['mine', 'group']) {
    try {
      const response = await fetch('/api/tasks?scope=' + scope + '&size=50', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.ok) {
        const tasks = await response.json();
        for (const t of tasks.items || []) if (t.caseCode) pages.push('/cases/' + t.caseCode);
      }
    } catch (e) { /* offline after all */ }
  }
  for (const page of [...new Set(pages)].slice(0, 51)) {
    fetch(page, { credentials: 'same-origin' }).catch(() => {});
  }
}

// Signing out clears every cached page (they are the user's); the sign-in page after a sign-out makes sure.
function clearOnSignOut() {
  const clear = () => { if ('caches' in window) caches.keys().then(keys => keys.forEach(k => caches.delete(k))); };
  document.querySelectorAll('form[action$="/logout"]').forEach(f => f.addEventListener('submit', clear));
  if (location.pathname === '/login' && /[?&]logout/.test(location.search)) clear();
}

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
}
clearOnSignOut();
reportForm();
commentForm();
render().then(send);
window.addEventListener('online', send);
keepForOffline();
window.TandemOutbox = { send, pending: async () => (await mine()).length };
