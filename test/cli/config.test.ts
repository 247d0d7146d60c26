import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkConfigs } from '../../source/commands/config-check.js';
import { configCommand } from '../../source/commands/config.js';
import { builtins } from '../../source/model/load-builtins.js';
import { requiresTool, toolTestMode, type Tool } from '../requires-tool.js';
import { runCommand } from './fake-io.js';

const cli = resolve(import.meta.dirname, '../../dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const scratch = mkdtempSync(join(tmpdir(), 'infra-tui-config-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The programs `config --check` runs; the tests below need every one of them. */
const tools: readonly Tool[] = [
  { command: 'haproxy', versionArgs: ['-v'], install: 'apt-get install haproxy' },
  { command: 'nginx', versionArgs: ['-v'], install: 'apt-get install nginx' },
  { command: 'keepalived', versionArgs: ['-v'], install: 'apt-get install keepalived' },
  { command: 'openssl', versionArgs: ['version'], install: 'apt-get install openssl' },
  { command: 'iptables-restore', versionArgs: ['--version'], install: 'apt-get install iptables' },
  { command: 'named-checkzone', versionArgs: ['-v'], install: 'apt-get install bind9-utils' },
];
const withTools = requiresTool(tools.find((t) => toolTestMode(t) !== 'run') ?? (tools[0] as Tool));

/** Every valid topology file the tests keep, besides the built-in designs. */
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'diagrams');
const testTopologies = readdirSync(fixtures)
  .map((name) => join(fixtures, name, 'topology.yaml'))
  .filter((file) => existsSync(file));

describe('infra-tui config', () => {
  it.each([
    [['config'], /^infra-tui: config needs a topology/],
    [['config', '1'], /^infra-tui: config needs --out DIR/],
    [['config', '1', 'nope', '--out', scratch], /^infra-tui: config: no component or host "nope" in distributed/],
    [['config', '1', 'browser', '--out', scratch], /^infra-tui: config: browser has no configuration file of its own/],
    [['config', '1', 'a', 'b', '--out', scratch], /^infra-tui: config takes a topology and at most one id/],
  ])('%j is a usage error: one line, exit 2', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it("writes DIR/<host>/<path>, and only a component's host(s) when given an id", async () => {
    const out = join(scratch, 'one');
    const { code } = await runCommand(configCommand, ['2', 'haproxy-1'], { out });
    expect(code).toBe(0);
    expect(readdirSync(out)).toEqual(['lb-1']);
    expect(existsSync(join(out, 'lb-1', 'etc', 'haproxy', 'haproxy.cfg'))).toBe(true);
    expect(existsSync(join(out, 'lb-1', 'etc', 'iptables', 'rules.v4'))).toBe(true);
  });

  withTools('counts a warning as a failure: a haproxy.cfg without time-outs does not pass', () => {
    const bare = ['defaults', '    mode http', '', 'frontend www', '    bind :80', '    default_backend web', '', 'backend web', '    server a 127.0.0.1:8000'];
    const [result] = checkConfigs(scratch, [{ host: 'h', path: '/etc/haproxy/haproxy.cfg', owner: 'lb', lines: bare }]);
    expect(result?.ok).toBe(false);
    expect(result?.output.join('\n')).toMatch(/WARNING.*timeout/i);
  });

  withTools('fails a firewall table the kernel would refuse and a zone a name server would not load', () => {
    const rules = ['*filter', ':INPUT DROP [0:0]', '-A INPUT -p tcp --dport http-ish -j ACCEPT', 'COMMIT'];
    // A CNAME at the apex, beside the SOA and NS every zone has (RFC 1034 §3.6.2).
    const zone = ['$ORIGIN foobar.com.', 'foobar.com. 900 IN SOA ns.dns.example. hostmaster.foobar.com. 1 7200 900 1209600 86400', 'foobar.com. 900 IN NS ns.dns.example.', 'foobar.com. 300 IN CNAME www.foobar.com.'];
    const results = checkConfigs(scratch, [
      { host: 'h', path: '/etc/iptables/rules.v4', owner: 'fw', lines: rules },
      { host: 'dns', path: '/zones/foobar.com.zone', owner: 'dns', lines: zone },
    ]);
    expect(results.map((r) => [r.how, r.ok])).toEqual([
      ['iptables-restore --test', false],
      ['named-checkzone', false],
    ]);
    expect(results[0]?.output.join('\n')).toMatch(/http-ish/);
    expect(results[1]?.output.join('\n')).toMatch(/CNAME and other data/);
  });

  for (const entry of builtins()) {
    withTools(`passes haproxy -c, nginx -t, keepalived --config-test, iptables-restore --test and named-checkzone for design ${entry.number} (${entry.id})`, async () => {
      const { code, out } = await runCommand(configCommand, [String(entry.number)], { out: join(scratch, entry.id), check: true });
      expect(out).not.toMatch(/^FAIL/m);
      expect(out).toMatch(/all \d+ checks passed/);
      expect(out).toMatch(/^ok +\S+\.zone +\(named-checkzone\)$/m);
      for (const line of out.split('\n').filter((l) => l.includes('rules.v4'))) expect(line).toMatch(/^ok .*\(iptables-restore --test\)$/);
      expect(code).toBe(0);
    }, 60_000);
  }

  for (const file of testTopologies) {
    const name = file.split('/').at(-2) ?? file;
    withTools(`passes the real checks for the test topology ${name}`, async () => {
      const { code, out } = await runCommand(configCommand, [file], { out: join(scratch, name), check: true });
      expect(out).not.toMatch(/^FAIL/m);
      expect(code).toBe(0);
    }, 60_000);
  }
});
