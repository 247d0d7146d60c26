/**
 * The numbers of the traffic model, with where each comes from. Values marked "config" are what
 * a typical set-up uses rather than a built-in default.
 */
import type { Ms } from '../types.js';

/** Default tick: fine enough to show a 2 s health-check cycle as it happens. */
export const DEFAULT_TICK_MS: Ms = 100;
/**
 * The tick for a clock speed: 100 ms at normal speed, coarser when the clock runs faster, so a
 * frame of the app (1/10 s of real time) never computes more than about ten ticks.
 */
export function tickForSpeed(speed: number): Ms {
  if (speed >= 100) return 1_000;
  if (speed >= 10) return 250;
  return DEFAULT_TICK_MS;
}

/**
 * The most work (component-ticks: ticks × components) one slice of a long `advance` does in the
 * app before it lets keys, signals and a frame through: under 100 ms on a 2-core laptop.
 */
export const SLICE_WORK = 12_000;

/** Seconds of history kept for sparklines. */
export const WINDOW_SECONDS = 60;
/** Log lines kept in memory; older ones are dropped. */
export const LOG_CAPACITY = 2_000;
/** Detections kept (oldest dropped). */
export const DETECTION_CAPACITY = 200;
/** Deploy records and user actions kept (oldest dropped). */
export const HISTORY_CAPACITY = 100;

/** The default shares of static files, dynamic reads and writes. */
export const DEFAULT_MIX = { static: 30, read: 50, write: 20 } as const;

/**
 * `systemctl restart gunicorn`: SIGTERM, workers finish what they are doing, the master exits,
 * then a new master imports the application and boots its workers. A few seconds for a typical
 * Flask or Django app (config: it depends on the app's import time).
 */
export const APP_RESTART_MS: Ms = 4_000;
/**
 * How long a drained server is left to finish the requests it already has before it is stopped
 * (HAProxy `set server web/<srv> state drain`, then wait for its sessions to reach 0). Requests
 * here last well under a second.
 */
export const DRAIN_WAIT_MS: Ms = 1_000;

/**
 * A "no data" alert fires when an agent has shipped nothing for this long. The collector ships
 * its batches every few seconds; the alert window is the monitor's setting (config, kept short
 * so a demo shows it).
 */
export const NO_DATA_ALERT_MS: Ms = 30_000;

/** First client port used in sampled log lines (Linux's ephemeral range starts at 32768). */
export const CLIENT_PORT = 40_312;
