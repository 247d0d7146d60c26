import type { Scope } from '../commands/command-spec.js';
import { scopeTitles } from '../commands/command-spec.js';
import { keyRows, typedInHelpOrder } from '../commands/key-table.js';
import { line, seg, type Line } from './line.js';

/**
 * The help overlay's content for the scopes in force: each scope's keys (most specific first)
 * with one row per command, then the command-line forms, each list by help group. Generated from the command table, as
 * the key handling, the footer and the README are, so it is always true.
 */
export function helpLines(scopes: readonly Scope[], ascii: boolean, withCommandLine: boolean): Line[] {
  const lines: Line[] = [];
  const sections = scopes.map((scope) => ({ title: scopeTitles[scope], rows: keyRows(scope, ascii) }));
  const keyWidth = Math.max(...sections.flatMap((s) => s.rows.map((r) => r.keys.join(' ').length)));
  for (const section of sections) {
    lines.push(line(seg(section.title, 'title')));
    for (const row of section.rows) lines.push(line(seg(` ${row.keys.join(' ').padEnd(keyWidth)}`, 'key'), ` ${row.title}`));
    lines.push(line(''));
  }
  if (withCommandLine) {
    lines.push(line(seg('Command line (:, Tab completes, ↑↓ history)', 'title')));
    for (const { typed } of typedInHelpOrder) lines.push(line(seg(` :${typed.form}`, 'key')));
  }
  return lines;
}
