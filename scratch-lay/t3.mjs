import { createRequire } from 'module'; const require = createRequire(import.meta.url);

// source/layout/grid-search.ts
function emptyUsage(size2) {
  return { h: new Array(size2), v: new Array(size2), arrow: new Int32Array(size2).fill(-1), count: new Uint16Array(size2) };
}

// scratch-lay/t3.ts
var size = 83 * 61;
var t0 = performance.now();
for (let i = 0; i < 1e3; i++) emptyUsage(size);
console.log("emptyUsage", ((performance.now() - t0) / 1e3).toFixed(3));
