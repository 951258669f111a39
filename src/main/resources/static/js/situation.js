// The situation pages: signals by category and week (a stacked bar chart), and a new signal row on the report form.
(function () {
  const canvas = document.getElementById('situation-chart');
  if (!canvas || typeof Chart === 'undefined') return;
  const colours = ['#7a1f1f', '#0d6efd', '#198754', '#6f42c1', '#fd7e14', '#dc3545', '#20c997', '#495057', '#adb5bd'];
  const labels = canvas.dataset.labels ? canvas.dataset.labels.split('|') : [];
  const series = canvas.dataset.series ? canvas.dataset.series.split('|') : [];
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: labels,
      datasets: series.map(function (s, i) {
        const at = s.lastIndexOf(':');
        return { label: s.substring(0, at), data: s.substring(at + 1).split(',').map(Number), backgroundColor: colours[i % colours.length] };
      })
    },
    options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();

(function () {
  const button = document.getElementById('add-signal');
  const rows = document.getElementById('signal-rows');
  if (!button || !rows) return;
  button.addEventListener('click', function () {
    const all = rows.querySelectorAll('.signal-row');
    const template = all[all.length - 1];
    const index = all.length;
    const row = template.cloneNode(true);
    row.querySelectorAll('input, select, textarea').forEach(function (input) {
      ['name', 'id'].forEach(function (attr) {
        const value = input.getAttribute(attr);
        if (value) input.setAttribute(attr, value.replace(/signals\[?\d+\]?/, attr === 'name' ? 'signals[' + index + ']' : 'signals' + index));
      });
      if (input.tagName === 'SELECT') { input.selectedIndex = 0; } else if (input.type !== 'hidden') { input.value = ''; }
      input.classList.remove('is-invalid');
    });
    row.querySelectorAll('label').forEach(function (label) {
      const target = label.getAttribute('for');
      if (target) label.setAttribute('for', target.replace(/signals\d+/, 'signals' + index));
    });
    const legend = row.querySelector('legend');
    if (legend) legend.textContent = legend.textContent.replace(/\d+/, String(index + 1));
    row.querySelectorAll('.invalid-feedback').forEach(function (e) { e.remove(); });
    rows.appendChild(row);
    const first = row.querySelector('select');
    if (first) first.focus();
  });
})();
