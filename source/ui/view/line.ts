import type { Tone } from '../theme.js';

/** A run of text in one tone. */
export interface Segment {
  readonly text: string;
  readonly tone?: Tone;
}

/** One row of a panel. Panels build these as data; `Panel` draws them. */
export type Line = readonly Segment[];

/** A line of segments; strings are plain text. */
export function line(...parts: readonly (Segment | string)[]): Line {
  return parts.map((p) => (typeof p === 'string' ? { text: p } : p));
}

export const seg = (text: string, tone?: Tone): Segment => (tone ? { text, tone } : { text });

/** Wrapped prose as lines, each indented, all in one tone. */
export function prose(wrapped: readonly string[], indent: string, tone?: Tone): Line[] {
  return wrapped.map((w) => line(seg(`${indent}${w}`, tone)));
}
