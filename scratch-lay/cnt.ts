(globalThis as any).DBG = (...a: unknown[]) => console.log(...a);
(globalThis as any).DBG = (...a: unknown[]) => console.log(...a);
import { loadBuiltin } from '../source/model/load-builtins.js';
import * as gs from '../source/layout/grid-search.js';
import { layoutTopology } from '../source/layout/diagram.js';
void gs;
const t = loadBuiltin(process.argv[2] ?? '4');
layoutTopology(t, { width: Number(process.argv[3] ?? 160), ascii: false });
