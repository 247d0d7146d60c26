import { inert } from './plain-text.js';
import { formatPath, type FilePath, type Position, type Positions } from './positions.js';

/** One thing wrong with a file, before it is placed: where (a data path) and what. */
export interface Problem {
  readonly path: FilePath;
  readonly message: string;
  /** Point at the key of the last segment (an unknown key) rather than its value. */
  readonly at?: 'key' | 'value';
}

/** A problem that already knows its place (YAML syntax errors, size and encoding checks). */
export function placed(file: string, position: Position, message: string): string {
  return inert(`${file}:${position.line}:${position.col}: ${message}`);
}

/**
 * Each problem as one line `file:line:col path: message`, sorted by where it is written, so a
 * reader can fix a file top to bottom; any control character (even in the file name) is spelled out. Sorting is stable: problems at one place keep their order.
 */
export function formatProblems(file: string, problems: readonly Problem[], where: Positions): string[] {
  // Placing a problem looks its path up in the file: bound that work for a file wrong everywhere.
  const lines = problems
    .slice(0, maxPlaced)
    .map((problem) => {
      const position = problem.at === 'key' ? where.key(problem.path) : where.value(problem.path);
      const path = formatPath(problem.path);
      return { position, line: inert(`${file}:${position.line}:${position.col} ${path}${path ? '' : '(top level)'}: ${problem.message}`) };
    })
    .sort((a, b) => a.position.line - b.position.line || a.position.col - b.position.col)
    .map((entry) => entry.line);
  return capProblems(file, lines, problems.length - lines.length);
}

/** Problems placed and sorted at most; the rest are only counted (they come in the file's order). */
const maxPlaced = 200;

/** Problems listed in full; past them a file is more likely wrong as a whole than in each place. */
const maxProblems = 20;

/**
 * The first `maxProblems` lines and one that counts the rest, so a file with ten thousand bad
 * keys costs a screenful to report, not ten thousand lines.
 */
export function capProblems(file: string, lines: readonly string[], unplaced = 0): string[] {
  if (lines.length <= maxProblems && unplaced === 0) return [...lines];
  const more = Math.max(0, lines.length - maxProblems) + unplaced;
  return [...lines.slice(0, maxProblems), placed(file, { line: 1, col: 1 }, `${more} more problem${more > 1 ? 's' : ''} not shown (fix these first)`)];
}
