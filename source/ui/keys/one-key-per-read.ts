import { splitKeys } from './split-keys.js';

/**
 * The same input stream, except that each `read()` returns one key press (see `splitKeys`)
 * instead of a whole chunk: Ink reads until `read()` returns null and parses each read as one
 * key, so every key of a chunk reaches the app, in order, within the same read loop. Everything
 * else (raw mode, listeners, `isTTY`, ref/unref) is the stream's own, run on the stream itself.
 * Guaranteed: the keys returned, joined, are exactly what the stream delivered (as text);
 * `beforeKeys` runs after each chunk is read and before its first key is returned.
 */
export function oneKeyPerRead(stream: NodeJS.ReadStream, beforeKeys: () => void = () => undefined): NodeJS.ReadStream {
  let keys: string[] = [];
  // An index rather than `shift()`: a long paste is many keys, and shifting is linear each time.
  let next = 0;
  const read = (): string | null => {
    while (next >= keys.length) {
      const chunk = stream.read() as string | Buffer | null;
      if (chunk === null) return null;
      keys = splitKeys(chunk.toString());
      next = 0;
      beforeKeys();
    }
    const key = keys[next] as string;
    next += 1;
    return key;
  };
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'read') return read;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
