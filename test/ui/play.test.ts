import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { emptyLine, editLine, recall, remember } from '../../source/ui/commands/line-editor.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState, type DesignState } from '../../source/ui/state/app-state.js';
import { shownTime } from '../../source/ui/state/play.js';
import { currentFrame } from '../../source/ui/state/timeline.js';

const send: Action = { type: 'engine', input: { type: 'send', request: { kind: 'http', method: 'GET', path: '/' } } };
const hop: Action = { type: 'play-hop' };
const play: Action = { type: 'play', to: 'toggle' };

function run(...actions: readonly Action[]): AppState {
  return [{ type: 'open-design', topology: loadBuiltin('1') } as Action, ...actions].reduce(appReducer, initialAppState(1));
}
const d = (s: AppState): DesignState => s.design as DesignState;
const hops = (s: AppState) => currentFrame(d(s).timeline).trace?.hops.length ?? 0;

describe('playing a request hop by hop', () => {
  it('says there is nothing to play before a request is sent', () => {
    const s = run(play);
    expect(d(s).play.playing).toBe(false);
    expect(s.message?.text).toContain('no request to play');
  });

  it('advances one hop per timer action and stops at the response', () => {
    let s = run(send, play);
    expect(d(s).play.playing).toBe(true);
    const total = hops(s);
    const times: number[] = [shownTime(d(s))];
    for (let i = 1; i < total; i++) {
      expect(d(s).timeline.hop).toBe(i);
      s = appReducer(s, hop);
      times.push(shownTime(d(s)));
    }
    expect([d(s).timeline.hop, d(s).play.playing]).toEqual([total, false]);
    expect(s.message?.text).toContain('the response is back');
    // The clock on screen moves with the hops, never backwards.
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(appReducer(s, hop)).toBe(s);
  });

  it('plays from the first hop again once the response is back, and pauses with p or a step', () => {
    const ended = run(send, ...Array.from({ length: 30 }, () => ({ type: 'step' }) as const));
    const again = appReducer(ended, play);
    expect([d(again).timeline.hop, d(again).play.playing]).toEqual([1, true]);
    expect(d(appReducer(again, play)).play.playing).toBe(false);
    const stepped = appReducer(again, { type: 'step' });
    expect([d(stepped).timeline.hop, d(stepped).play.playing]).toEqual([2, false]);
  });

  it('changes speed a notch at a time between 0.25× and 4×', () => {
    const up = (n: number) => run(...Array.from({ length: n }, () => ({ type: 'play-speed', delta: 1 }) as const));
    expect([d(up(1)).play.speed, d(up(2)).play.speed]).toEqual([2, 4]);
    expect(up(3).message?.text).toContain('fastest');
    const down = run({ type: 'play-speed', delta: -1 }, { type: 'play-speed', delta: -1 }, { type: 'play-speed', delta: -1 });
    expect([d(down).play.speed, down.message?.text]).toEqual([0.25, expect.stringContaining('slowest')]);
    expect(d(run({ type: 'play-speed', to: 4 })).play.speed).toBe(4);
  });

  it('replays: the same actions give the same screens', () => {
    const actions: Action[] = [send, { type: 'play-speed', delta: 1 }, play, hop, hop, { type: 'step' }, play, hop];
    expect(run(...actions)).toEqual(run(...actions));
  });
});

describe('the command line history', () => {
  const typed = (text: string) => editLine(emptyLine, { text });
  it('recalls earlier commands with ↑, back to what was being typed with ↓', () => {
    let line = remember(typed('fail server-1'));
    line = remember({ ...line, text: 'advance 10s' });
    line = remember({ ...line, text: 'advance 10s' });
    expect(line.history).toEqual(['fail server-1', 'advance 10s']);
    line = { ...line, text: 'sen', cursor: 3, recall: null };
    const older = recall(line, -1);
    expect(older.text).toBe('advance 10s');
    expect(recall(recall(older, -1), -1).text).toBe('fail server-1');
    expect(recall(older, 1)).toMatchObject({ text: 'sen', recall: null });
  });

  it('keeps the history when the line is closed and opened again', () => {
    const s = [{ type: 'overlay', overlay: 'command' } as const, { type: 'line', line: remember(typed('heal all')) } as const, { type: 'overlay', overlay: 'none' } as const, { type: 'overlay', overlay: 'command' } as const].reduce(appReducer, initialAppState(1));
    expect([s.line.text, s.line.history]).toEqual(['', ['heal all']]);
  });
});

describe('commands about "the request" act on the one on screen', () => {
  it('the wire view shows the hop the request on screen took, not the next request', async () => {
    const { mainContent } = await import('../../source/ui/view/main-content.js');
    const { makeTheme } = await import('../../source/ui/theme.js');
    const theme = makeTheme({ color: false, ascii: false });
    const sent = run(send, send);
    const served = currentFrame(d(sent).timeline).trace?.outcome.servedBy ?? '';
    const other = served === 'nginx-1' ? 'nginx-2' : 'nginx-1';
    const text = (to: string) => mainContent(d(appReducer(sent, { type: 'wire', from: 'haproxy-1', to })), 80, theme).lines.map((l) => l.map((s) => s.text).join('')).join('\n');
    expect(text(served)).toContain(`haproxy-1 -> ${served}`);
    expect(text(other)).toContain(`never crosses between haproxy-1 and ${other}`);
  });
});
