// Shared helpers of Tandem's bpmnlint rules.

const LISTENERS = ['camunda:ExecutionListener', 'camunda:TaskListener'];

/** The extension values (listeners, connectors, form data...) of an element, flattened one level into forms. */
function extensionValues(node) {
  const ext = node.extensionElements;
  return (ext && ext.values) || [];
}

function isListener(value) {
  return LISTENERS.some(type => value.$instanceOf && value.$instanceOf(type));
}

/** Reads a Camunda attribute whether bpmn-moddle knows the camunda extension or keeps it as a raw attribute. */
function camunda(node, name) {
  if (!node || !node.get) {
    return undefined;
  }
  try {
    const value = node.get('camunda:' + name);
    if (value !== undefined && value !== null) {
      return value;
    }
  } catch (e) {
    // the camunda extension is not registered (plain bpmnlint CLI): read the raw attribute below
  }
  return node.$attrs ? node.$attrs['camunda:' + name] : undefined;
}

/** Whether a moddle element is a flow element or a process (the things a report can point at by id). */
function isReportable(node) {
  return node.id && node.$instanceOf && (node.$instanceOf('bpmn:FlowElement') || node.$instanceOf('bpmn:Process'));
}

module.exports = { extensionValues, isListener, camunda, isReportable };
