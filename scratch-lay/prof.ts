import { loadBuiltin } from '../source/model/load-builtins.js';
import { layoutTopology } from '../source/layout/diagram.js';
const t = loadBuiltin(process.argv[2] ?? '4');
const w = Number(process.argv[3] ?? 160);
for (let i = 0; i < 20; i++) layoutTopology(t, { width: w, ascii: false });
const t0 = performance.now();
for (let i = 0; i < 100; i++) layoutTopology(t, { width: w, ascii: false });
console.log(((performance.now() - t0) / 100).toFixed(2), 'ms');
