/**
 * The client's operating system decides how long a browser keeps trying to open a TCP connection
 * that nobody answers: it retransmits the SYN after a retransmission time-out (RTO) that doubles
 * each time, and gives up after a fixed number of retransmissions. Browsers leave this to the OS.
 */
import type { Ms } from '../model/types.js';

export const clientOsNames = ['linux', 'windows'] as const;
export type ClientOs = (typeof clientOsNames)[number];

export interface SynSchedule {
  /** How the trace names it. */
  readonly label: string;
  /** When each SYN leaves, in ms after the first (the first at 0). */
  readonly sends: readonly Ms[];
  /** When the client gives up and reports a time-out, in ms after the first SYN. */
  readonly givesUp: Ms;
  /** Where the numbers come from. */
  readonly source: string;
}

/** SYN times and give-up time for an initial RTO doubled after each of `retries` retransmissions. */
function schedule(label: string, initialRto: Ms, retries: number, source: string): SynSchedule {
  const sends: Ms[] = [0];
  let rto = initialRto;
  for (let i = 0; i < retries; i++) {
    sends.push((sends[sends.length - 1] ?? 0) + rto);
    rto *= 2;
  }
  return { label, sends, givesUp: (sends[sends.length - 1] ?? 0) + rto, source };
}

/**
 * Linux: initial RTO 1 s (RFC 6298 §2.1, `TCP_TIMEOUT_INIT`), `net.ipv4.tcp_syn_retries = 6`:
 * SYNs at 0, 1, 3, 7, 15, 31, 63 s, time-out at 127 s. Windows: initial RTO 3 s,
 * `TcpMaxConnectRetransmissions = 2`: SYNs at 0, 3, 9 s, time-out at 21 s.
 */
export const clientOses: Readonly<Record<ClientOs, SynSchedule>> = {
  linux: schedule('Linux', 1_000, 6, 'initial RTO 1 s per RFC 6298, tcp_syn_retries 6'),
  windows: schedule('Windows', 3_000, 2, 'initial RTO 3 s, TcpMaxConnectRetransmissions 2'),
};

/** The client the simulation assumes unless told otherwise. */
export const defaultClientOs: ClientOs = 'linux';
