import { describe, expect, it } from 'vitest';
import { toAscii } from '../../source/layout/index.js';
import type { Layout } from '../../source/layout/types.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { createSim, settle, step } from '../../source/sim/engine.js';
import { editLine, lineWith } from '../../source/ui/commands/line-editor.js';
import { makeTheme } from '../../source/ui/theme.js';
import { fitSegments } from '../../source/ui/view/fit-text.js';
import { configLines, inspectorLines } from '../../source/ui/view/inspector-lines.js';
import type { Line } from '../../source/ui/view/line.js';
import { planScreen } from '../../source/ui/view/screen-plan.js';
import { traceLines, traceTitle, visibleText } from '../../source/ui/view/trace-lines.js';
import { wrapText } from '../../source/ui/view/wrap-text.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState } from '../../source/ui/state/app-state.js';
import type { Action } from '../../source/ui/state/actions.js';
import { viewStateOf } from '../../source/ui/view/view-state.js';
import { mainContent } from '../../source/ui/view/main-content.js';
import { currentFrame } from '../../source/ui/state/timeline.js';

const text = (lines: readonly Line[]) => lines.map((l) => l.map((s) => s.text).join('')).join('\n');
const { symbols } = makeTheme({ color: false, ascii: false });

describe('text helpers', () => {
  it('wraps words to the width, cutting only words longer than a line', () => {
    expect(wrapText('the quick brown fox', 9)).toEqual(['the quick', 'brown fox']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('one\ntwo', 20)).toEqual(['one', 'two']);
  });

  it('folds to ASCII and cuts lines of segments without adding characters', () => {
    expect(toAscii('a → b · ✓ 😀')).toBe('a -> b - + ?');
    expect(toAscii('a → b … ✗', true)).toBe('a > b ~ X');
    expect(fitSegments([{ text: 'abc' }, { text: 'def', tone: 'key' }], 4, false)).toEqual([{ text: 'abc' }, { text: 'd', tone: 'key' }]);
    expect(fitSegments([{ text: 'a\nb\tc' }], 10, false)).toEqual([{ text: 'a b c' }]);
  });

  it('edits the command line like a shell', () => {
    const line = lineWith('fail sever');
    expect(editLine(editLine(lineWith('fal'), 'left'), { text: 'i' })).toMatchObject({ text: 'fail', cursor: 3 });
    expect(editLine(editLine(line, 'home'), 'delete').text).toBe('ail sever');
    expect(editLine(line, 'ctrl-w').text).toBe('fail ');
    expect(editLine(line, 'backspace')).toMatchObject({ text: 'fail seve', cursor: 9 });
    expect(editLine(lineWith(''), 'backspace').text).toBe('');
    expect(editLine(lineWith(''), { text: 'a\u0007b' }).text).toBe('ab');
  });
});

