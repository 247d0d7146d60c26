import * as z from 'zod';
import { topologyFileSchema } from './file-schema.js';

/**
 * The JSON Schema of topology files that ships as `topologies/schema.json`, generated from the
 * same zod schema the loader validates with. Draft-07, the dialect YAML editors support best;
 * a test keeps the shipped file in sync.
 */
export function topologyJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(topologyFileSchema, { target: 'draft-07', io: 'input' });
  return { $schema, title: 'infra-tui topology', ...rest };
}
