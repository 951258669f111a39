// What every deployable process needs: a name, isExecutable="true" and camunda:historyTimeToLive.
const { camunda } = require('./helper');

module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf || !node.$instanceOf('bpmn:Process')) {
      return;
    }
    if (!node.name || !node.name.trim()) {
      reporter.report(node.id, 'The process needs a name');
    }
    if (!node.isExecutable) {
      reporter.report(node.id, 'The process must be executable');
    }
    const ttl = camunda(node, 'historyTimeToLive');
    if (ttl === undefined || ttl === null || String(ttl).trim() === '') {
      reporter.report(node.id, 'The process needs a history time to live');
    }
  }
  return { check };
};
