// The legacy activiti: namespace is read by the engine as its own: its attributes would run code unchecked.
const LEGACY = 'http://activiti.org/bpmn';

module.exports = function() {
  let prefixes = [];
  function check(node, reporter) {
    if (node.$instanceOf && node.$instanceOf('bpmn:Definitions')) {
      prefixes = Object.keys(node.$attrs || {})
        .filter(key => key.startsWith('xmlns:') && node.$attrs[key] === LEGACY)
        .map(key => key.substring('xmlns:'.length));
      return;
    }
    if (!node.id || !node.$attrs || !prefixes.length) {
      return;
    }
    if (Object.keys(node.$attrs).some(key => prefixes.some(p => key.startsWith(p + ':')))) {
      reporter.report(node.id, 'Attributes of the legacy activiti namespace are not allowed');
    }
  }
  return { check };
};
