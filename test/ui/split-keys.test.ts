import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { oneKeyPerRead } from '../../source/ui/keys/one-key-per-read.js';
import { splitKeys } from '../../source/ui/keys/split-keys.js';

const ESC = '\x1b';

/** Whole keys as terminals send them: characters (wide, astral, control) and escape sequences. */
const key = fc.oneof(
  fc.constantFrom(...'aqQ:?0 []O~$;', '\r', '\t', '\x7f', '\x03', 'é', '界', '😀', ESC),
  fc.constantFrom('[A', '[B', '[C', '[D', '[Z', '[H', '[F', '[3~', '[5~', '[6~', '[1;5A', '[[A', '[[5~', '[2$', '[200~', '[201~', 'OP', 'OA', 'Oa', 'O5B').map((tail) => ESC + tail),
);

/** Keys in a row, without an Esc just before a key beginning `[` or `O` (a terminal cannot tell those apart either). */
const keyRow = fc.array(key, { maxLength: 30 }).filter((keys) => keys.every((k, i) => k !== ESC || !/^[[O]/.test(keys[i + 1] ?? '')));

describe('splitKeys: a chunk of terminal input into its key presses', () => {
  it('gives back exactly the keys that were sent together, in order', () => {
    fc.assert(
      fc.property(keyRow, (keys) => {
        expect(splitKeys(keys.join(''))).toEqual(keys);
      }),
    );
  });

  it('loses and invents nothing on any input: the keys joined are the chunk, none is empty', () => {
    const anyChunk = fc.string({ unit: fc.constantFrom(...'a[O0;~$@\r', ESC, '😀', '\ud800'), maxLength: 40 });
    fc.assert(
      fc.property(anyChunk, (chunk) => {
        const keys = splitKeys(chunk);
        expect(keys.join('')).toBe(chunk);
        expect(keys.every((k) => k.length > 0)).toBe(true);
      }),
    );
  });

  it('splits the chunks that lost keys: an arrow and letters, Esc and a letter, a pasted command', () => {
    expect(splitKeys('\x1b[Aab')).toEqual(['\x1b[A', 'a', 'b']);
    expect(splitKeys('\x1bq')).toEqual([ESC, 'q']);
    expect(splitKeys('\x1b\x1b[B')).toEqual([ESC, '\x1b[B']);
    expect(splitKeys(':fail db\r')).toEqual([...':fail db', '\r']);
    expect(splitKeys('\x1b[200~hi\x1b[201~')).toEqual(['\x1b[200~', 'h', 'i', '\x1b[201~']);
  });

  it('keeps a sequence cut off by the end of the chunk as one key', () => {
    expect(splitKeys('a\x1b[1;')).toEqual(['a', '\x1b[1;']);
    expect(splitKeys('\x1bO')).toEqual(['\x1bO']);
  });
});

describe('oneKeyPerRead: a stream read one key at a time', () => {
  const keyed = () => {
    const stream = new PassThrough();
    stream.setEncoding('utf8');
    return { stream, keys: oneKeyPerRead(stream as unknown as NodeJS.ReadStream) };
  };
  const drain = (keys: NodeJS.ReadStream) => {
    const out: string[] = [];
    for (let k = keys.read() as string | null; k !== null; k = keys.read() as string | null) out.push(k);
    return out;
  };

  it('hands each key of a chunk to its own read, then null, as Ink reads', async () => {
    const { stream, keys } = keyed();
    const readable = new Promise((resolve) => keys.once('readable', resolve));
    stream.write('x\x1b[6~:q\r');
    await readable;
    expect(drain(keys)).toEqual(['x', '\x1b[6~', ':', 'q', '\r']);
  });

  it('hands over a long paste whole and in order', async () => {
    const { stream, keys } = keyed();
    const text = 'ab'.repeat(20_000);
    const readable = new Promise((resolve) => keys.once('readable', resolve));
    stream.write(text);
    await readable;
    expect(drain(keys).join('')).toBe(text);
  });

  it('runs its hook once per chunk read, before the chunk’s first key is handed over', async () => {
    const stream = new PassThrough();
    stream.setEncoding('utf8');
    const log: string[] = [];
    const keys = oneKeyPerRead(stream as unknown as NodeJS.ReadStream, () => log.push('hook'));
    const readable = new Promise((resolve) => keys.once('readable', resolve));
    stream.write('ab');
    await readable;
    expect(keys.read()).toBe('a');
    log.push('a');
    expect(keys.read()).toBe('b');
    log.push('b');
    expect(keys.read()).toBeNull();
    expect(log).toEqual(['hook', 'a', 'b']);
  });

  it('is the stream otherwise: its listeners and properties are the stream’s own', () => {
    const { stream, keys } = keyed();
    const listener = () => undefined;
    keys.on('end', listener);
    expect(stream.listeners('end')).toContain(listener);
    keys.removeListener('end', listener);
    expect(stream.listeners('end')).not.toContain(listener);
    expect(keys.readableEncoding).toBe('utf8');
  });
});
