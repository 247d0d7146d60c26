import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { configFiles, configHostsOf, type ConfigFile } from '../export/config-files.js';
import { loadTopology } from '../model/load-topology.js';
import { checkConfigs } from './config-check.js';
import { UsageError, type Command } from './context.js';

/** Where a file goes under the output folder: `DIR/<host>/<absolute path>`. */
function outputPath(dir: string, file: ConfigFile): string {
  return join(dir, file.host, file.path);
}

/**
 * `infra-tui config <topology> [id] --out DIR [--check]`: writes every configuration file of the
 * design (or of the host(s) of one component or host) under DIR/<host>/, and with --check runs
 * the real programs on them (exit 1 when one fails or cannot run).
 */
export const configCommand: Command = async ({ args, flags, io }) => {
  const [arg, id, ...extra] = args;
  if (arg === undefined) throw new UsageError('config needs a topology: a number (0-4), an id, or a YAML file');
  if (extra.length > 0) throw new UsageError(`config takes a topology and at most one id, not also "${extra.join(' ')}"`);
  if (flags.out === undefined || flags.out === '') throw new UsageError('config needs --out DIR: the folder to write the files into');
  const topology = await loadTopology(arg, io.cwd);
  const hosts = id === undefined ? undefined : configHostsOf(topology, id);
  if (id !== undefined && hosts === undefined) throw new UsageError(`config: no component or host "${id}" in ${topology.id}`);
  const files = configFiles(topology).filter((f) => hosts === undefined || hosts.includes(f.host));
  if (files.length === 0) throw new UsageError(`config: ${id ?? topology.id} has no configuration file of its own`);
  const dir = resolve(io.cwd, flags.out);
  for (const file of files) {
    const path = outputPath(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${file.lines.join('\n')}\n`);
  }
  io.stdout(`wrote ${files.length} files for ${new Set(files.map((f) => f.host)).size} hosts under ${dir}\n`);
  if (!flags.check) return 0;
  const results = checkConfigs(dir, files);
  for (const r of results) {
    io.stdout(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.file}  (${r.how})\n`);
    for (const line of r.output) io.stdout(`      ${line}\n`);
  }
  const failed = results.filter((r) => !r.ok).length;
  io.stdout(failed === 0 ? `all ${results.length} checks passed\n` : `${failed} of ${results.length} checks failed\n`);
  return failed === 0 ? 0 : 1;
};
