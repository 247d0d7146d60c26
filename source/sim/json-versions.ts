/**
 * The versions of the JSON that `trace --json` and `simulate --json` print. A script reading
 * them checks `schemaVersion`; it goes up whenever a field changes meaning or disappears, or a
 * hop appears where none was before (readme, "JSON output").
 */

/** 2: `schemaVersion` and `client` added; SYN retransmissions, the resolver and firewalls as hops. */
export const TRACE_SCHEMA_VERSION = 2;
/** 2: `schemaVersion` added; requests in the gap of a VIP failover are served late (SYN retransmission), not failed. */
export const SIMULATE_SCHEMA_VERSION = 2;
