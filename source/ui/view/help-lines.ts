import { typedCommands } from '../commands/catalogue.js';
import { keyRows, keySections } from '../commands/key-table.js';
import type { KeyMap } from '../keys/key-map.js';
import { line, seg, type Line } from './line.js';

/**
 * The help overlay's content for the maps in force: each map's section (most specific first)
 * with one row per command, then the command-line syntax. Generated from the same data as the
 * key handling, the footer and the README, so it is always true.
 */
export function helpLines(maps: readonly KeyMap[], ascii: boolean, withCommandLine: boolean): Line[] {
  const lines: Line[] = [];
  const sections = maps.map((map) => ({ title: keySections.find((s) => s.map === map)?.title ?? 'Keys', rows: keyRows(map, ascii) }));
  const keyWidth = Math.max(...sections.flatMap((s) => s.rows.map((r) => r.keys.join(' ').length)));
  for (const section of sections) {
    lines.push(line(seg(section.title, 'title')));
    for (const row of section.rows) lines.push(line(seg(` ${row.keys.join(' ').padEnd(keyWidth)}`, 'key'), ` ${row.title}`));
    lines.push(line(''));
  }
  if (withCommandLine) {
    lines.push(line(seg('Command line (:, Tab completes)', 'title')));
    for (const info of typedCommands()) lines.push(line(seg(` :${info.syntax ?? ''}`, 'key')));
  }
  return lines;
}
