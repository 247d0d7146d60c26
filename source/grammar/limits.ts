/**
 * The limits of everything a person types, in one table: the command line flags, the `:` line
 * and scripted actions all check against these, so the same value is accepted or refused
 * everywhere with the same words.
 */
export const limits = {
  /** Offered load in requests per second: beyond it the numbers stop teaching anything. */
  qps: 100_000,
  /** One `advance` (a key, `:advance`): an hour is more than any check, time-out or failover takes. */
  advanceMs: 3_600_000,
  /** Virtual time one run covers (`simulate --duration`, `trace --after`): a day. */
  runMs: 86_400_000,
  /** Requests `trace --count` sends in a row. */
  count: 1_000,
} as const;
