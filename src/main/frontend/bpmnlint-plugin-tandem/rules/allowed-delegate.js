// A service task or listener names its handler as ${name} with a name from the allowed list (rule configuration
// { delegates: [...] }, given by the designer page from the server's allowlist).
const { extensionValues, isListener, camunda, isReportable } = require('./helper');

module.exports = function(config) {
  const delegates = config && Array.isArray(config.delegates) ? config.delegates : null;
  function allowed(expression) {
    const match = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}$/.exec(String(expression).trim());
    return match && delegates.indexOf(match[1]) >= 0;
  }
  function check(node, reporter) {
    if (!delegates || !isReportable(node)) {
      return;
    }
    const expressions = [camunda(node, 'delegateExpression')]
      .concat((node.eventDefinitions || []).map(d => camunda(d, 'delegateExpression')))
      .concat(extensionValues(node).filter(isListener).map(l => l.get('delegateExpression')))
      .filter(Boolean);
    if (expressions.some(e => !allowed(e))) {
      reporter.report(node.id, 'The handler is not in the allowed list');
    }
  }
  return { check };
};
