import { TopologyError } from '../model/errors.js';
import { loadTopology } from '../model/load-topology.js';
import { inert } from '../model/plain-text.js';
import { UsageError, type Command } from './context.js';

/**
 * `infra-tui validate <file.yaml>...`: checks topology files. Prints `ok: <file> — <title>
 * (<n> components, <n> hosts)` per good file; for a bad one, every problem on its own line on
 * stderr. Exit 0 when all are good, 2 otherwise. Built-in numbers and ids are accepted too.
 */
export const validateCommand: Command = async ({ args, flags, io }) => {
  if (args.length === 0) throw new UsageError('validate needs a file: infra-tui validate <file.yaml>');
  const dash = flags.ascii ? '-' : '—';
  let status = 0;
  for (const arg of args) {
    try {
      const topology = await loadTopology(arg, io.cwd);
      io.stdout(`ok: ${inert(arg)} ${dash} ${topology.title} (${topology.components.length} components, ${topology.hosts.length} hosts)\n`);
    } catch (error) {
      if (!(error instanceof TopologyError)) throw error;
      for (const problem of error.problems) io.stderr(`${problem}\n`);
      status = 2;
    }
  }
  return status;
};
