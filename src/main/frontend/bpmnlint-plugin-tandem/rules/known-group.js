// Candidate groups name a real agency and role (rule configuration { groups: [...] }, given by the designer page
// from the server's agencies); groups computed by an expression are checked by the server.
const { camunda } = require('./helper');

module.exports = function(config) {
  const groups = config && Array.isArray(config.groups) ? config.groups : null;
  function check(node, reporter) {
    if (!groups || !node.$instanceOf || !node.$instanceOf('bpmn:UserTask')) {
      return;
    }
    const value = camunda(node, 'candidateGroups');
    if (!value || String(value).indexOf('${') >= 0) {
      return;
    }
    const unknown = String(value).split(',').map(g => g.trim().toLowerCase()).filter(g => g && groups.indexOf(g) < 0);
    if (unknown.length) {
      reporter.report(node.id, 'The candidate group is not an agency and role');
    }
  }
  return { check };
};
