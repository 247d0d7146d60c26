// Stands in for react-devtools-core and ws, which Ink loads only when DEV=true: the published CLI
// has no devtools, and keeping them out saves ~50 KB of code to compile at every start.
const noop = () => {};
export default { initialize: noop, connectToDevTools: noop };
export class WebSocket {}
