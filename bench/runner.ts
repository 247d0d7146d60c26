import type { BenchResult, BenchSuite } from './harness.js';

function verdict(r: BenchResult): string {
  if (r.target === undefined) return '';
  const ok = r.higherIsBetter ? r.value >= r.target : r.value <= r.target;
  return `${ok ? 'ok  ' : 'MISS'} target ${r.higherIsBetter ? '>=' : '<='} ${r.target} ${r.unit}`;
}

function figure(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(3);
}

/** Runs every suite in order and prints one aligned line per case; exits 1 if a target is missed. */
export async function runSuites(suites: readonly BenchSuite[]): Promise<void> {
  let missed = 0;
  const filter = process.argv[2];
  for (const suite of suites) {
    if (filter && !suite.name.includes(filter)) continue;
    console.log(`\n${suite.name}`);
    for (const c of suite.cases) {
      const r = await c.run();
      const ratio = r.baseline ? `  ${(r.value / r.baseline.value).toFixed(2)}x ${r.baseline.what}` : '';
      const v = verdict(r);
      if (v.startsWith('MISS')) missed++;
      console.log(`  ${c.name.padEnd(52)} ${figure(r.value).padStart(10)} ${r.unit.padEnd(6)} ${v}${ratio}${r.detail ? `  (${r.detail})` : ''}`);
    }
  }
  console.log(missed === 0 ? '\nall targets met' : `\n${missed} target(s) missed`);
  process.exitCode = missed === 0 ? 0 : 1;
}
