import { relative, dirname } from 'node:path';
import { builtins, type BuiltinEntry } from '../model/load-builtins.js';
import { UsageError, type Command } from './context.js';

/** Cuts `text` to `width` characters, marking the cut. */
function fit(text: string, width: number, ellipsis: string): string {
  if (text.length <= width) return text;
  return width <= ellipsis.length ? text.slice(0, Math.max(0, width)) : `${text.slice(0, width - ellipsis.length)}${ellipsis}`;
}

/** Below this many columns a summary beside the title is unreadable; it moves to its own line. */
const minSummary = 30;

/**
 * The aligned table. With a `width`, no line is longer: summaries are cut (marked with an
 * ellipsis), and when too little room is left beside the titles each summary gets its own line.
 */
export function listTable(entries: readonly BuiltinEntry[], width: number | undefined, ascii: boolean): string {
  const rows = entries.map((e) => ({ number: String(e.number), id: e.id, title: e.title, summary: e.summary }));
  const heads = { number: '#', id: 'ID', title: 'TITLE' };
  const widthOf = (key: keyof typeof heads) => Math.max(heads[key].length, ...rows.map((r) => r[key].length));
  const columns = { number: widthOf('number'), id: widthOf('id'), title: widthOf('title') };
  // Summaries on their own line start under the ids, leaving them most of the width.
  const indent = columns.number + 2;
  const lead = indent + columns.id + 2 + columns.title + 2;
  const below = width !== undefined && width - lead < minSummary;
  const cut = (text: string, room: number) => (width === undefined ? text : fit(text, room, ascii ? '...' : '…'));
  const line = (r: (typeof rows)[number]) => {
    const left = `${r.number.padEnd(columns.number)}  ${r.id.padEnd(columns.id)}  `;
    if (!below) return `${left}${r.title.padEnd(columns.title)}  ${cut(r.summary, (width ?? 0) - lead)}`.trimEnd();
    return `${cut(`${left}${r.title}`, width ?? 0)}\n${' '.repeat(indent)}${cut(r.summary, (width ?? 0) - indent)}`;
  };
  const head = `${heads.number.padEnd(columns.number)}  ${heads.id.padEnd(columns.id)}  `;
  const header = below ? `${head}TITLE / SUMMARY` : `${head}${heads.title.padEnd(columns.title)}  SUMMARY`;
  return [header, ...rows.map(line)].join('\n');
}

/**
 * `infra-tui list`: the built-in designs as a table (number, id, title, summary). On a terminal
 * the summaries are cut to fit its width (`--width` overrides); `--json` prints an array of
 * `{ number, id, title, summary, file }` with `file` relative to the package.
 */
export const listCommand: Command = ({ args, flags, io }) => {
  if (args.length > 0) throw new UsageError(`list takes no argument, not "${args.join(' ')}"`);
  const entries = builtins();
  if (flags.json) {
    const rows = entries.map((e) => ({ number: e.number, id: e.id, title: e.title, summary: e.summary, file: relative(dirname(dirname(e.file)), e.file) }));
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = flags.width ?? (io.stdoutIsTTY ? (io.columns ?? 80) : undefined);
  io.stdout(`${listTable(entries, width, flags.ascii)}\n`);
  return 0;
};
