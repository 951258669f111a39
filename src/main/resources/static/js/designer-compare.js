// Two versions, full width one above the other; elements added, changed or removed are highlighted, and a row of
// the table of changes brings its element into view (in the new version, or the old one for a removed element).
(function () {
  const box = document.getElementById('compare');
  if (!box || !window.BpmnJS) {
    return;
  }
  const list = (name) => (box.dataset[name] || '').split(',').filter(Boolean);
  const added = list('added');
  const removed = list('removed');
  const changed = list('changed');

  const viewers = {};

  function show(id, markers) {
    const container = document.getElementById(id);
    const viewer = new window.BpmnJS({ container });
    viewers[id] = viewer;
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

  document.querySelectorAll('#changed-elements tr.diff-row').forEach(row => {
    row.tabIndex = 0;
    row.style.cursor = 'pointer';
    const reveal = () => {
      const elementId = row.dataset.elementId;
      const target = removed.indexOf(elementId) >= 0 ? 'compare-left' : 'compare-right';
      const viewer = viewers[target];
      const element = viewer && viewer.get('elementRegistry').get(elementId);
      if (element) {
        if (element.waypoints || element.type !== 'bpmn:Process') {
          viewer.get('canvas').scrollToElement(element);
        }
        document.getElementById(target).scrollIntoView({ block: 'center' });
      }
    };
    row.addEventListener('click', reveal);
    row.addEventListener('keydown', (event) => { if (event.key === 'Enter') reveal(); });
  });
})();
