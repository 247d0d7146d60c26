import { sgrOf, type StyledLine } from '../layout/index.js';

/**
 * Styled lines as terminal text: with `color`, each span in its SGR colour from the diagram's
 * palette, the app's own (reset after it); without, exactly the plain text. Every line ends with
 * a newline.
 */
export function ansiLines(lines: readonly StyledLine[], color: boolean): string {
  return lines
    .map((line) => {
      const text = line.map((span) => {
        const code = color ? sgrOf(span.style) : undefined;
        return code === undefined || span.text.trim() === '' ? span.text : `\u001b[${code}m${span.text}\u001b[0m`;
      });
      return text.join('').trimEnd();
    })
    .map((l) => `${l}\n`)
    .join('');
}
