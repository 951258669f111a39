// The period summary page: charts from the report's figures (this period against the previous one) and exports
// made in the background — start a job, show its progress, offer the file when it is ready.
(function () {
  const holder = document.getElementById('report-charts');
  if (holder && typeof Chart !== 'undefined') {
    const data = JSON.parse(holder.dataset.charts);
    const current = '#0d6efd';
    const previous = '#adb5bd';
    const bars = function (id, chart) {
      const canvas = document.getElementById(id);
      if (!canvas) return;
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: chart.labels,
          datasets: [
            { label: data.series.current, data: chart.current, backgroundColor: current },
            { label: data.series.previous, data: chart.previous, backgroundColor: previous }
          ]
        },
        options: { animation: false, scales: { y: { beginAtZero: true } } }
      });
    };
    bars('chart-byType', data.byType);
    bars('chart-byOutcome', data.byOutcome);
    bars('chart-timeSaved', data.timeSaved);
    const months = document.getElementById('chart-byMonth');
    if (months) {
      new Chart(months, {
        type: 'line',
        data: { labels: data.byMonth.labels, datasets: [{ label: data.series.current, data: data.byMonth.current, borderColor: current, backgroundColor: current }] },
        options: { animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
  }

  const box = document.getElementById('report-export');
  if (!box) return;
  const list = document.getElementById('export-jobs');
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  const say = function (item, text) { item.querySelector('.job-text').textContent = text; };

  const poll = function (url, item, bar) {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (job) {
        bar.value = job.progress;
        if (job.status === 'DONE') {
          say(item, box.dataset.ready + ' ');
          bar.remove();
          const link = document.createElement('a');
          link.href = job.file;
          link.id = 'download-' + job.format;
          link.className = 'ms-1';
          link.textContent = box.dataset.download + ' ' + job.fileName;
          link.setAttribute('download', job.fileName);
          item.appendChild(link);
        } else if (job.status === 'FAILED') {
          say(item, box.dataset.failed);
          item.classList.add('text-danger');
          bar.remove();
        } else {
          say(item, box.dataset.running.replace('{0}', job.progress));
          setTimeout(function () { poll(url, item, bar); }, 800);
        }
      })
      .catch(function () { say(item, box.dataset.failed); item.classList.add('text-danger'); bar.remove(); });
  };

  box.querySelectorAll('button[data-format]').forEach(function (button) {
    button.addEventListener('click', function () {
      const format = button.dataset.format;
      const item = document.createElement('li');
      item.id = 'job-' + format;
      const text = document.createElement('span');
      text.className = 'job-text';
      item.appendChild(text);
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      bar.className = 'ms-2 align-middle';
      bar.setAttribute('aria-label', button.textContent);
      item.appendChild(bar);
      const old = document.getElementById(item.id);
      if (old) old.remove();
      list.appendChild(item);
      say(item, box.dataset.running.replace('{0}', 0));
      // the file speaks the page's language (an API request without a chosen language follows Accept-Language)
      const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'vi' };
      if (token && header) headers[header.content] = token.content;
      fetch(box.dataset.base || '/api/reports/jobs', {
        method: 'POST',
        credentials: 'same-origin',
        headers: headers,
        body: JSON.stringify({
          from: box.dataset.from, to: box.dataset.to,
          agency: box.dataset.agency || null, unitId: box.dataset.unit ? Number(box.dataset.unit) : null,
          format: format
        })
      })
        .then(function (r) { return r.status === 202 ? r.json() : Promise.reject(r.status); })
        .then(function (job) { poll(job.url, item, bar); })
        .catch(function () { say(item, box.dataset.failed); item.classList.add('text-danger'); bar.remove(); });
    });
  });
})();
