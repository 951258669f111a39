// Weekly trend on the dashboard: cases closed, closed after their target, and days saved against the law.
(function () {
  const canvas = document.getElementById('trend-chart');
  if (!canvas || typeof Chart === 'undefined') return;
  const d = canvas.dataset;
  const split = function (s) { return s ? s.split('|') : []; };
  new Chart(canvas, {
    data: {
      labels: split(d.labels),
      datasets: [
        { type: 'bar', label: d.labelClosed, data: split(d.closed).map(Number), backgroundColor: '#198754' },
        { type: 'bar', label: d.labelBreached, data: split(d.breached).map(Number), backgroundColor: '#dc3545' },
        { type: 'line', label: d.labelSaved, data: split(d.saved).map(Number), borderColor: '#7a1f1f', yAxisID: 'days' }
      ]
    },
    options: { animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, days: { position: 'right', beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
