// Adds an empty petitioner row to the intake form (the server drops empty rows).
(function () {
  const button = document.getElementById('add-petitioner');
  const rows = document.getElementById('petitioner-rows');
  if (!button || !rows) return;
  button.addEventListener('click', function () {
    const all = rows.querySelectorAll('.petitioner-row');
    const template = all[all.length - 1];
    const index = all.length;
    const row = template.cloneNode(true);
    row.querySelectorAll('input').forEach(function (input) {
      ['name', 'id'].forEach(function (attr) {
        const value = input.getAttribute(attr);
        if (value) input.setAttribute(attr, value.replace(/petitioners\[?\d+\]?/, attr === 'name' ? 'petitioners[' + index + ']' : 'petitioners' + index));
      });
      if (input.type === 'checkbox') { input.checked = false; } else if (input.type !== 'hidden') { input.value = ''; }
      input.classList.remove('is-invalid');
    });
    row.querySelectorAll('label').forEach(function (label) {
      const target = label.getAttribute('for');
      if (target) label.setAttribute('for', target.replace(/petitioners\d+/, 'petitioners' + index));
    });
    row.querySelectorAll('.invalid-feedback').forEach(function (e) { e.remove(); });
    rows.appendChild(row);
  });
})();

// The incident's facts show only for a security-and-order incident (the server ignores them for other types).
(function () {
  const type = document.getElementById('type');
  const facts = document.getElementById('incident-facts');
  if (!type || !facts) return;
  const sync = function () { facts.hidden = type.value !== 'INCIDENT'; };
  type.addEventListener('change', sync);
  sync();
})();
