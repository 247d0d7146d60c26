/**
 * Every limit of `infra-tui serve`, in one table: what a connection may take of the server, and
 * how long anything may last. The flags (`--max-sessions`, `--idle`) override the defaults.
 */
export const serveLimits = {
  /** The default port; an SSH server run as a normal user cannot take 22. */
  port: 2222,
  host: '127.0.0.1',
  maxSessions: 60,
  idleMs: 30 * 60_000,
  /** A session is closed after this long whatever it does (a forgotten terminal, a stuck client). */
  sessionMs: 4 * 3_600_000,
  /** From TCP connect to the end of the key exchange. */
  handshakeMs: 10_000,
  /** From TCP connect to a shell (OpenSSH's LoginGraceTime is 120 s; a class logs in faster). */
  loginMs: 60_000,
  /** Connections one address may open at once in a burst: a whole class behind one NAT. */
  burstPerAddress: 100,
  /** How fast an address earns a connection back once its burst is spent. */
  refillPerSecond: 2,
  /** Connections not yet logged in, beyond the sessions, before new ones are turned away. */
  pendingConnections: 40,
  /** A client that has this much output unsent, or has not taken any for `behindMs`, is dropped. */
  unsentBytes: 1024 * 1024,
  behindMs: 10_000,
  /** Terminal sizes are clamped to these (a 0×0 pty or a huge one must not break the layout). */
  columns: { min: 1, max: 500 },
  rows: { min: 1, max: 200 },
  /** Authentication attempts per connection, as OpenSSH's MaxAuthTries. */
  authAttempts: 6,
} as const;

/** The limits as a server uses them: the defaults, some changed by flags (or by a test). */
export type ServeLimits = { readonly [K in keyof typeof serveLimits]: (typeof serveLimits)[K] extends number ? number : (typeof serveLimits)[K] };
