// Renders the case's process with bpmn-js and highlights the active and the passed elements.
(function () {
  const container = document.getElementById('diagram');
  if (!container || typeof BpmnJS === 'undefined') return;
  fetch(container.dataset.src, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      if (!data.xml) { container.style.display = 'none'; return; }
      const viewer = new BpmnJS({ container: container });
      return viewer.importXML(data.xml).then(function () {
        const canvas = viewer.get('canvas');
        const registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport');
        (data.completed || []).forEach(function (id) { if (registry.get(id)) canvas.addMarker(id, 'highlight-done'); });
        (data.active || []).forEach(function (id) { if (registry.get(id)) canvas.addMarker(id, 'highlight-active'); });
        container.dataset.active = (data.active || []).join(',');
        container.classList.add('diagram-ready');
        const version = document.getElementById('diagram-version');
        if (version) version.textContent = data.caption || '';
      });
    })
    .catch(function (e) { container.textContent = 'Diagram: ' + e; });
})();
