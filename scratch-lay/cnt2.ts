import { loadBuiltin } from '../source/model/load-builtins.js';
import { layoutTopology } from '../source/layout/diagram.js';
import { generatedTopology } from '../bench/layout.bench.js';
const stats: Record<string, number> = {};
(globalThis as any).DBG = (from: string, to: string, relaxed: boolean, page: boolean, ok: boolean) => {
  const k = `${relaxed ? 'relaxed' : page ? 'page' : 'window'}-${ok ? 'ok' : 'fail'}`;
  stats[k] = (stats[k] ?? 0) + 1;
  if (!ok && process.argv[4]) console.log('fail', from, to, k);
};
const t = process.argv[2] === 'gen' ? generatedTopology() : loadBuiltin(process.argv[2] ?? '1');
const t0 = performance.now();
layoutTopology(t, { width: Number(process.argv[3] ?? 120), ascii: false });
console.log(stats, (performance.now() - t0).toFixed(1), (globalThis as any).EXP);
