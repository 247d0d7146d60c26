/**
 * The shapes and limits of a topology file that code outside the parser also needs. Kept apart
 * from the schema so that using them does not load the YAML parser and the schema library.
 */

/** Ids users type: lowercase letters, digits and hyphens, starting with a letter. */
export const idPattern = /^[a-z][a-z0-9-]*$/;

/** Durations with a unit: `500ms`, `2s`, `1m`, `1h`. */
export const durationPattern = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

/** Topology files larger than this are refused before they are parsed (1 MiB). */
export const maxFileBytes = 1024 * 1024;
