// The designer's modeler page: loads a version (or the latest draft), edits it with the Camunda properties panel,
// saves drafts, downloads, and deploys through the validated deployment form.
(function () {
  const shell = document.getElementById('designer');
  if (!shell || !window.TandemModeler) {
    return;
  }
  const modeler = window.TandemModeler.createModeler(document.getElementById('designer-canvas'),
    document.getElementById('designer-panel'), {
      delegates: (shell.dataset.delegates || '').split(',').filter(Boolean),
      groups: (shell.dataset.groups || '').split(',').filter(Boolean),
      labels: { group: shell.dataset.delegateGroup, label: shell.dataset.delegateLabel },
      englishName: { group: shell.dataset.englishGroup, label: shell.dataset.englishLabel, help: shell.dataset.englishHelp },
      locale: document.documentElement.lang || 'vi'
    });
  window.tandemModeler = modeler; // for browser tests
  const status = document.getElementById('modeler-status');
  const csrf = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  // after a refused deployment the page carries the designer's edits: they open instead of the stored version
  const kept = document.getElementById('kept-xml');
  const source = kept ? Promise.resolve(kept.value)
    : fetch(shell.dataset.xmlUrl, { credentials: 'same-origin' }).then(r => r.text());
  source
    .then(xml => modeler.importXML(xml))
    .then(() => {
      modeler.get('canvas').zoom('fit-viewport');
      offerHistoryTimeToLive();
      shell.dataset.ready = 'true';
    })
    .catch(e => { status.textContent = e.message; });

  // the lint result, for browser tests and the status line
  modeler.on('linting.completed', (event) => {
    const issues = event.issues || {};
    shell.dataset.lintErrors = String(Object.values(issues).flat().filter(i => i.category === 'error').length);
    shell.dataset.lintElements = Object.keys(issues).join(',');
  });

  // a problem of the refusal report selects its element and brings it into view
  document.querySelectorAll('#problems .problem-select').forEach(button => {
    button.addEventListener('click', () => {
      const id = button.closest('.problem').dataset.elementId;
      const element = modeler.get('elementRegistry').get(id);
      if (element) {
        modeler.get('selection').select(element);
        if (element.type !== 'bpmn:Process' && element.type !== 'bpmn:Collaboration') {
          modeler.get('canvas').scrollToElement(element);
        }
      }
    });
  });

  // every process needs a history time to live: offer 10 years where a file has none (editable in the panel)
  function offerHistoryTimeToLive() {
    const registry = modeler.get('elementRegistry');
    registry.filter(e => e.type === 'bpmn:Process' || e.type === 'bpmn:Participant').forEach(element => {
      const process = element.type === 'bpmn:Participant' ? element.businessObject.processRef : element.businessObject;
      if (process && !process.get('camunda:historyTimeToLive')) {
        modeler.get('modeling').updateModdleProperties(element, process, { 'camunda:historyTimeToLive': '3650' });
      }
    });
  }

  async function currentXml() {
    const { xml } = await modeler.saveXML({ format: true });
    return xml;
  }

  // a .bpmn file from disk (e.g. from Camunda Modeler) opens in the modeler, to be checked and deployed from here
  document.getElementById('open-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) {
      return;
    }
    try {
      await modeler.importXML(await file.text());
      modeler.get('canvas').zoom('fit-viewport');
      offerHistoryTimeToLive();
      status.textContent = file.name;
    } catch (e) {
      status.textContent = e.message;
    }
  });

  document.getElementById('save-draft').addEventListener('click', async () => {
    const headers = { 'Content-Type': 'application/xml' };
    if (csrf && csrfHeader) {
      headers[csrfHeader.content] = csrf.content;
    }
    const response = await fetch(shell.dataset.draftUrl, {
      method: 'POST', credentials: 'same-origin', headers, body: await currentXml()
    });
    status.textContent = response.ok ? status.dataset.saved : status.dataset.failed;
  });

  document.getElementById('download').addEventListener('click', async (event) => {
    const link = event.currentTarget;
    if (link.dataset.ready) {
      delete link.dataset.ready;
      return;
    }
    event.preventDefault();
    link.href = URL.createObjectURL(new Blob([await currentXml()], { type: 'application/xml' }));
    link.dataset.ready = 'true';
    link.click();
  });

  document.getElementById('deploy-form').addEventListener('submit', async (event) => {
    const form = event.currentTarget;
    if (form.dataset.filled) {
      return;
    }
    event.preventDefault();
    document.getElementById('deploy-xml').value = await currentXml();
    form.dataset.filled = 'true';
    form.submit();
  });
})();
