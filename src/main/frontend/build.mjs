// Builds the browser bundles into the application's static resources:
// - bpmn-js viewer and modeler distributions (case pages, version comparison);
// - the designer's modeler with the Camunda properties panel and live linting (bpmnlint), bundled with esbuild (ES modules only upstream).
// OUT_DIR is set by Maven (target/classes/static/vendor); defaults for a manual run.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

// The linter configuration packed for the browser (what bpmnlint-pack-config does): every rule of bpmnlint's
// `recommended` set and of Tandem's plugin, imported statically, behind bpmnlint's StaticResolver.
const require = createRequire(import.meta.url);
function lintConfigPlugin() {
  const recommended = require('bpmnlint/config/recommended');
  const tandem = require('bpmnlint-plugin-tandem').configs.recommended;
  const imports = [];
  const entries = [];
  Object.keys(recommended.rules).forEach((name, i) => {
    imports.push(`import r${i} from 'bpmnlint/rules/${name}';`);
    entries.push(`'rule:bpmnlint/${name}': r${i}`);
  });
  Object.keys(tandem.rules).forEach((qualified, i) => {
    const name = qualified.substring(qualified.indexOf('/') + 1);
    imports.push(`import t${i} from 'bpmnlint-plugin-tandem/rules/${name}';`);
    entries.push(`'rule:bpmnlint-plugin-tandem/${name}': t${i}`);
  });
  entries.push(`'config:bpmnlint/recommended': ${JSON.stringify(recommended)}`);
  entries.push(`'config:bpmnlint-plugin-tandem/recommended': ${JSON.stringify(tandem)}`);
  const source = `${imports.join('\n')}\nexport default {${entries.join(',\n')}};\n`;
  return {
    name: 'tandem-lint-config',
    setup(b) {
      b.onResolve({ filter: /^tandem:lint-rules$/ }, args => ({ path: args.path, namespace: 'tandem-lint' }));
      b.onLoad({ filter: /.*/, namespace: 'tandem-lint' }, () => ({ contents: source, resolveDir: process.cwd(), loader: 'js' }));
    }
  };
}

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
  plugins: [lintConfigPlugin()],
  logLevel: 'warning'
});
cpSync('node_modules/@bpmn-io/properties-panel/dist/assets/properties-panel.css', join(modeler, 'properties-panel.css'));
cpSync('node_modules/bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css', join(modeler, 'bpmn-js-bpmnlint.css'));
console.log('bpmn-js and the designer modeler built into ' + vendor);

// Offline work: the page script (every page) and the service worker, served at /sw.js so that its scope is the site.
const offline = join(vendor, 'tandem-offline');
mkdirSync(offline, { recursive: true });
await build({
  entryPoints: ['src/offline.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outfile: join(offline, 'offline.js')
});
await build({
  entryPoints: ['src/sw.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  define: { 'process.env.NODE_ENV': '"production"' },
  outfile: join(vendor, '..', 'sw.js')
});
