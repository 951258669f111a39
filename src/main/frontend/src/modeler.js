// The designer's modeler: bpmn-js with the properties panel for Camunda 7 attributes (candidate groups, form
// fields, due dates, timers, listeners) and Tandem's own group to pick a service task's delegate from the allowed
// list. Bundled by esbuild into static/vendor/tandem-modeler.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
  useService
} from 'bpmn-js-properties-panel';
import { SelectEntry, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

function delegateModule(delegates, labels) {
  function DelegateSelect(props) {
    const { element, id } = props;
    const modeling = useService('modeling');
    return h(SelectEntry, {
      element,
      id,
      label: labels.label,
      getValue: () => element.businessObject.get('camunda:delegateExpression') || '',
      setValue: (value) => modeling.updateProperties(element, {
        'camunda:delegateExpression': value || undefined,
        'camunda:class': undefined,
        'camunda:expression': undefined
      }),
      getOptions: () => [{ value: '', label: '—' }]
        .concat(delegates.map(name => ({ value: '${' + name + '}', label: name })))
    });
  }

  function TandemDelegateProvider(propertiesPanel) {
    this.getGroups = (element) => (groups) => {
      if (is(element, 'bpmn:ServiceTask')) {
        groups.splice(1, 0, {
          id: 'tandem-delegate',
          label: labels.group,
          entries: [{ id: 'tandemDelegate', element, component: DelegateSelect, isEdited: isSelectEntryEdited }]
        });
      }
      return groups;
    };
    propertiesPanel.registerProvider(400, this);
  }
  TandemDelegateProvider.$inject = ['propertiesPanel'];
  return { __init__: ['tandemDelegateProvider'], tandemDelegateProvider: ['type', TandemDelegateProvider] };
}

export function createModeler(canvas, panel, options = {}) {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      delegateModule(options.delegates || [], options.labels || { group: 'Delegate', label: 'Delegate' })
    ],
    moddleExtensions: { camunda: camundaModdle }
  });
}

window.TandemModeler = { createModeler };
