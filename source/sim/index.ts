/**
 * The engine's public face: the only file of sim/ that ui/, export/ and commands/ may import
 * (eslint.config.js enforces it). Everything the engine offers goes through here, so what is
 * internal can change without reaching into the callers, and a reader sees the whole surface
 * in one place. Guaranteed: everything exported here is pure (state + input → new state + events).
 */
export { clientOsNames, defaultClientOs, type ClientOs } from './browser-os.js';
export { SIMULATE_SCHEMA_VERSION, TRACE_SCHEMA_VERSION } from './json-versions.js';
export { believedDown, createSim, failuresOf, failureStateOf, healthView, isDown, isHung, settle, step } from './engine.js';
export { summarize, summaryNextPart, summaryStart, summaryStep, type DesignSummary, type SummaryWork } from './compare.js';
export { compareRows, runNotes, runNotesTitle, type CompareFigure } from './compare-rows.js';
export { table, wrap } from './format-text.js';
export { describeOutcome, outcomeHead, succeeded } from './describe-outcome.js';
export { RESOLVER } from './dns.js';
export { formatTrace } from './format-trace.js';
export { HAPROXY_BACKEND } from './messages.js';
export { formatRequest, presets } from './request.js';
export { adoptSpofWork, analyzeSpof, impactSummary, spofCaseCount, spofOrder, spofRowsAt, spofRowsFrom, spofSliceRows, spofWork, type SpofWork } from './spof.js';
export { watcherOf } from './watchers.js';
export { HTTP_REDIRECT_PORT, topologyIndex } from './topology-index.js';
export { GUNICORN_TIMEOUT, INTERNET_MS, NGINX_CONNECT_TIMEOUT, NGINX_FAIL_TIMEOUT, NGINX_READ_TIMEOUT, VRRP_ADVERT, VRRP_MASTER_PRIORITY } from './timings.js';
export type { Hop, Impact, Ms, Request, SimEvent, SimInput, SimState, SpofRow, Trace } from './types.js';

export { formatSummary } from './traffic/format-summary.js';
export { filterLog } from './traffic/log-buffer.js';
export { formatMix } from './traffic/mix.js';
export { monitorView, type MonitorRow } from './traffic/monitoring.js';
export { continueSimulation, finishSimulation, simulationProgress, simulationWork, startSimulation, type SimulationOptions, type SimulationSummary } from './traffic/run-simulation.js';
export type { ScheduledAction } from './traffic/schedule.js';
export { isFailure, roundTally } from './traffic/tally.js';
export { QPS_LADDER, runSession, type SessionInput, type SessionNote, type Speed, type TrafficSession } from './traffic/session.js';
export { DEFAULT_MIX } from './traffic/timings.js';
export type { CurrentLoad, DeployRun, LogLine, Mix, SecondBucket, TrafficInput, TrafficState } from './traffic/types.js';
export { wire } from './traffic/wire.js';
