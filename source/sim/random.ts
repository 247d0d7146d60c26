/**
 * A seeded pseudo-random generator (mulberry32). Its whole state is one 32-bit number, so it
 * lives in the plain-data SimState and a replay from the same seed draws the same numbers.
 */
export interface Draw {
  /** A number in [0, 1). */
  readonly value: number;
  /** The generator's next state. */
  readonly next: number;
}

/** Draws one number from generator state `state`. Pure. */
export function draw(state: number): Draw {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, next };
}

/** The generator state for a seed (any integer). */
export function seedState(seed: number): number {
  return Math.trunc(seed) | 0;
}
