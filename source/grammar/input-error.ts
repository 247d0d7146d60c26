/**
 * A mistake in something a person typed (a flag value, a `:` command, an `--at` action): one
 * line that says what is wrong and shows the right form. The same mistake gets the same line
 * wherever it is typed; the caller only puts where it was typed in front (`--after: `, `advance: `).
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** The outcome of parsing one thing typed: its value, or the one-line reason it was refused. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Runs a parser of this module and turns its InputError into a refusal; other errors propagate (they are bugs). */
export function attempt<T>(parse: () => T): Parsed<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, message: error.message };
    throw error;
  }
}
