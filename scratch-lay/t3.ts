import { emptyUsage } from '../source/layout/grid-search.js';
const size = 83 * 61;
let t0 = performance.now();
for (let i = 0; i < 1000; i++) emptyUsage(size);
console.log('emptyUsage', ((performance.now() - t0) / 1000).toFixed(3));
