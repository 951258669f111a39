// Builds the browser bundles into the application's static resources:
// - bpmn-js viewer and modeler distributions (case pages, version comparison);
// - the designer's modeler with the Camunda properties panel, bundled with esbuild (ES modules only upstream).
// OUT_DIR is set by Maven (target/classes/static/vendor); defaults for a manual run.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const vendor = process.env.OUT_DIR || '../../../target/classes/static/vendor';
const out = join(vendor, 'bpmn-js');
mkdirSync(out, { recursive: true });
const dist = 'node_modules/bpmn-js/dist';
for (const file of ['bpmn-navigated-viewer.production.min.js', 'bpmn-modeler.production.min.js']) {
  cpSync(join(dist, file), join(out, file));
}
cpSync(join(dist, 'assets'), join(out, 'assets'), { recursive: true });

const modeler = join(vendor, 'tandem-modeler');
mkdirSync(modeler, { recursive: true });
await build({
  entryPoints: ['src/modeler.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outfile: join(modeler, 'tandem-modeler.js'),
  loader: { '.json': 'json' },
  jsx: 'automatic',
  jsxImportSource: '@bpmn-io/properties-panel/preact',
  logLevel: 'warning'
});
cpSync('node_modules/@bpmn-io/properties-panel/dist/assets/properties-panel.css', join(modeler, 'properties-panel.css'));
console.log('bpmn-js and the designer modeler built into ' + vendor);
