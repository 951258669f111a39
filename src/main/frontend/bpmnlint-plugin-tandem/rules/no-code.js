// Nothing that runs code on the server: scripts, Java classes, expressions as service tasks or listeners,
// connectors, script conditions, DMN tasks, camunda:formProperty.
const { extensionValues, isListener, camunda, isReportable } = require('./helper');

module.exports = function() {
  function check(node, reporter) {
    if (!isReportable(node)) {
      return;
    }
    if (node.$instanceOf('bpmn:ScriptTask')) {
      reporter.report(node.id, 'Scripts are not allowed');
    }
    if (node.$instanceOf('bpmn:BusinessRuleTask')) {
      reporter.report(node.id, 'Business rule tasks (DMN) are not supported');
    }
    const owners = [node].concat(node.eventDefinitions || []);
    owners.forEach(owner => {
      if (camunda(owner, 'class')) {
        reporter.report(node.id, 'Java classes are not allowed; pick a handler from the allowed list');
      }
      if (camunda(owner, 'expression')) {
        reporter.report(node.id, 'Expressions as service tasks are not allowed; pick a handler from the allowed list');
      }
    });
    extensionValues(node).forEach(value => {
      if (isListener(value)) {
        if (value.get('class')) {
          reporter.report(node.id, 'Java classes are not allowed; pick a handler from the allowed list');
        }
        if (value.get('expression')) {
          reporter.report(node.id, 'Listener expressions are not allowed; pick a handler from the allowed list');
        }
        if (value.get('script')) {
          reporter.report(node.id, 'Scripts are not allowed');
        }
      } else if (value.$instanceOf && value.$instanceOf('camunda:Connector')) {
        reporter.report(node.id, 'Connectors are not allowed');
      } else if (value.$instanceOf && value.$instanceOf('camunda:FormProperty')) {
        reporter.report(node.id, 'camunda:formProperty is not supported; use form fields (camunda:formData)');
      } else if (value.$instanceOf && value.$instanceOf('camunda:InputOutput')) {
        (value.inputParameters || []).concat(value.outputParameters || []).forEach(p => {
          if (p.definition && p.definition.$instanceOf && p.definition.$instanceOf('camunda:Script')) {
            reporter.report(node.id, 'Scripts are not allowed');
          }
        });
      }
    });
    const condition = node.conditionExpression || (node.condition && node.condition.body !== undefined ? node.condition : null);
    if (condition && condition.language) {
      reporter.report(node.id, 'Script conditions are not allowed');
    }
  }
  return { check };
};