describe('panels', () => {
  const design = loadBuiltin('1');
  const sim = settle(createSim(design, { seed: 1 })).state;
  const trace = step(sim, { type: 'send', request: { kind: 'http', method: 'GET', path: '/' } }).trace;
  if (!trace) throw new Error('a send returns a trace');

  it('narrates the hop being shown and lists the earlier ones', () => {
    const lines = text(traceLines(trace, 2, 60, symbols));
    const [first, second] = trace.hops;
    expect(lines).toContain(`1 ${first?.from} → ${first?.to}`);
    expect(lines).toContain(`❯ 2 ${second?.from} → ${second?.to}`);
    expect(lines).not.toContain('→ 200');
    expect(traceTitle(trace, 2)).toBe(`GET / · hop 2 of ${trace.hops.length}`);
  });

  it('ends with the status, who served it, and the page text', () => {
    const lines = text(traceLines(trace, trace.hops.length, 60, symbols));
    expect(lines).toContain(`→ ${trace.outcome.status} ${trace.outcome.reason}`);
    expect(lines).toContain(`served by ${trace.outcome.servedBy}`);
  });

  it("ends a probe that connected with what accepted it, not 'no answer' (design 0 has no firewall)", () => {
    const probe = step(settle(createSim(loadBuiltin('0'))).state, { type: 'send', request: { kind: 'tcp', ip: '8.8.8.8', port: 3306 } }).trace;
    if (!probe) throw new Error('no trace');
    const lines = text(traceLines(probe, probe.hops.length, 60, symbols));
    expect(lines).toContain('→ connected to mysql-1 · ');
    expect(lines).not.toContain('no answer');
  });

  it('shows what a browser displays for an error page', () => {
    const page = '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n';
    expect(visibleText(page)).toBe('503 Service Unavailable\nNo server is available to handle this request.');
  });

  it("inspects a backend with its state and the load balancer's belief", () => {
    const lines = text(inspectorLines(sim, 'nginx-1', 60, symbols));
    expect(lines).toContain('✓ up');
    expect(lines).toContain('on server-1 (8.8.8.11) port 80');
    expect(lines).toMatch(/haproxy-1 believes nginx-1 ✓ UP \(0 of 3 checks failed\)/);
    expect(lines).toMatch(/last check L4OK, next in/);
    expect(text(configLines(design, 'nginx-1'))).toContain('/etc/nginx/conf.d/foobar.com.conf');
  });

  it('tells a hung component from a down one, and a server in maintenance from a checked one', () => {
    const hung = step(sim, { type: 'hang', id: 'app-1' }).state;
    expect(text(inspectorLines(hung, 'app-1', 60, symbols))).toContain('H hung: it accepts connections but never answers');
    const maint = step(sim, { type: 'maintenance', lb: 'haproxy-1', server: 'nginx-1', on: true }).state;
    const lines = text(inspectorLines(maint, 'nginx-1', 60, symbols));
    expect(lines).toContain('haproxy-1 holds nginx-1 in MAINT');
    expect(lines).toContain('no checks, no requests until :maint haproxy-1 nginx-1 off');
  });
});

describe('the inspector', () => {
  it("gives each weakness a part is in whole, not only its title: the design's issues are read nowhere else in the app", () => {
    const lines = text(inspectorLines(createSim(loadBuiltin('1')), 'haproxy-1', 60, symbols));
    expect(lines).toContain('Weakness: Single points of failure');
    expect(lines).toContain('haproxy-1 is alone: if it or lb-1 dies, nobody can');
  });
});

describe('viewStateOf', () => {
  const designAfter = (...actions: readonly Action[]) => {
    const state = [{ type: 'open-design', topology: loadBuiltin('1') } as const, ...actions].reduce(appReducer, initialAppState(1));
    if (!state.design) throw new Error('no design open');
    return state.design;
  };
  const hang = { type: 'engine', input: { type: 'hang', id: 'app-1' } } as const;

  it('marks hung boxes with H, apart from the failed ones', () => {
    const view = viewStateOf(designAfter(hang, { type: 'engine', input: { type: 'fail', id: 'nginx-2' } }));
    expect(view.marks).toEqual({ 'app-1': 'H' });
    expect(view.failed).toEqual(['nginx-2']);
    expect(viewStateOf(designAfter()).marks).toBeUndefined();
  });

  it("draws the resolver's exchanges on the browser's line to the name server, turning with the direction", () => {
    const send = { type: 'engine', input: { type: 'send', request: { kind: 'http', method: 'GET', path: '/' } } } as const;
    const steps = (n: number) => Array.from({ length: n }, () => ({ type: 'step' }) as const);
    const hopsShown = (n: number) => {
      const design = designAfter(send, ...steps(n));
      return { hop: currentFrame(design.timeline).trace?.hops[design.timeline.hop - 1], view: viewStateOf(design) };
    };
    const shown = [0, 1, 2, 3, 4].map(hopsShown);
    // browser → ISP resolver, resolver → dns, dns → resolver, resolver → browser, then browser → haproxy-1.
    expect(shown.map((s) => `${s.hop?.from} → ${s.hop?.to}`).slice(0, 4)).toEqual(['browser → ISP resolver', 'ISP resolver → dns', 'dns → ISP resolver', 'ISP resolver → browser']);
    expect(shown.slice(0, 4).map((s) => s.view.active)).toEqual([
      { from: 'browser', to: 'dns', direction: 'request' },
      { from: 'browser', to: 'dns', direction: 'request' },
      { from: 'dns', to: 'browser', direction: 'response' },
      { from: 'dns', to: 'browser', direction: 'response' },
    ]);
    expect(shown[4]?.view.active).toEqual({ from: 'browser', to: 'haproxy-1', direction: 'request' });
    expect(shown[4]?.view.path?.every((l) => l.from !== 'ISP resolver' && l.to !== 'ISP resolver')).toBe(true);
  });

  it('puts the hung mark before the SPOF letter in the overlay', () => {
    const view = viewStateOf(designAfter(hang, { type: 'toggle-spof' }));
    expect(view.marks?.['app-1']?.startsWith('H')).toBe(true);
    expect(Object.values(view.marks ?? {}).some((m) => /^[SWPD]$/.test(m))).toBe(true);
  });
});

