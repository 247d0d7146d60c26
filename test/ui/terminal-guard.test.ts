import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { ENTER_ALT_SCREEN, HIDE_CURSOR, LEAVE_ALT_SCREEN, SHOW_CURSOR, guardTerminal, type HostProcess } from '../../source/ui/terminal-guard.js';

/** A process stand-in that records what is written, in order, and the exit code asked for. */
function fakeHost() {
  const emitter = new EventEmitter();
  const written: string[] = [];
  const exits: number[] = [];
  const host: HostProcess = {
    pid: 4242,
    stdin: { isTTY: true, setRawMode: (on: boolean) => written.push(`raw:${on}`) },
    kill: (pid, signal) => {
      written.push(`kill:${pid}:${signal}:${emitter.listenerCount(signal)}`);
    },
    stdout: { write: (text: string) => written.push(`out:${text}`) },
    stderr: { write: (text: string) => written.push(`err:${text}`) },
    on: (event, listener) => emitter.on(event, listener),
    off: (event, listener) => emitter.off(event, listener),
    exit: (code) => {
      exits.push(code);
    },
  };
  return { host, emitter, written, exits };
}

function guarded() {
  const fake = fakeHost();
  const calls: string[] = [];
  const guard = guardTerminal(fake.host, {
    onSignal: (code) => calls.push(`signal ${code}`),
    onCrash: () => calls.push('unmount'),
    onResume: () => calls.push('repaint'),
  });
  return { ...fake, calls, guard };
}

const restoreWrite = `out:${LEAVE_ALT_SCREEN}${SHOW_CURSOR}`;
/** What the guard wrote before anything happened: the alternate screen, raw mode. */
const START = 2;

describe('guardTerminal', () => {
  it('enters the alternate screen and raw mode at once (a key typed while the app starts is not echoed)', () => {
    expect(guarded().written).toEqual([`out:${ENTER_ALT_SCREEN}`, 'raw:true']);
  });

  it('on an uncaught exception: unmounts, restores the terminal, then one line on stderr, exit 1', () => {
    const { emitter, written, exits, calls } = guarded();
    emitter.emit('uncaughtException', new Error('boom in a handler'));
    expect(calls).toEqual(['unmount']);
    expect(written.slice(START)).toEqual([restoreWrite, 'raw:false', 'err:infra-tui: unexpected error: boom in a handler\n']);
    expect(exits).toEqual([1]);
  });

  it('restores only once, whatever follows (the exit event after the crash)', () => {
    const { emitter, written } = guarded();
    emitter.emit('uncaughtException', 'not even an Error');
    emitter.emit('exit', 1);
    expect(written.filter((w) => w === restoreWrite)).toHaveLength(1);
    expect(written.at(-1)).toBe('err:infra-tui: unexpected error: not even an Error\n');
  });

  it('turns a signal into an unmount with exit code 128 + its number, restoring on exit', () => {
    const { emitter, written, calls, exits } = guarded();
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT']) emitter.emit(signal);
    expect(calls).toEqual(['signal 143', 'signal 130', 'signal 129', 'signal 131']);
    expect(exits).toEqual([]);
    emitter.emit('exit', 0);
    expect(written.slice(START)).toEqual([restoreWrite, 'raw:false']);
  });

  it('restores and removes every handler on release', () => {
    const { emitter, written, guard } = guarded();
    guard.release();
    expect(written.slice(START)).toEqual([restoreWrite, 'raw:false']);
    for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGTSTP', 'SIGCONT', 'uncaughtException', 'exit']) expect(emitter.listenerCount(event), event).toBe(0);
  });

  it('on a stop (Ctrl-Z or SIGTSTP): gives the terminal back, then stops with the default action', () => {
    const { emitter, written } = guarded();
    emitter.emit('SIGTSTP');
    // The listener is gone when the stop is raised, so the kernel stops the process.
    expect(written.slice(START)).toEqual([`out:${LEAVE_ALT_SCREEN}${SHOW_CURSOR}`, 'raw:false', 'kill:4242:SIGTSTP:0']);
  });

  it('on SIGCONT after a stop: raw mode, alternate screen and hidden cursor back, then a repaint; stops again later', () => {
    const { emitter, written, calls, guard } = guarded();
    guard.suspend();
    written.length = 0;
    emitter.emit('SIGCONT');
    expect(written).toEqual(['raw:true', `out:${ENTER_ALT_SCREEN}${HIDE_CURSOR}`]);
    expect(calls).toEqual(['repaint']);
    expect(emitter.listenerCount('SIGTSTP')).toBe(1);
    // Restoring on exit writes again: the terminal was taken back.
    emitter.emit('exit', 0);
    expect(written.slice(-2)).toEqual([restoreWrite, 'raw:false']);
  });

  it('a SIGCONT without a stop only repaints', () => {
    const { emitter, written, calls } = guarded();
    emitter.emit('SIGCONT');
    expect(written.slice(START)).toEqual([]);
    expect(calls).toEqual(['repaint']);
  });

  it('when nothing stops it (no job control: the stop is dropped), takes the terminal back by itself', () => {
    vi.useFakeTimers();
    try {
      const { written, calls, guard } = guarded();
      guard.suspend();
      vi.advanceTimersByTime(1000);
      expect(written.slice(-2)).toEqual(['raw:true', `out:${ENTER_ALT_SCREEN}${HIDE_CURSOR}`]);
      expect(calls).toEqual(['repaint']);
    } finally {
      vi.useRealTimers();
    }
  });
});
