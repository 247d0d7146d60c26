import { exportFormats, isExportFormat } from '../export/export-formats.js';
import { topologyArg } from './shared-flags.js';
import { UsageError, type Command } from './context.js';

const formatList = Object.keys(exportFormats).join(', ');

/**
 * `infra-tui export <topology> --format mermaid|dot|json|markdown`: the design in another tool's
 * language, on stdout. A missing or unknown format is a usage error naming the formats.
 */
export const exportCommand: Command = async (context) => {
  const { flags, io } = context;
  const topology = await topologyArg(context, 'export');
  const format = flags.format;
  if (format === undefined) throw new UsageError(`export needs --format: one of ${formatList}`);
  if (!isExportFormat(format)) throw new UsageError(`unknown export format "${format}": use one of ${formatList}`);
  io.stdout(exportFormats[format](topology));
  return 0;
};
