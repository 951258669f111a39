// Copies the bpmn-js distribution into the application's static resources.
// OUT_DIR is set by Maven (target/classes/static/vendor); defaults for a manual run.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const out = join(process.env.OUT_DIR || '../../../target/classes/static/vendor', 'bpmn-js');
mkdirSync(out, { recursive: true });
const dist = 'node_modules/bpmn-js/dist';
for (const file of ['bpmn-navigated-viewer.production.min.js', 'bpmn-modeler.production.min.js']) {
  cpSync(join(dist, file), join(out, file));
}
cpSync(join(dist, 'assets'), join(out, 'assets'), { recursive: true });
console.log('bpmn-js copied to ' + out);
