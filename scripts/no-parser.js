// The bundled CLI carries the built-in designs already parsed (scripts/build.js), so the
// built-in registry never needs the parser; this keeps YAML and the schema library out of its
// start-up. Files the user names are parsed by source/model/load-topology.ts, which loads the
// real parser on demand.
export function parseTopology() {
  throw new Error('the built-in designs are embedded in this build and are never parsed at run time');
}
