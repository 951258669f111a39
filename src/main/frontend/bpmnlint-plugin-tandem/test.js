// Tests of Tandem's bpmnlint rules (run by the build: npm run test:lint-plugin): each rule reports what the
// server would refuse and stays quiet on what it accepts.
const assert = require('node:assert');
const BpmnModdleModule = require('bpmn-moddle');
const BpmnModdle = BpmnModdleModule.default || BpmnModdleModule.BpmnModdle || BpmnModdleModule;
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const HEAD = '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"'
  + ' xmlns:activiti="http://activiti.org/bpmn" id="d" targetNamespace="t">';
const PROCESS = '<process id="p" name="P" isExecutable="true" camunda:historyTimeToLive="30">';

function lint(body, process = PROCESS) {
  const xml = HEAD + process + body + '</process></definitions>';
  const linter = new Linter({ resolver: new NodeResolver() });
  const config = {
    rules: {
      'tandem/no-code': 'error',
      'tandem/process-settings': 'error',
      'tandem/no-foreign-namespace': 'error',
      'tandem/allowed-delegate': ['error', { delegates: ['caseLifecycleDelegate'] }],
      'tandem/known-group': ['error', { groups: ['congan-officer'] }]
    }
  };
  return new BpmnModdle({ camunda }).fromXML(xml).then(({ rootElement }) => linter.lint(rootElement, config))
    .then(results => Object.entries(results).flatMap(([rule, reports]) => reports.map(r => rule + ' ' + r.id)));
}

const cases = [
  ['<userTask id="ok" name="A" camunda:candidateGroups="congan-officer"/>'
    + '<serviceTask id="s" name="S" camunda:delegateExpression="${caseLifecycleDelegate}"/>', []],
  ['<scriptTask id="x" name="X" scriptFormat="groovy"><script>1</script></scriptTask>', ['tandem/no-code x']],
  ['<serviceTask id="x" name="X" camunda:class="java.lang.Runtime"/>', ['tandem/no-code x']],
  ['<serviceTask id="x" name="X" camunda:expression="${a.b()}"/>', ['tandem/no-code x']],
  ['<userTask id="x" name="X"><extensionElements><camunda:taskListener event="create" class="Evil"/>'
    + '</extensionElements></userTask>', ['tandem/no-code x']],
  ['<serviceTask id="x" name="X" camunda:delegateExpression="${runtime}"/>', ['tandem/allowed-delegate x']],
  ['<userTask id="x" name="X" camunda:candidateGroups="nobody-officer"/>', ['tandem/known-group x']],
  ['<userTask id="x" name="X" camunda:candidateGroups="${leadOfficers}"/>', []],
  ['<serviceTask id="x" name="X" activiti:class="Evil"/>', ['tandem/no-foreign-namespace x']],
  ['', ['tandem/process-settings p', 'tandem/process-settings p', 'tandem/process-settings p'],
    '<process id="p" isExecutable="false">']
];

Promise.all(cases.map(([body, expected, process]) => lint(body, process).then(found => {
  assert.deepStrictEqual(found.sort(), expected.sort(), body || process);
}))).then(() => console.log('bpmnlint-plugin-tandem: ' + cases.length + ' cases pass'))
  .catch(e => { console.error(e.message); process.exit(1); });
