import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { completeCommandLine } from '../../source/ui/commands/complete-command-line.js';
import { parseCommandLine, type CommandLineContext } from '../../source/ui/commands/parse-command-line.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type DesignState } from '../../source/ui/state/app-state.js';
import { makeTheme } from '../../source/ui/theme.js';
import { mainContent } from '../../source/ui/view/main-content.js';
import { sparkline } from '../../source/ui/view/sparkline.js';
import { trafficBadges } from '../../source/ui/view/traffic-badges.js';

const context: CommandLineContext = {
  ids: ['browser', 'dns', 'haproxy-1', 'nginx-1', 'nginx-2', 'app-1', 'mysql-1'],
  databases: ['mysql-1'],
  hangable: ['app-1', 'mysql-1'],
  backends: { 'haproxy-1': ['nginx-1', 'nginx-2'] },
  designs: ['0', '1'],
  presets: ['GET /'],
};
const parse = (text: string) => parseCommandLine(text, context);

describe('traffic commands on the command line', () => {
  it('parses every traffic command of the contract', () => {
    expect(parse('traffic on')).toEqual({ ok: true, invocation: { command: 'traffic', to: 'on' } });
    expect(parse('traffic off')).toEqual({ ok: true, invocation: { command: 'traffic', to: 'off' } });
    expect(parse('qps 500')).toEqual({ ok: true, invocation: { command: 'qps', qps: 500 } });
    expect(parse('mix 30:50:20')).toEqual({ ok: true, invocation: { command: 'mix', mix: { static: 30, read: 50, write: 20 } } });
    expect(parse('speed 100x')).toEqual({ ok: true, invocation: { command: 'speed', speed: 100 } });
    expect(parse('speed pause')).toEqual({ ok: true, invocation: { command: 'speed', speed: 0 } });
    expect(parse('deploy')).toEqual({ ok: true, invocation: { command: 'deploy' } });
    expect(parse('monitor')).toEqual({ ok: true, invocation: { command: 'monitor' } });
    expect(parse('log')).toEqual({ ok: true, invocation: { command: 'log', filter: '' } });
    expect(parse('log DOWN nginx-1')).toEqual({ ok: true, invocation: { command: 'log', filter: 'DOWN nginx-1' } });
    expect(parse('wire nginx-1 app-1')).toEqual({ ok: true, invocation: { command: 'wire', from: 'nginx-1', to: 'app-1' } });
  });

  it('answers unknown values with one line, never a throw', () => {
    for (const [text, says] of [
      ['traffic maybe', 'usage: traffic on|off'],
      ['qps lots', 'whole number'],
      ['qps 200000', 'from 0 to 100000'],
      ['mix 1:2', 'bad mix'],
      ['speed 3x', 'usage: speed pause|1x|10x|100x'],
      ['deploy now', 'takes no argument'],
      ['wire nginx-1', 'usage: wire'],
      ['wire nginx-1 nope', 'no component "nope"'],
    ] as const) {
      const r = parse(text);
      expect(r.ok ? '' : r.message, text).toContain(says);
    }
  });

  it('completes speeds, on/off, and each id of wire', () => {
    expect(completeCommandLine('speed 1', context).candidates).toEqual(['1x', '10x', '100x']);
    expect(completeCommandLine('traffic o', context).candidates).toEqual(['on', 'off']);
    expect(completeCommandLine('wire ngi', context).text).toBe('wire nginx-');
    expect(completeCommandLine('wire nginx-1 ap', context).text).toBe('wire nginx-1 app-1 ');
    expect(completeCommandLine('wire a b c', context).candidates).toEqual([]);
  });
});

describe('traffic views', () => {
  const theme = makeTheme({ color: false, ascii: false });
  const design = (id: string, ...actions: Parameters<typeof appReducer>[1][]): DesignState =>
    [{ type: 'open-design', topology: loadBuiltin(id) } as const, ...actions].reduce(appReducer, initialAppState(1)).design as DesignState;
  const text = (d: DesignState) => mainContent(d, 80, theme).lines.map((l) => l.map((s) => s.text).join('')).join('\n');

  it('draws sparklines right-aligned, blank for zero, in ASCII on request', () => {
    expect(sparkline([0, 1, 2, 4, 8], 7, false)).toBe('   ▁▂▄█');
    expect(sparkline([8, 4], 2, true)).toBe('@=');
  });

  it('shows rates per status, the checks and what was noticed, in the traffic panel', () => {
    const d = design('1', { type: 'traffic', to: 'on' }, { type: 'engine', input: { type: 'fail', id: 'nginx-1' } }, { type: 'engine', input: { type: 'advance', ms: 12_000 } });
    const panel = text(d);
    expect(mainContent(d, 80, theme).title).toContain('100 QPS offered');
    expect(panel).toMatch(/^now +200 \d+\/s/m);
    expect(panel).toContain('haproxy-1 checks: nginx-1 ?DOWN');
    expect(panel).toMatch(/noticed haproxy-1 marked nginx-1 DOWN [\d.]+ s after fail nginx-1/);
    expect(panel).toMatch(/total +1200 sent · \d+ ok · \d+ failed/);
  });

  it('says why monitoring is empty without agents, and lists hosts with one', () => {
    expect(text(design('0', { type: 'view', view: 'monitor' }))).toContain('No monitoring: no host runs an agent');
    const watched = design('3', { type: 'view', view: 'monitor' }, { type: 'engine', input: { type: 'advance', ms: 2000 } });
    expect(text(watched)).toMatch(/✓ ok/);
  });

  it('shows the filtered log newest last, and a hop on the wire', () => {
    const log = design('1', { type: 'engine', input: { type: 'fail', id: 'nginx-1' } }, { type: 'log-filter', filter: 'DOWN' }, { type: 'engine', input: { type: 'advance', ms: 10_000 } });
    expect(mainContent(log, 80, theme).keep).toBe('tail');
    expect(text(log)).toContain('Server web/nginx-1 is DOWN');
    const plain = text(design('1', { type: 'wire', from: 'browser', to: 'haproxy-1' }));
    expect(plain).toContain('GET / HTTP/1.1');
  });

  it('puts load badges only where they fit the box', () => {
    const current = { at: 0, bottleneck: 'a', links: [], components: { a: { rps: 120, capacity: 300, utilization: 0.4 }, b: { rps: 1500, capacity: 2000, utilization: 0.75 } } };
    const box = (id: string, width: number) => ({ id, kind: 'component', x: 0, y: 0, width, height: 1 }) as never;
    expect(trafficBadges(current, [box('a', 12), box('b', 7)])).toEqual({ a: '120/s 40%', b: '75%' });
  });
});
