/** One problem in a topology file, already formatted as `file:line:col path: message`. */
export type TopologyProblem = string;

/**
 * A topology file that cannot be used: it carries every problem found (not just the first),
 * each as one readable line. The CLI prints them and exits 2.
 */
export class TopologyError extends Error {
  override readonly name = 'TopologyError';
  constructor(readonly problems: readonly TopologyProblem[]) {
    super(problems.join('\n'));
  }
}
