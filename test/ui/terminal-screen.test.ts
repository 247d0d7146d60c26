import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createTerminalScreen } from '../../source/ui/terminal-screen.js';

/** A terminal whose size the test sets, recording what is written to it. */
function fakeTerminal(columns: number, rows: number) {
  const signals = new EventEmitter();
  const output = { columns, rows, written: [] as string[], write: (text: string) => output.written.push(text) };
  const onWindowChange: Parameters<typeof createTerminalScreen>[1] = (listener) => {
    signals.on('SIGWINCH', listener);
    return () => signals.off('SIGWINCH', listener);
  };
  return { output, signals: onWindowChange, winch: () => signals.emit('SIGWINCH') };
}

describe('the screen between Ink and the terminal', () => {
  it('tells Ink the size the app is laid out for now, not the size at launch', () => {
    const t = fakeTerminal(80, 24);
    const screen = createTerminalScreen(t.output, t.signals);
    const sizes: { columns: number; rows: number }[] = [];
    screen.renderWith((size) => sizes.push(size));
    t.output.columns = 160;
    t.output.rows = 50;
    screen.repaint();
    expect(sizes).toEqual([{ columns: 160, rows: 50 }]);
    expect(screen.stream.columns).toBe(160);
    expect(screen.stream.rows).toBe(50);
    screen.dispose();
  });

  it('gathers a burst of window changes into one repaint at the last size', async () => {
    const t = fakeTerminal(80, 24);
    const screen = createTerminalScreen(t.output, t.signals);
    const sizes: { columns: number; rows: number }[] = [];
    screen.renderWith((size) => sizes.push(size));
    for (const columns of [90, 100, 120]) {
      t.output.columns = columns;
      t.winch();
    }
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sizes).toEqual([{ columns: 120, rows: 24 }]);
    expect(screen.stream.columns).toBe(120);
    expect(t.output.written.some((text) => text.includes('\x1b[2J\x1b[H'))).toBe(true);
    screen.dispose();
  });

  it('writes every frame as one synchronized update, and a repaint from its clear to its last line as one', () => {
    const t = fakeTerminal(80, 24);
    const screen = createTerminalScreen(t.output, t.signals);
    screen.stream.write('frame one');
    screen.attach((text) => {
      screen.stream.write('\x1b[2K');
      screen.stream.write(text);
      screen.stream.write('last frame');
    });
    screen.repaint();
    expect(t.output.written.join('')).toBe(
      '\x1b[?2026hframe one\x1b[?2026l' + '\x1b[?2026h\x1b[2J\x1b[H' + '\x1b[2K' + 'last frame' + '\x1b[?2026l',
    );
    screen.dispose();
  });

  it('applies a window change being gathered at once when asked (a key came), and only then', async () => {
    const t = fakeTerminal(59, 17);
    const screen = createTerminalScreen(t.output, t.signals);
    const sizes: { columns: number; rows: number }[] = [];
    screen.renderWith((size) => sizes.push(size));
    screen.settle();
    expect(sizes).toEqual([]);
    t.output.columns = 80;
    t.output.rows = 24;
    t.winch();
    screen.settle();
    expect(sizes).toEqual([{ columns: 80, rows: 24 }]);
    expect(screen.size()).toEqual({ columns: 80, rows: 24 });
    // The gathered repaint is done: it does not come again when the burst would have ended.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sizes).toHaveLength(1);
    screen.dispose();
  });

  it('applies a size the terminal measures before its window-change signal is handled', () => {
    const t = fakeTerminal(59, 17);
    let now = { columns: 59, rows: 17 };
    const screen = createTerminalScreen({ ...t.output, measure: () => now }, t.signals);
    const sizes: { columns: number; rows: number }[] = [];
    screen.renderWith((size) => sizes.push(size));
    screen.settle();
    expect(sizes).toEqual([]);
    now = { columns: 80, rows: 24 };
    screen.settle();
    expect(sizes).toEqual([{ columns: 80, rows: 24 }]);
    expect(screen.stream.columns).toBe(80);
    screen.dispose();
  });
});
