// Two versions side by side; elements added, changed or removed are highlighted.
(function () {
  const box = document.getElementById('compare');
  if (!box || !window.BpmnJS) {
    return;
  }
  const list = (name) => (box.dataset[name] || '').split(',').filter(Boolean);
  const added = list('added');
  const removed = list('removed');
  const changed = list('changed');

  function show(id, markers) {
    const container = document.getElementById(id);
    const viewer = new window.BpmnJS({ container });
    return fetch(container.dataset.xmlUrl, { credentials: 'same-origin' })
      .then(r => r.text())
      .then(xml => viewer.importXML(xml))
      .then(() => {
        const canvas = viewer.get('canvas');
        const registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport');
        Object.entries(markers).forEach(([marker, ids]) => ids.forEach(elementId => {
          if (registry.get(elementId)) {
            canvas.addMarker(elementId, marker);
          }
        }));
        container.dataset.ready = 'true';
      });
  }

  show('compare-left', { 'diff-removed': removed, 'diff-changed': changed });
  show('compare-right', { 'diff-added': added, 'diff-changed': changed });
})();
