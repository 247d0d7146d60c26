import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { compareCommand } from '../../source/commands/compare.js';
import { simulateCommand } from '../../source/commands/simulate.js';
import { main } from '../../source/cli.js';
import type { DesignSummary } from '../../source/sim/index.js';
import { fakeIo, runCommand } from './fake-io.js';

type Doc = { id: string; components: Record<string, unknown>[]; clusters: Record<string, unknown>[] };

/** Design 1 as a file of one's own, changed by `edit`. */
function myFile(dir: string, edit: (doc: Doc) => void = () => {}): string {
  const doc = parse(readFileSync('topologies/1-distributed.yaml', 'utf8')) as Doc;
  doc.id = 'my-site';
  edit(doc);
  const file = join(dir, 'my.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

const summaries = async (args: string[]) => JSON.parse((await runCommand(compareCommand, args, { json: true })).out) as DesignSummary[];

describe('compare [topology...]', () => {
  it('compares the numbers, ids and files given, in that order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infra-tui-compare-'));
    const list = await summaries(['4', 'distributed', myFile(dir)]);
    expect(list.map((s) => s.id)).toEqual(['high-availability', 'distributed', 'my-site']);
    const { out } = await runCommand(compareCommand, ['0', myFile(dir)], { width: 80 });
    expect(out.split('\n')[0]).toMatch(/^\s+simple\s+my-site$/);
  });

  it('compare my.yaml: its numbers and its table change when the file changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infra-tui-compare-'));
    const file = myFile(dir);
    const before = (await summaries([file]))[0];
    const textBefore = (await runCommand(compareCommand, [file], { width: 80 })).out;
    // Twice the workers on each app server, and a replica promoted automatically.
    myFile(dir, (doc) => {
      for (const c of doc.components) if (c['kind'] === 'app-server') c['workers'] = 6;
      for (const c of doc.clusters) if (c['kind'] === 'replication') c['failover'] = 'automatic';
    });
    const after = (await summaries([file]))[0];
    const textAfter = (await runCommand(compareCommand, [file], { width: 80 })).out;
    expect(before?.maxQps).toBe(244);
    expect(after?.maxQps).toBeGreaterThan(400);
    expect(before?.primaryFailover?.recoveredAfterMs).toBeNull();
    expect(after?.primaryFailover?.recoveredAfterMs).toBeGreaterThan(0);
    expect(after?.primaryFailover?.failed).toBeLessThan(before?.primaryFailover?.failed ?? 0);
    const row = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(label));
    expect(row(textBefore, 'max qps')).toMatch(/^max qps\s+244$/);
    expect(row(textAfter, 'max qps')).not.toBe(row(textBefore, 'max qps'));
    expect(row(textBefore, 'DB dies: gap')).toMatch(/never$/);
    expect(row(textAfter, 'DB dies: gap')).toMatch(/\d s$/);
  });

  it('a deploy\'s failed requests and a failover gap are what simulate reports for the same run', async () => {
    const [scaled] = await summaries(['3']);
    const run = async (at: string) => JSON.parse((await runCommand(simulateCommand, ['3'], { json: true, qps: String(scaled?.runQps), duration: '40s', at: [at] })).out) as {
      failed: number;
      deploys: { failed: number; strategy: string }[];
      detections: { after: number | null }[];
    };
    const deploy = await run('5s deploy');
    expect(scaled?.deploy).toMatchObject({ failed: deploy.deploys[0]?.failed, strategy: deploy.deploys[0]?.strategy });
    const lb = await run(`5s fail ${scaled?.loadBalancerFailover?.id}`);
    expect(scaled?.loadBalancerFailover).toMatchObject({ failed: lb.failed, recoveredAfterMs: lb.detections[0]?.after });
  });

  it('a file that cannot be read is one line and exit 2', async () => {
    const { io, stderr } = fakeIo();
    expect(await main(['compare', '1', 'no-such.yaml'], io)).toBe(2);
    expect(stderr().trim().split('\n')).toHaveLength(1);
    expect(stderr()).toMatch(/no-such\.yaml/);
  });
});
