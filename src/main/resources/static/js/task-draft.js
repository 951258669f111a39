// Task forms keep what is typed: a draft is saved on the server at most every 10 seconds (and when the page is
// hidden), restored on any device until the task is completed; while the server cannot be reached (offline, the
// session ended) it is kept in this browser and sent when it can be.
(function () {
  const form = document.getElementById('task-form');
  if (!form || !form.dataset.draftUrl) return;
  const url = form.dataset.draftUrl;
  const localKey = 'tandem-draft:' + url;
  const status = document.getElementById('draft-status');
  const banner = document.getElementById('draft-restored');
  const csrf = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const INTERVAL = 10000;
  let lastSent = null;
  let submitting = false;

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !el.name.startsWith('_') && !el.disabled && !el.readOnly && el.type !== 'file'
        && el.type !== 'submit' && el.type !== 'button' && el.type !== 'hidden';
    });
  }
  function values() {
    const v = {};
    fields().forEach(function (el) {
      if (el.type === 'checkbox') v[el.name] = el.checked ? 'true' : 'false';
      else if (el.type === 'radio') { if (el.checked) v[el.name] = el.value; }
      else v[el.name] = el.value;
    });
    return v;
  }
  function fill(v) {
    fields().forEach(function (el) {
      if (!(el.name in v)) return;
      if (el.type === 'checkbox') el.checked = v[el.name] === 'true';
      else if (el.type === 'radio') el.checked = v[el.name] === el.value;
      else el.value = v[el.name];
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
  function time(iso) {
    const d = new Date(iso);
    const p = function (n) { return String(n).padStart(2, '0'); };
    return p(d.getHours()) + ':' + p(d.getMinutes()) + ' ' + p(d.getDate()) + '/' + p(d.getMonth() + 1) + '/' + d.getFullYear();
  }
  function headers() {
    const h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (csrf && csrfHeader) h[csrfHeader.content] = csrf.content;
    return h;
  }
  function save(keepalive) {
    const v = values();
    const body = JSON.stringify(v);
    if (submitting || body === lastSent) return Promise.resolve();
    localStorage.setItem(localKey, JSON.stringify({ values: v, savedAt: new Date().toISOString(), pending: true }));
    return fetch(url, { method: 'PUT', headers: headers(), body: body, credentials: 'same-origin', keepalive: !!keepalive, redirect: 'manual' })
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      })
      .then(function (draft) {
        lastSent = body;
        localStorage.setItem(localKey, JSON.stringify({ values: v, savedAt: draft.savedAt, pending: false }));
        if (status) status.textContent = form.dataset.draftSaved.replace('{0}', time(draft.savedAt));
      })
      .catch(function () {
        if (status) status.textContent = form.dataset.draftOffline;
      });
  }
  function restore(draft) {
    fill(draft.values);
    lastSent = JSON.stringify(values());
    if (banner) {
      document.getElementById('draft-restored-text').textContent = form.dataset.draftRestored.replace('{0}', time(draft.savedAt));
      banner.classList.remove('d-none');
    }
  }

  const local = (function () { try { return JSON.parse(localStorage.getItem(localKey)); } catch (e) { return null; } })();
  // a page showing what was just submitted (errors, input kept after signing in again) is the newest: keep it
  if (form.dataset.draftFresh === 'true') {
    lastSent = null;
  } else {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (server) {
        let best = server;
        if (local && local.pending && (!server || new Date(local.savedAt) > new Date(server.savedAt))) best = local;
        if (best && best.values && Object.keys(best.values).length) {
          restore(best);
          if (best === local) save();
        } else {
          lastSent = JSON.stringify(values());
        }
      })
      .catch(function () { if (local && local.values) restore(local); });
  }

  setInterval(function () { if (!document.hidden) save(); }, INTERVAL);
  document.addEventListener('visibilitychange', function () { if (document.hidden) save(true); });
  form.addEventListener('submit', function () { submitting = true; localStorage.removeItem(localKey); });
  const discard = document.getElementById('draft-discard');
  if (discard) discard.addEventListener('click', function () {
    localStorage.removeItem(localKey);
    fetch(url, { method: 'DELETE', headers: headers(), credentials: 'same-origin' }).then(function () { window.location.reload(); });
  });
})();
