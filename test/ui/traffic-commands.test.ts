import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { parseCommandLine } from '../../source/ui/commands/parse-command-line.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type DesignState } from '../../source/ui/state/app-state.js';
import { makeTheme } from '../../source/ui/theme.js';
import { mainContent } from '../../source/ui/view/main-content.js';
import { sparkline } from '../../source/ui/view/sparkline.js';
import { trafficBadges } from '../../source/ui/view/traffic-badges.js';
import { contextOf } from './command-context.js';

const context = contextOf('1', { type: 'traffic', to: 'on' });
const parse = (text: string) => parseCommandLine(text, context);
const intent = (text: string) => {
  const r = parse(text);
  return r.ok ? r.intent : r.message;
};

describe('traffic commands on the command line', () => {
  it('parses every traffic command of the contract', () => {
    expect(intent('traffic on')).toEqual({ type: 'traffic', to: 'on' });
    expect(intent('traffic off')).toEqual({ type: 'traffic', to: 'leave' });
    expect(intent('qps 500')).toEqual({ type: 'qps', qps: 500 });
    expect(intent('mix 30:50:20')).toEqual({ type: 'mix', mix: { static: 30, read: 50, write: 20 } });
    expect(intent('speed 100x')).toEqual({ type: 'speed', speed: 100 });
    expect(intent('speed pause')).toEqual({ type: 'speed', speed: 0 });
    expect(intent('deploy')).toEqual({ type: 'deploy' });
    expect(intent('monitor')).toEqual({ type: 'view', view: 'monitor' });
    expect(intent('log')).toEqual({ type: 'log-filter', filter: '' });
    expect(intent('log DOWN nginx-1')).toEqual({ type: 'log-filter', filter: 'DOWN nginx-1' });
    expect(intent('wire nginx-1 app-1')).toEqual({ type: 'wire', from: 'nginx-1', to: 'app-1' });
  });

  it('answers unknown values with one line, never a throw', () => {
    for (const [text, says] of [
      ['qps lots', 'qps: "lots" is not a rate'],
      ['qps 200000', 'from 0 to 100000'],
      ['mix 1:2', 'mix: "1:2" is not a mix'],
      ['speed 3x', 'usage: speed pause|1x|10x|100x'],
      ['deploy now', 'usage: deploy'],
      ['wire nginx-1', 'usage: wire'],
      ['wire nginx-1 nope', 'no component or host "nope"'],
    ] as const) {
      expect(intent(text), text).toContain(says);
    }
  });

  it('refuses traffic settings outside traffic mode: entering it is explicit', () => {
    for (const text of ['qps 500', 'mix 30:50:20', 'deploy', 'monitor', 'log']) {
      const r = parseCommandLine(text, contextOf('1'));
      expect(r.ok && r.intent.type === 'message' ? r.intent.message.text : r, text).toMatch(/T \(or :traffic on\) enters traffic mode first/);
    }
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

  it('a load balancer that is down shows no belief: it checks nothing', () => {
    const d = design('3', { type: 'traffic', to: 'on' }, { type: 'engine', input: { type: 'fail', id: 'lb-1' } }, { type: 'engine', input: { type: 'advance', ms: 5_000 } });
    const panel = text(d);
    expect(panel).toContain('haproxy-1 checks: ✗nothing: it is down');
    expect(panel).not.toMatch(/haproxy-1 checks: nginx-1/);
    expect(panel).toMatch(/haproxy-2 checks: nginx-1 ✓UP/);
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
