/**
 * Text from a topology file made inert for Markdown. Students hand in topology files and a
 * handout may be rendered by anything, including renderers that pass raw HTML through, so a
 * title, summary, tour text or label must never become an HTML element, a link, an image,
 * a heading or a code block of its own: it is shown exactly as written, as text.
 */

/**
 * Characters that start an inline construct anywhere in a line: raw HTML and autolinks (`<`),
 * entities (`&`), links and images (`[`, `]`), emphasis, code spans, strikethrough, table cells,
 * and the backslash itself. CommonMark lets any ASCII punctuation be escaped with a backslash,
 * which shows the character and nothing else. Without a `[`, `(` and `!` start nothing.
 */
const inlineSpecial = /[\\`*_[\]<>&|~]/g;

/**
 * Constructs a line can open with: a heading (`#`), a list item (`-`, `+`, `1.`, `1)`), a setext
 * underline (`=`), or an indented code block (leading spaces, dropped).
 */
function neutralLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '');
  return trimmed.replace(/^[-+=#]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** One line of file text (a title, a table cell): inline markup escaped, line breaks become spaces. */
export function markdownLine(text: string): string {
  return neutralLineStart(text.replace(/\s*\n\s*/g, ' ').replace(inlineSpecial, '\\$&'));
}

/**
 * A paragraph or more of file text: every line escaped as `markdownLine` does, blank lines kept
 * (they separate paragraphs, and a paragraph break cannot start anything).
 */
export function markdownText(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : neutralLineStart(l.replace(inlineSpecial, '\\$&'))))
    .join('\n');
}

/** The longest run of `char` in `text`. */
function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** A code span holding `text` exactly: its backtick fence is longer than any run inside (CommonMark 6.1). */
export function codeSpan(text: string): string {
  const one = text.replace(/\n/g, ' ');
  const fence = '`'.repeat(longestRun(one, '`') + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}

/** A fenced code block holding `text` exactly: no line inside can close it. */
export function codeBlock(text: string, info = 'text'): string[] {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return [`${fence}${info}`, ...text.split('\n'), fence];
}
