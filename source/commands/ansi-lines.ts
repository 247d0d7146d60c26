import type { Style, StyledLine } from '../layout/index.js';

/** SGR parameters per style: states stand out, structure stays quiet. Plain styles get none. */
const sgr: Partial<Record<Style, string>> = {
  frame: '2',
  muted: '2',
  label: '1',
  failed: '1;31',
  'believed-down': '1;33',
  active: '1;7;36',
  path: '36',
  selected: '7',
  focus: '1;35',
  encrypted: '32',
  badge: '35',
  mark: '1;33',
};

/**
 * Styled lines as terminal text: with `color`, each span in its SGR colour (reset after it);
 * without, exactly the plain text. Every line ends with a newline.
 */
export function ansiLines(lines: readonly StyledLine[], color: boolean): string {
  return lines
    .map((line) => {
      const text = line.map((span) => {
        const code = color ? sgr[span.style] : undefined;
        return code === undefined || span.text.trim() === '' ? span.text : `\u001b[${code}m${span.text}\u001b[0m`;
      });
      return text.join('').trimEnd();
    })
    .map((l) => `${l}\n`)
    .join('');
}
