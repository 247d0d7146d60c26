import { loadBuiltin } from '../source/model/load-builtins.js';
import { layoutTopology } from '../source/layout/diagram.js';
for (const id of ['0','1','2','3','4']) {
  const t = loadBuiltin(id);
  const row: string[] = [];
  for (const w of [80, 100, 120, 160]) {
    const l = layoutTopology(t, { width: w, ascii: false });
    let n = 0; const t0 = performance.now();
    while (performance.now() - t0 < 300) { layoutTopology(t, { width: w, ascii: false }); n++; }
    row.push(`${w}:${l.arrangement[0]}${l.shape[0]} ${l.width}x${l.height} ${(300/n).toFixed(1)}ms`);
  }
  console.log(id, row.join(' | '));
}
