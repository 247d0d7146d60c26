import * as z from 'zod';
import { scenarioFileSchema } from './file-schema.js';

/**
 * The JSON Schema of scenario files that ships as `scenarios/schema.json`, generated from the
 * schema the loader validates with (draft-07, as for topologies); a test keeps it in sync.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(scenarioFileSchema, { target: 'draft-07', io: 'input' });
  return { $schema, title: 'infra-tui scenario', ...rest };
}
