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
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import lintModule from 'bpmn-js-bpmnlint';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import lintRules from 'tandem:lint-rules';
import vietnamese from './i18n-vi.json';

// The modeler speaks the page's language: Vietnamese through bpmn-js's translate service (every label of the
// properties panel and the palette passes through it); words without a translation are recorded in
// TandemModeler.untranslated, which the browser test reads.
const untranslated = new Set();
function translateModule(locale) {
  const words = locale === 'vi' ? vietnamese : null;
  function translate(template, replacements) {
    let text = template;
    if (words) {
      if (Object.prototype.hasOwnProperty.call(words, template)) text = words[template];
      else untranslated.add(template);
    }
    return text.replace(/{([^}]+)}/g, (all, key) => (replacements && key in replacements ? replacements[key] : all));
  }
  return { translate: ['value', translate] };
}

// A module adding one group of Tandem's own to the properties panel (second place) for the elements it applies to.
function panelGroupModule(name, applies, group) {
  function Provider(propertiesPanel) {
    this.getGroups = (element) => (groups) => {
      if (applies(element)) {
        groups.splice(1, 0, group(element));
      }
      return groups;
    };
    propertiesPanel.registerProvider(400, this);
  }
  Provider.$inject = ['propertiesPanel'];
  return { __init__: [name], [name]: ['type', Provider] };
}

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

  return panelGroupModule('tandemDelegateProvider', (element) => is(element, 'bpmn:ServiceTask'), (element) => ({
    id: 'tandem-delegate',
    label: labels.group,
    entries: [{ id: 'tandemDelegate', element, component: DelegateSelect, isEdited: isSelectEntryEdited }]
  }));
}

// The English name of a named element (shown to English readers: task names in the inbox, the case diagram), kept
// as the extension property name.en; the designer edits it in its own group of the panel.
function englishNameModule(labels) {
  const NAME_EN = 'name.en';

  function findProperty(bo) {
    const ext = bo.get('extensionElements');
    const props = ext && ext.get('values').find(v => v.$type === 'camunda:Properties');
    const prop = props && props.get('values').find(p => p.get('name') === NAME_EN);
    return { ext, props, prop };
  }

  function EnglishName(props) {
    const { element, id } = props;
    const modeling = useService('modeling');
    const bpmnFactory = useService('bpmnFactory');
    const debounce = useService('debounceInput');
    const bo = element.businessObject;
    return h(TextFieldEntry, {
      element, id, debounce,
      label: labels.label,
      description: labels.help,
      getValue: () => { const p = findProperty(bo).prop; return p ? p.get('value') : ''; },
      setValue: (value) => {
        let { ext, props, prop } = findProperty(bo);
        if (prop) {
          modeling.updateModdleProperties(element, prop, { value: value || undefined });
          return;
        }
        if (!value) return;
        if (!ext) {
          ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
          ext.$parent = bo;
          modeling.updateModdleProperties(element, bo, { extensionElements: ext });
        }
        if (!props) {
          props = bpmnFactory.create('camunda:Properties', { values: [] });
          props.$parent = ext;
          modeling.updateModdleProperties(element, ext, { values: ext.get('values').concat(props) });
        }
        prop = bpmnFactory.create('camunda:Property', { name: NAME_EN, value });
        prop.$parent = props;
        modeling.updateModdleProperties(element, props, { values: props.get('values').concat(prop) });
      }
    });
  }

  const named = (element) => {
    const bo = element.businessObject;
    return bo && bo.$instanceOf && bo.$instanceOf('bpmn:BaseElement') && 'name' in (bo.$descriptor.propertiesByName || {});
  };
  return panelGroupModule('tandemEnglishNameProvider', named, (element) => ({
    id: 'tandem-english-name',
    label: labels.group,
    entries: [{ id: 'tandemNameEn', element, component: EnglishName, isEdited: isTextFieldEntryEdited }]
  }));
}

// Live linting as in Camunda Modeler: bpmnlint's recommended rules and Tandem's allowlist rules (the plugin
// bpmnlint-plugin-tandem), with the server's allowed handlers and candidate groups, so what the deployment would
// refuse is marked on the element while the designer edits. The server's check stays the authority.
function lintConfig(allowlist) {
  return {
    resolver: new StaticResolver(lintRules),
    config: {
      extends: ['bpmnlint:recommended', 'plugin:tandem/recommended'],
      rules: {
        'tandem/allowed-delegate': ['error', { delegates: allowlist.delegates || [] }],
        'tandem/known-group': allowlist.groups && allowlist.groups.length ? ['error', { groups: allowlist.groups }] : 'off'
      }
    }
  };
}

export function createModeler(canvas, panel, options = {}) {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    linting: { bpmnlint: lintConfig({ delegates: options.delegates, groups: options.groups }), active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      lintModule,
      delegateModule(options.delegates || [], options.labels || { group: 'Delegate', label: 'Delegate' }),
      englishNameModule(options.englishName || { group: 'English name', label: 'Name in English', help: '' }),
      translateModule(options.locale)
    ],
    moddleExtensions: { camunda: camundaModdle }
  });
}

window.TandemModeler = { createModeler, untranslated };
