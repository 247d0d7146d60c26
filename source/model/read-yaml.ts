import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { quote } from './plain-text.js';
import { TopologyError } from './errors.js';
import { positions, type Position, type Positions } from './positions.js';
import { capProblems, placed } from './problems.js';
import { maxFileBytes } from './limits.js';

/** Aliases are rare in a topology; a few are fine, many are how "billion laughs" files start. */
const maxAliases = 20;
/** Keys that would reach an object's prototype if ever copied naively. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** The plain data of a YAML file, with the lookup that places paths in its text. */
export interface YamlSource {
  readonly data: Record<string, unknown>;
  readonly positions: Positions;
}

const megabytes = (bytes: number) => `${(Math.ceil((bytes / maxFileBytes) * 10) / 10).toFixed(1)} MB`;

/** Where offset `index` of `text` is, 1-based, without parsing it. */
function positionOf(text: string, index: number): Position {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, col: index - before.lastIndexOf('\n') };
}

/** Refusals that need no parse: too large, binary. */
export function precheck(text: string, file: string): string | undefined {
  // A UTF-16 unit takes 1-3 UTF-8 bytes: only a text near the limit needs encoding to know.
  if (text.length * 3 > maxFileBytes) {
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > maxFileBytes) return placed(file, { line: 1, col: 1 }, `file is ${megabytes(bytes)}; topology files are limited to 1 MB`);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return placed(file, positionOf(text, nul), 'the file contains a NUL byte: it looks binary, not a YAML text file');
  return undefined;
}

/** Problems in the document tree itself: too many aliases, prototype keys (which it removes). */
function treeProblems(doc: Document, file: string, lines: LineCounter): string[] {
  const out: string[] = [];
  let aliases = 0;
  visit(doc, {
    Alias(_, node) {
      aliases += 1;
      if (aliases === maxAliases + 1) {
        out.push(placed(file, lines.linePos(node.range?.[0] ?? 0), `too many YAML aliases: a topology file may use at most ${maxAliases}`));
      }
    },
    Pair(_, pair) {
      if (!isScalar(pair.key) || !forbiddenKeys.has(String(pair.key.value))) return undefined;
      out.push(placed(file, lines.linePos(pair.key.range?.[0] ?? 0), `key "${String(pair.key.value)}" is not allowed`));
      return visit.REMOVE;
    },
  });
  return out;
}

/** The parser's message on one line, reworded where it speaks of its own API rather than the file. */
function yamlMessage(error: YAMLError, text: string): string {
  if (error.code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (a second ---); a topology is a single document';
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^["']?([^"':\n]*)/.exec(text.slice(error.pos[0]))?.[1]?.trim() ?? '';
    return `key ${quote(key)} appears twice in the same mapping`;
  }
  // The parser recovers from runaway nesting but reports it in the runtime's words.
  if (error.message.includes('call stack')) return 'the YAML nests too deeply to be a topology';
  if (error.code === 'TAG_RESOLVE_FAILED') return `${error.message.split('\n')[0] ?? ''}; topology files use plain YAML without custom tags`;
  return error.message.split('\n')[0] ?? error.message;
}

const shapeOf = (node: unknown) => (isSeq(node) ? 'a list' : isAlias(node) ? 'an alias' : 'a single value');

/**
 * Parses one YAML document into plain data. Throws `TopologyError` with every problem found at
 * this stage (size, binary content, syntax, aliases, forbidden keys, a top level that is not a
 * mapping, whose first keys `topLevel` shows); the data it returns is safe to hand to the schema.
 */
export function readYaml(text: string, file: string, topLevel = 'id: ..., title: ..., components: ...'): YamlSource {
  const refused = precheck(text, file);
  if (refused) throw new TopologyError([refused]);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = [...new Set([...doc.errors, ...doc.warnings].map((e) => placed(file, lines.linePos(e.pos[0]), yamlMessage(e, text))))];
  // Past the first few, syntax errors are echoes of an earlier one.
  if (syntax.length > 0) throw new TopologyError(capProblems(file, syntax));
  if (doc.contents === null) {
    throw new TopologyError([placed(file, { line: 1, col: 1 }, 'the file is empty; a topology needs at least id, title, summary, domain and components')]);
  }
  if (!isMap(doc.contents)) {
    const at = lines.linePos(doc.contents.range?.[0] ?? 0);
    throw new TopologyError([placed(file, at, `expected a mapping (${topLevel}) at the top level, found ${shapeOf(doc.contents)}`)]);
  }
  const tree = treeProblems(doc, file, lines);
  if (tree.length > 0) throw new TopologyError(capProblems(file, tree));
  try {
    const data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    return { data, positions: positions(doc, lines) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new TopologyError([placed(file, { line: 1, col: 1 }, `cannot expand the YAML: ${message}`)]);
  }
}
