/**
 * The layout layer's entry points: lay a topology out once (`layoutTopology`), draw it with the
 * app's current view state as often as needed (`renderDiagram`), and flatten it to plain text
 * (`toPlainText`). The pipeline, one phase per file: collapse (big topologies only) → rank →
 * group-hosts → order → unit-layout
 * (size; dense-host for the dense arrangement) → position (position-dense) → choose-arrangement
 * → finish-layout: obstacles, route-edges (grid-search), edge-labels, monitoring-notes, legend →
 * render-diagram (canvas, ascii).
 */
export { layoutIfFits, layoutTopology } from './layout-topology.js';
export { DRAWN_LIMIT } from './collapse.js';
export { renderDiagram, toPlainText } from './render-diagram.js';
export type * from './types.js';
export { componentText, exportGraph } from './export-graph.js';
export type { FlowEdge } from './flow-graph.js';
export { palette, sgrOf } from './palette.js';
export { toAscii } from './ascii.js';
