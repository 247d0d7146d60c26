import { exportFormats, isExportFormat } from '../export/export-formats.js';
import { loadTopology } from '../model/load-topology.js';
import { UsageError, type Command } from './context.js';

const formatList = Object.keys(exportFormats).join(', ');

/**
 * `infra-tui export <topology> --format mermaid|dot|json|markdown`: the design in another tool's
 * language, on stdout. A missing or unknown format is a usage error naming the formats.
 */
export const exportCommand: Command = async ({ args, flags, io }) => {
  const [arg, ...extra] = args;
  if (arg === undefined) throw new UsageError('export needs a topology: a number (0-4), an id, or a YAML file');
  if (extra.length > 0) throw new UsageError(`export takes one topology, not also "${extra.join(' ')}"`);
  const format = flags.format;
  if (format === undefined) throw new UsageError(`export needs --format: one of ${formatList}`);
  if (!isExportFormat(format)) throw new UsageError(`unknown export format "${format}": use one of ${formatList}`);
  io.stdout(exportFormats[format](await loadTopology(arg, io.cwd)));
  return 0;
};
