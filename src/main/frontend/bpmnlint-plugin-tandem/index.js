// Tandem's deployment allowlist as a bpmnlint plugin. The server's guard (BpmnDeploymentGuard, reading what the
// engine parses) stays the authority; these rules mark the same refusals on the element while the designer edits,
// in the modeler and in the build's lint of bpmn/*.bpmn. Rules that need the server's lists (allowed handlers,
// candidate groups) take them as rule configuration and check nothing without it.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'tandem/no-code': 'error',
        'tandem/process-settings': 'error',
        'tandem/no-foreign-namespace': 'error',
        'tandem/allowed-delegate': 'error',
        'tandem/known-group': 'error'
      }
    }
  }
};
