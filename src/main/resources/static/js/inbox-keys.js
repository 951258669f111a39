// Inbox keyboard shortcuts: j/k move, Enter opens, c claims, x ticks for a bulk claim, / searches, ? shows the list.
(function () {
  const rows = Array.prototype.slice.call(document.querySelectorAll('#inbox-table tr.inbox-row'));
  let current = -1;
  function typing(e) {
    const t = e.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }
  function focus(i) {
    if (!rows.length) return;
    current = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, n) { r.classList.toggle('table-active', n === current); });
    rows[current].setAttribute('aria-selected', 'true');
    const link = rows[current].querySelector('a.task-link');
    if (link) link.focus({ preventScroll: false });
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    const row = rows[current];
    switch (e.key) {
      case 'j': focus(current + 1); e.preventDefault(); break;
      case 'k': focus(current - 1); e.preventDefault(); break;
      case 'Enter':
        if (row) { const link = row.querySelector('a.task-link'); if (link) { window.location = link.href; e.preventDefault(); } }
        break;
      case 'c':
        if (row && row.dataset.claimable === 'true') {
          const form = document.getElementById('claim-one');
          form.action = form.action.replace('/_/', '/' + encodeURIComponent(row.dataset.task) + '/');
          form.submit();
          e.preventDefault();
        }
        break;
      case 'x':
        if (row) { const box = row.querySelector('input.task-select'); if (box && !box.disabled) box.checked = !box.checked; e.preventDefault(); }
        break;
      case '/': { const q = document.getElementById('q'); if (q) { q.focus(); e.preventDefault(); } break; }
      case '?': {
        const modal = document.getElementById('shortcuts');
        if (modal && window.bootstrap) { window.bootstrap.Modal.getOrCreateInstance(modal).show(); e.preventDefault(); }
        break;
      }
      default:
    }
  });
})();
