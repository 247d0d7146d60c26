import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playCommand } from '../../source/commands/play.js';
import { builtinScenarios } from '../../source/commands/load-scenario.js';
import { runCommand } from '../cli/fake-io.js';
import { expectGolden } from '../golden.js';
import { after, before, between, playAll, tally, traceOf } from './play-scenario.js';

const names = builtinScenarios();

describe('the built-in scenarios', () => {
  it('cover every built-in design', () => {
    expect(names.map((n) => n.split('-')[0])).toEqual(['0', '1', '2', '3', '4']);
  });

  it.each(names)('%s prints the same text on two runs (golden)', async (name) => {
    const first = await runCommand(playCommand, [name], { print: true, width: 100 });
    const second = await runCommand(playCommand, [name], { print: true, width: 100 });
    expect(first.code).toBe(0);
    expect(first.err).toBe('');
    expect(second.out).toBe(first.out);
    expectGolden(resolve(import.meta.dirname, `../fixtures/play/${name}.txt`), first.out);
  });

  it.each(names)('%s: the app takes every step (no step is refused)', async (name) => {
    const { states } = await playAll(name);
    const refused = states.map((s) => s.message).filter((m) => m && m.level !== 'info');
    expect(refused).toEqual([]);
    expect(states.at(-1)?.scenario?.next).toBe(states.length - 1);
  });
});

describe('what each scenario shows, as the engine computes it', () => {
  it('design 0: a deploy fails requests, and a dead server is a dead site', async () => {
    const played = await playAll('0-simple-one-server');
    expect(between(after(played, 'deploy'), after(played, 'fail server-1')).failed).toBeGreaterThan(50);
    const dead = between(after(played, 'fail server-1'), before(played, 'traffic off'));
    expect(dead.failed).toBe(dead.sent);
    expect(traceOf(after(played, 'send GET /', played.lines.indexOf('traffic off'))).outcome.error).toMatch(/timed out/);
  });

  it('design 1: the load balancer is a SPOF, and writes fail with the primary until a promotion', async () => {
    const played = await playAll('1-distributed-spofs');
    const lbDown = between(after(played, 'fail lb-1'), after(played, 'heal lb-1'));
    expect(lbDown.sent).toBeGreaterThan(0);
    expect(lbDown.failed).toBe(lbDown.sent);
    const primaryDown = between(after(played, 'fail mysql-1'), after(played, 'promote mysql-2'));
    expect(primaryDown.failed).toBeGreaterThan(0);
    expect(primaryDown.failed).toBeLessThan(primaryDown.sent / 2);
    expect(traceOf(after(played, 'send POST /signup')).outcome.status).toBe(200);
  });

  it('design 2: TLS ends at HAProxy, and the single writer fails writes', async () => {
    const played = await playAll('2-secured-tls-and-writes');
    const hops = traceOf(after(played, 'send POST /signup')).hops.filter((h) => h.direction === 'request' && h.port !== null);
    expect(hops.find((h) => h.to === 'haproxy-1')?.encrypted).toBe(true);
    expect(hops.find((h) => h.from === 'haproxy-1' && h.to === 'nginx-1')?.encrypted).toBe(false);
    expect(between(after(played, 'fail mysql-1'), after(played, 'promote mysql-2')).failed).toBeGreaterThan(0);
  });

  it('design 3: the VIP moves when the host or only HAProxy dies; the lone web server stops the site', async () => {
    const played = await playAll('3-scaled-failover');
    const host = traceOf(after(played, 'send GET /'));
    expect(host.outcome.status).toBe(200);
    expect(host.duration).toBeGreaterThan(3000);
    expect(host.hops.some((h) => h.to === 'haproxy-2')).toBe(true);
    const process = traceOf(after(played, 'send GET /', played.lines.indexOf('fail haproxy-1')));
    expect(process.outcome.status).toBe(200);
    expect(process.hops.some((h) => h.to === 'haproxy-2')).toBe(true);
    expect(traceOf(after(played, 'send GET /', played.lines.indexOf('fail web-1'))).outcome.status).toBe(503);
  });

  it('design 4: a deploy costs no request, a lost load balancer or web server only those in flight; the database fails over on its own', async () => {
    const played = await playAll('4-high-availability-survives');
    expect(between(after(played, 'deploy'), before(played, 'fail lb-1')).failed).toBe(0);
    const lb = between(before(played, 'fail lb-1'), after(played, 'heal lb-1'));
    expect(lb.failed).toBeGreaterThan(0);
    expect(lb.failed).toBe(tally(after(played, 'heal lb-1')).byOutcome['reset']);
    expect(lb.failed).toBeLessThan(lb.sent / 20);
    // A web server's machine: only the requests it was working on, each HAProxy's 504 at `timeout server`.
    const web = between(before(played, 'fail web-1'), after(played, 'heal web-1'));
    expect(web.failed).toBe(tally(after(played, 'heal web-1')).byOutcome['504']);
    expect(web.failed).toBeLessThan(web.sent / 50);
    const signup = traceOf(after(played, 'send POST /signup'));
    expect(signup.outcome.status).toBe(200);
    expect(signup.hops.some((h) => h.to === 'mysql-2')).toBe(true);
  });
});

describe('the readme', () => {
  it('shows a scenario that loads and plays without a refusal', async () => {
    const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const readme = readFileSync(resolve(import.meta.dirname, '../../readme.md'), 'utf8');
    const yaml = /## Scenarios[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml).toBeDefined();
    const file = resolve(mkdtempSync(resolve(tmpdir(), 'infra-tui-readme-')), 'demo.yaml');
    writeFileSync(file, yaml ?? '');
    const { states } = await playAll(file);
    expect(states.filter((s) => s.message && s.message.level !== 'info')).toEqual([]);
    expect(states.at(-1)?.scenario?.shown.pause).toBe('Let the room discuss, then press N.');
  });
});
