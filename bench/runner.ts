import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import type { BenchResult, BenchSuite } from './harness.js';

function verdict(r: BenchResult): string {
  if (r.target === undefined) return '';
  const ok = r.higherIsBetter ? r.value >= r.target : r.value <= r.target;
  return `${ok ? 'ok  ' : 'MISS'} target ${r.higherIsBetter ? '>=' : '<='} ${r.target} ${r.unit}`;
}

function figure(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(3);
}

/** The machine the figures were measured on, in one line. */
function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ${type()} ${release()}, Node ${process.version}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** A table's rows by suite: each suite's bold row and the rows under it. */
function sections(rows: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const row of rows) {
    if (row.startsWith('| **')) out.set(row, (current = [row]));
    else current?.push(row);
  }
  return out;
}

/**
 * This run's rows; when only some suites ran (a filter), the other suites' rows of the last
 * results are kept, in their place, so the table stays whole.
 */
function merged(rows: readonly string[], filter: string | undefined): string[] {
  if (!filter || !existsSync('bench/results.md')) return [...rows];
  const header = rows.slice(0, 2);
  const now = sections(rows.slice(2));
  const before = sections(readFileSync('bench/results.md', 'utf8').split('\n').filter((l) => l.startsWith('|')).slice(2));
  const out = [...header];
  for (const [suite, lines] of before) out.push(...(now.get(suite) ?? lines));
  for (const [suite, lines] of now) if (!before.has(suite)) out.push(...lines);
  return out;
}

/**
 * Runs every suite in order (or those whose name contains the first argument) and prints one
 * aligned line per case; writes the same as a Markdown table, with the machine, to
 * bench/results.md (the readme's table is taken from it); exits 1 if a target is missed.
 */
export async function runSuites(suites: readonly BenchSuite[]): Promise<void> {
  let missed = 0;
  const filter = process.argv[2];
  const rows: string[] = ['| Case | Figure | Target | Same-run baseline |', '|---|---|---|---|'];
  for (const suite of suites) {
    if (filter && !suite.name.includes(filter)) continue;
    console.log(`\n${suite.name}`);
    rows.push(`| **${cell(suite.name)}** | | | |`);
    for (const c of suite.cases) {
      let r: BenchResult;
      try {
        r = await c.run();
      } catch (error) {
        // A case that cannot run is a missed target, said in its row; the others still run.
        missed++;
        const why = error instanceof Error ? error.message : String(error);
        console.log(`  ${c.name.padEnd(52)} could not run: ${why}`);
        rows.push(`| ${cell(c.name)} | could not run: ${cell(why)} | missed | |`);
        continue;
      }
      const ratio = r.baseline ? `${(r.value / r.baseline.value).toFixed(2)}x ${r.baseline.what}` : '';
      const v = verdict(r);
      if (v.startsWith('MISS')) missed++;
      console.log(`  ${c.name.padEnd(52)} ${figure(r.value).padStart(10)} ${r.unit.padEnd(6)} ${v}${ratio ? `  ${ratio}` : ''}${r.detail ? `  (${r.detail})` : ''}`);
      const target = r.target === undefined ? '' : `${v.startsWith('MISS') ? 'missed' : 'met'}: ${r.higherIsBetter ? '≥' : '≤'} ${r.target} ${r.unit}`;
      rows.push(`| ${cell(c.name)} | ${figure(r.value)} ${r.unit} | ${target} | ${cell(ratio)} |`);
    }
  }
  console.log(missed === 0 ? '\nall targets met' : `\n${missed} target(s) missed`);
  writeFileSync('bench/results.md', `Measured by \`npm run bench\` on ${machine()}.\n\n${merged(rows, filter).join('\n')}\n`);
  process.exitCode = missed === 0 ? 0 : 1;
}