describe('planScreen', () => {
  const layout = (width: number, height: number, legend: boolean): Layout =>
    ({ width: Math.min(width, 90), height: Math.min(height, legend ? 20 : 17), legend: legend ? ['x'] : [], boxes: [] }) as unknown as Layout;

  it('keeps the frame one row shorter than the terminal and shares the rest', () => {
    for (const [columns, rows] of [[80, 24], [100, 30], [160, 50], [60, 18]] as const) {
      const plan = planScreen(columns, rows, layout);
      expect(plan.height).toBe(rows - 1);
      const used = plan.side ? plan.body : plan.diagram.height + plan.panel.height;
      expect(used).toBe(plan.body);
      expect(plan.side ? plan.diagram.width + 1 + plan.panel.width : plan.panel.width).toBe(columns);
    }
  });

  it('puts the panels beside a tall diagram on wide terminals, below a short one and on narrow ones', () => {
    const tall = (width: number, height: number): Layout => ({ width: Math.min(width, 90), height, legend: [], boxes: [] }) as unknown as Layout;
    expect(planScreen(160, 50, tall).side).toBe(true);
    const short = planScreen(160, 50, layout);
    expect(short).toMatchObject({ side: false, both: true, diagram: { width: 160, height: 20 } });
    expect(short.panel.height).toBeGreaterThanOrEqual(Math.ceil(short.body * 0.4));
    expect(planScreen(80, 24, layout)).toMatchObject({ side: false, both: false });
    expect(planScreen(100, 30, layout)).toMatchObject({ side: false, both: true });
  });
});

describe('the trace panel', () => {
  const stepped = (design: string, fail: string, steps: number) => {
    const actions: Action[] = [
      { type: 'open-design', topology: loadBuiltin(design) },
      { type: 'engine', input: { type: 'fail', id: fail } },
      { type: 'engine', input: { type: 'send', request: { kind: 'http', method: 'GET', path: '/' } } },
      ...Array.from({ length: steps }, (): Action => ({ type: 'step' })),
    ];
    const state = actions.reduce(appReducer, initialAppState(1));
    if (!state.design) throw new Error('no design open');
    return state.design;
  };

  it('follows the hop being stepped, even past a hop that failed (design 3, lb-1 dead: SYNs go unanswered, then lb-2 serves)', () => {
    const d = stepped('3', 'lb-1', 11);
    const trace = currentFrame(d.timeline).trace;
    expect(trace?.hops.slice(0, 11).some((h) => h.result !== 'ok')).toBe(true);
    const content = mainContent(d, 80, makeTheme({ color: false, ascii: false }));
    // Without an anchor the panel keeps its tail: the hop being shown and its note.
    expect(content.anchor).toBeUndefined();
    expect(content.keep).toBe('tail');
  });

  it('shows the hop that failed a request once its answer is in', () => {
    const d = stepped('1', 'lb-1', 99);
    expect(mainContent(d, 80, makeTheme({ color: false, ascii: false })).anchor).toBeDefined();
  });
});
