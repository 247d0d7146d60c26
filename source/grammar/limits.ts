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
  /**
   * The work one `simulate` may do, in component-ticks (ticks of 100 ms × components, see
   * `simulationWork`): under a minute on a 2-core laptop, with a progress bar. About 16 hours of
   * traffic on design 0, 6 on design 4, an hour on 200 components.
   */
  simulationWork: 8_000_000,
  /** Hops one `trace` may compute and print over all its requests (`--count` × hops each). */
  traceHops: 50_000,
} as const;
