import { describe, expect, it } from 'vitest';
import { compareCommand } from '../../source/commands/compare.js';
import { UsageError } from '../../source/commands/context.js';
import { spofCommand } from '../../source/commands/spof.js';
import { traceCommand } from '../../source/commands/trace.js';
import { runCommand } from '../cli/fake-io.js';

describe('trace command', () => {
  it('prints the trace as DESIGN §7 JSON', async () => {
    const { code, out } = await runCommand(traceCommand, ['1'], { json: true, fail: 'server-1' });
    expect(code).toBe(0);
    const t = JSON.parse(out) as { request: string; hops: Record<string, unknown>[]; outcome: Record<string, unknown> };
    expect(t.request).toBe('GET /');
    expect(Object.keys(t.hops[0] ?? {})).toEqual(expect.arrayContaining(['at', 'from', 'to', 'protocol', 'port', 'encrypted', 'note']));
    expect(t.outcome).toMatchObject({ status: 200, error: null, servedBy: 'nginx-2' });
  });

  it('sends --count requests in a row (a JSON array), round robin alternating', async () => {
    const { out } = await runCommand(traceCommand, ['1'], { json: true, count: '2' });
    const list = JSON.parse(out) as { outcome: { servedBy: string } }[];
    expect(list.map((t) => t.outcome.servedBy)).toEqual(['nginx-1', 'nginx-2']);
  });

  it.each([
    [{ fail: 'server-9' }, /no component or host "server-9".*did you mean "server-1"/],
    [{ request: 'FETCH /' }, /--request: .*e\.g\./],
    [{ after: 'soon' }, /--after: "soon" is not a duration.*500ms, 3s, 2m or 1h/],
    [{ after: '25h' }, /^--after: 25h is too long: at most 24h$/],
    [{ count: '0' }, /^--count: "0" is not a count: write a whole number from 1 to 1000$/],
    [{ fail: 'nginx-1:hang' }, /--fail: nginx-1 cannot hang: only an app server or a database can/],
    [{ fail: 'app-1:slow' }, /--fail: "app-1:slow" is not a failure: write an id or id:hang/],
    [{ fail: 'app-1,app-1:hang' }, /--fail: app-1 cannot be both down and hung/],
    [{ fail: '' }, /--fail: name what is down, e.g. nginx-1,server-2 or app-1:hang/],
    [{ fail: ' , ' }, /--fail: name what is down/],
  ])('rejects %j with a usage error', async (flags, message) => {
    await expect(runCommand(traceCommand, ['1'], flags)).rejects.toThrow(UsageError);
    await expect(runCommand(traceCommand, ['1'], flags)).rejects.toThrow(message);
  });

  it('leaves an app server hung with --fail id:hang: Gunicorn kills the worker at 30 s, Nginx answers 502', async () => {
    const { out } = await runCommand(traceCommand, ['1'], { json: true, fail: 'app-1:hang' });
    const t = JSON.parse(out) as { outcome: Record<string, unknown>; duration: number };
    expect(t.outcome).toMatchObject({ status: 502, error: null, origin: 'nginx-1' });
    expect(t.duration).toBeGreaterThan(30_000);
    expect(t.duration).toBeLessThan(31_000);
  });

  it('needs a topology', async () => {
    await expect(runCommand(traceCommand, [])).rejects.toThrow(/trace needs a topology/);
  });
});

describe('spof and compare commands', () => {
  it('spof --json gives DESIGN §7 rows', async () => {
    const rows = JSON.parse((await runCommand(spofCommand, ['1'], { json: true })).out) as { id: string; kind: string; impact: string }[];
    expect(rows).toContainEqual(expect.objectContaining({ id: 'lb-1', kind: 'host', impact: 'outage' }));
    expect(rows.some((r) => r.id === 'browser')).toBe(false);
  });

  it('spof prints an aligned table', async () => {
    const { out } = await runCommand(spofCommand, ['0'], { width: 100 });
    expect(out).toMatch(/^id +kind +impact +why$/m);
    expect(out).toMatch(/^server-1 +host +outage +GET \/ fails: connection timed out$/m);
  });

  it('compare puts the five designs side by side within 80 columns', async () => {
    const { out } = await runCommand(compareCommand, [], { width: 80 });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/simple\s+distributed\s+secured\s+scaled\s+high-availability/);
    expect(lines.find((l) => l.startsWith('deploy downtime'))).toMatch(/^deploy downtime\s+yes\s+no\s+no\s+yes\s+no$/);
    // A deploy restarts every app server of designs 0 and 3 at once or in place: requests fail.
    expect(lines.find((l) => l.startsWith('failed in deploy'))).toMatch(/^failed in deploy\s+[1-9]\d*\s+0\s+0\s+[1-9]\d*\s+0$/);
    // Only a VIP pair survives its load balancer's machine; only design 4 promotes a replica by itself.
    expect(lines.find((l) => l.startsWith('LB dies: gap'))).toMatch(/^LB dies: gap\s+-\s+never\s+never\s+\d[\d.]* s\s+\d[\d.]* s$/);
    expect(lines.find((l) => l.startsWith('DB dies: gap'))).toMatch(/^DB dies: gap\s+never\s+never\s+never\s+never\s+\d[\d.]* s$/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('compare lists the five designs; only design 4 has no SPOF', async () => {
    const list = JSON.parse((await runCommand(compareCommand, [], { json: true })).out) as { id: string; spofs: string[]; deployDowntime: boolean }[];
    expect(list.map((d) => d.id)).toEqual(['simple', 'distributed', 'secured', 'scaled', 'high-availability']);
    expect(list[0]?.deployDowntime).toBe(true);
    expect(list[4]?.spofs).toEqual([]);
  });

  it('compare counts as SPOFs only the outages of the SPOF analysis; lost writes, partial and degraded apart', async () => {
    type Summary = { id: string; spofs: string[]; writeLoss: string[]; partial: string[]; degraded: string[] };
    const list = JSON.parse((await runCommand(compareCommand, [], { json: true })).out) as Summary[];
    const rows = JSON.parse((await runCommand(spofCommand, ['1'], { json: true })).out) as { id: string; impact: string }[];
    const ids = (impact: string) => rows.filter((r) => r.impact === impact).map((r) => r.id);
    const d1 = list[1];
    expect(d1).toMatchObject({ spofs: ids('outage'), writeLoss: ids('writes'), partial: ids('partial'), degraded: ids('degraded') });
    // Design 1: the load balancer is a SPOF; the primary database only takes the writes down.
    expect(d1?.spofs).toContain('haproxy-1');
    expect(d1?.spofs).not.toContain('mysql-1');
    expect(d1?.writeLoss).toContain('mysql-1');
  });
});
