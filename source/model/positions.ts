import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { quote } from './plain-text.js';

/** A 1-based place in the source text. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

/** A path into the parsed file, as zod and the checks report it: keys and list indexes. */
export type FilePath = readonly PropertyKey[];

/**
 * Maps a path in the parsed data back to where it is written. A path that goes deeper than
 * the file does (a missing key) resolves to the deepest node that exists, so a message about
 * a missing field points at the mapping that lacks it.
 */
export interface Positions {
  /** Where the value at `path` starts. */
  readonly value: (path: FilePath) => Position;
  /** Where the key of the last path segment is written (falls back to the value). */
  readonly key: (path: FilePath) => Position;
}

const start: Position = { line: 1, col: 1 };

/** Builds the position lookup of one parsed document. */
export function positions(doc: Document, lineCounter: LineCounter): Positions {
  const at = (offset: number | undefined): Position => (offset === undefined ? start : lineCounter.linePos(offset));

  /** The node at `path` (or the deepest ancestor found) and, for a mapping entry, its key node. */
  const walk = (path: FilePath) => {
    let node: unknown = doc.contents;
    let key: unknown;
    let depth = 0;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        key = pair.key;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        key = undefined;
        node = node.items[segment];
      } else {
        break;
      }
      depth += 1;
    }
    // A key only names the path's own last segment when the walk reached it.
    const complete = depth === path.length;
    return { node: node as Node | null, key: complete ? (key as Node | undefined) : undefined };
  };

  return {
    value: (path) => at(walk(path).node?.range?.[0]),
    key: (path) => {
      const found = walk(path);
      return at((found.key ?? found.node)?.range?.[0]);
    },
  };
}

/** Keys written bare in a path; any other key (spaces, controls) is quoted and escaped. */
const plainKey = /^[A-Za-z_$][\w$-]*$/;

/** `components[3].backends[1]`: how a path is written in messages; never emits a control character. */
export function formatPath(path: FilePath): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const key = String(segment);
      if (!plainKey.test(key)) return `[${quote(key)}]`;
      return index === 0 ? key : `.${key}`;
    })
    .join('');
}
