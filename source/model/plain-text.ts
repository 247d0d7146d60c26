/* eslint-disable no-control-regex -- these patterns exist to find control characters */
/**
 * Text that reaches the terminal must be inert: a label carrying ESC could move the cursor,
 * recolour the screen or rewrite the title bar. These helpers find such characters in file
 * strings and render any file value safely inside an error message.
 */

/** C0 controls except LF, DEL, C1 controls, and the bidirectional overrides that reorder text. */
const unsafeInText = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** The same, with LF also unsafe: for one-line fields. */
const unsafeInLine = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The regular expressions (as written in the JSON Schema) that accept safe one-line and multi-line text. */
export const safeLinePattern = /^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/u;
export const safeTextPattern = /^[^\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/u;

/** `\u001b`-style spelling of one character, so a message can name it without emitting it. */
function spell(char: string): string {
  return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

/**
 * Why a file string may not be shown as is, or undefined when it is safe.
 * `multiLine` allows line feeds (tour and issue texts, explanations).
 */
export function unsafeTextReason(value: string, multiLine: boolean): string | undefined {
  const match = (multiLine ? unsafeInText : unsafeInLine).exec(value);
  if (!match) return undefined;
  const char = match[0];
  const code = char.codePointAt(0) ?? 0;
  const what =
    char === '\u001b'
      ? 'an escape character (ESC, \\u001b)'
      : code >= 0x2000
        ? `a text-direction override (${spell(char)})`
        : `a control character (${spell(char)})`;
  const allowed = multiLine ? 'plain text and line breaks are' : 'plain text on one line is';
  return `contains ${what} at character ${match.index + 1}; only ${allowed} allowed here`;
}

/** `text` with every character a terminal would act on spelled out: safe to print as one line. */
export function inert(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, spell);
}

/**
 * A file value quoted for an error message: strings in double quotes with every control,
 * C1 and bidi character escaped, long ones cut at `max` characters.
 */
export function quote(value: string, max = 40): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, spell);
}

/** How a found value is described in a message: `"random"`, `8080`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
