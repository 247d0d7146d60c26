import { createServer, type Socket } from 'node:net';
import ssh2, { type Connection, type ServerChannel } from 'ssh2';
import { formatDuration } from '../grammar/duration.js';
import { HIDE_CURSOR, LEAVE_ALT_SCREEN, SHOW_CURSOR, ENTER_ALT_SCREEN } from '../ui/terminal-guard.js';
import { authenticate, type AuthConfig, type Role } from './auth.js';
import { createChannelTerminal, type ChannelTerminal } from './channel-terminal.js';
import { createClassroom, type Classroom, type ClassroomOptions, type Member } from './classroom.js';
import { createRateLimit } from './rate-limit.js';
import { listenToSession, type ShellRequest } from './session-channel.js';
import { sessionLook, type AsciiOnly } from './session-env.js';
import { serveLimits, type ServeLimits } from './serve-limits.js';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** Changes to `serveLimits` (`--max-sessions`, `--idle`). */
  readonly limits?: Partial<ServeLimits>;
  /** The host key, in a format ssh2 reads (see `loadHostKey`). */
  readonly hostKey: Buffer;
  readonly auth: AuthConfig;
  readonly seed: number;
  readonly asciiOnly: AsciiOnly;
  /** One line per connect and disconnect (with the reason), and the classroom's events. */
  readonly log: (line: string) => void;
  /** The built-in scenarios, for the app's compare screen to play (see `ClassroomOptions`). */
  readonly builtinScenarios?: ClassroomOptions['builtinScenarios'];
}

export interface RunningServer {
  /** The port listened on (the one the system chose for port 0). */
  readonly port: number;
  readonly classroom: Classroom;
  /** Sessions with a shell now. */
  readonly sessions: () => number;
  /** Stops listening and ends every session, saying why; resolves once all are closed. */
  readonly close: (reason: string) => Promise<void>;
}

/** One TCP connection, from accept to close. */
interface Peer {
  readonly id: number;
  readonly address: string;
  readonly socket: Socket;
  readonly started: number;
  handshaken: boolean;
  role: Role | undefined;
  authFailures: number;
  session: { channel: ServerChannel; terminal: ChannelTerminal; member: Member; started: number; lastInput: number } | undefined;
  reason: string | undefined;
  client: Connection | undefined;
}

const peerOf = new WeakMap<Socket, Peer>();
const socketOf = (client: Connection) => (client as unknown as { _sock: Socket })._sock;

/**
 * `infra-tui serve`: an SSH server (ssh2: no protocol code of ours) whose every login with a
 * terminal gets the app, and nothing else: no command, no subsystem, no forwarding, no file. Each
 * limit of `serveLimits` is enforced here: rate per address, sessions, time-outs, idle and slow
 * clients; a connection's trouble ends that connection only.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const limits: ServeLimits = { ...serveLimits, ...options.limits };
  const classroom = createClassroom({ seed: options.seed, presenterMode: options.auth.presenter, log: options.log, builtinScenarios: options.builtinScenarios });
  const peers = new Set<Peer>();
  const admit = createRateLimit(limits.burstPerAddress, limits.refillPerSecond);
  let nextId = 1;
  const sessions = () => [...peers].filter((p) => p.session).length;
  const ssh = new ssh2.Server({ hostKeys: [options.hostKey], ident: 'infra-tui' }, (client) => onClient(client));

  /** Ends a connection: its session (if any) is told why on its channel, its terminal restored. */
  const end = (peer: Peer, reason: string, message?: string, code = 0, channel = peer.session?.channel) => {
    peer.reason ??= reason;
    // Only a session that drew the app has a screen to give back.
    const restore = peer.session ? LEAVE_ALT_SCREEN + SHOW_CURSOR : '';
    if (peer.session) classroom.leave(peer.session.member);
    peer.session = undefined;
    if (channel?.writable) {
      channel.write(`${restore}${message ? `${message}\r\n` : ''}`);
      channel.exit(code);
      channel.end();
      // Read to its end, or the channel never closes.
      channel.resume();
      channel.once('close', () => peer.client?.end());
      // The client closes the connection once it has the exit status (OpenSSH exits 255 when the
      // connection goes first); the timer below cuts off one that does not.
    } else if (peer.client) peer.client.end();
    else peer.socket.destroy();
    // A client that ignores the end is cut off.
    setTimeout(() => peer.socket.destroy(), 2000).unref();
  };

  const startSession = (peer: Peer, request: ShellRequest) => {
    const { channel, pty } = request;
    if (!pty) return end(peer, 'no terminal', 'infra-tui serve needs a terminal: log in with ssh -t', 2, channel);
    if (sessions() >= limits.maxSessions) {
      return end(peer, 'server full', `infra-tui: the class is full (${limits.maxSessions} sessions); please try again in a minute`, 1, channel);
    }
    if (peer.role === 'presenter' && classroom.hasPresenter()) return end(peer, 'second presenter', 'infra-tui: a presenter is already connected', 1, channel);
    const terminal = createChannelTerminal({ write: (text) => channel.writable && channel.write(text), unsent: () => channel.writableLength + peer.socket.writableLength }, { columns: pty.cols, rows: pty.rows }, limits);
    const member: Member = { terminal, look: sessionLook(request.env, options.asciiOnly), presenter: peer.role === 'presenter', end: (reason) => end(peer, reason) };
    const now = Date.now();
    peer.session = { channel, terminal, member, started: now, lastInput: now };
    channel.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
    channel.on('data', (data: Buffer) => {
      if (!peer.session) return;
      peer.session.lastInput = Date.now();
      classroom.input(member, data.toString('utf8'));
    });
    channel.on('close', () => end(peer, 'client closed'));
    classroom.join(member);
    options.log(`session #${peer.id} ${peer.role ?? 'student'} ${terminal.size().columns}x${terminal.size().rows} ${request.env['TERM'] ?? ''}`.trimEnd());
  };

  const onClient = (client: Connection) => {
    const peer = peerOf.get(socketOf(client));
    if (!peer) return client.end();
    peer.client = client;
    client.on('error', (error: Error) => {
      peer.reason ??= `error: ${error.message}`;
    });
    client.on('handshake', () => {
      peer.handshaken = true;
    });
    client.on('authentication', (ctx) => {
      if (peer.authFailures >= limits.authAttempts) return end(peer, 'too many authentication failures');
      const reject = ctx.reject.bind(ctx);
      ctx.reject = (...args: Parameters<typeof ctx.reject>) => {
        if (ctx.method !== 'none') peer.authFailures++;
        reject(...args);
      };
      authenticate(options.auth, ctx, (role) => {
        peer.role = role;
      });
    });
    client.on('ready', () => {
      client.on('session', (accept, reject) => {
        // One session per connection: the app is the only thing a login gets.
        if (peer.session) return reject();
        listenToSession(accept(), {
          onShell: (request) => startSession(peer, request),
          onResize: (columns, rows) => {
            if (!peer.session) return;
            peer.session.terminal.resize(columns, rows);
            classroom.resized(peer.session.member);
          },
          onRefused: (what) => options.log(`session #${peer.id} refused ${what}`),
        });
      });
      // Global requests (port forwarding from the server's side, and the like) are all refused.
      client.on('request', (_accept, reject, name) => {
        options.log(`session #${peer.id} refused ${name}`);
        reject?.();
      });
    });
  };

  const onSocket = (socket: Socket) => {
    const address = socket.remoteAddress ?? '?';
    const id = nextId++;
    if (!admit(address, Date.now())) {
      options.log(`refused #${id} ${address}: too many connections from this address`);
      return socket.destroy();
    }
    if (peers.size >= limits.maxSessions + limits.pendingConnections) {
      options.log(`refused #${id} ${address}: too many connections`);
      return socket.destroy();
    }
    const peer: Peer = { id, address, socket, started: Date.now(), handshaken: false, role: undefined, authFailures: 0, session: undefined, reason: undefined, client: undefined };
    peers.add(peer);
    peerOf.set(socket, peer);
    options.log(`connect #${id} ${address}:${socket.remotePort ?? ''}`);
    socket.on('error', (error) => {
      peer.reason ??= `error: ${error.message}`;
    });
    socket.on('close', () => {
      peers.delete(peer);
      if (peer.session) classroom.leave(peer.session.member);
      peer.session = undefined;
      options.log(`disconnect #${id} ${address} after ${formatDuration(Date.now() - peer.started)}: ${peer.reason ?? 'connection closed'}`);
    });
    ssh.injectSocket(socket);
  };

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const peer of peers) {
      const s = peer.session;
      const age = now - peer.started;
      if (!peer.handshaken && age > limits.handshakeMs) end(peer, 'handshake time-out');
      else if (!s && !peer.reason && age > limits.loginMs) end(peer, 'login time-out');
      else if (s && now - s.lastInput > limits.idleMs) end(peer, `idle for ${formatDuration(limits.idleMs)}`, `infra-tui: closed after ${formatDuration(limits.idleMs)} without a key`);
      else if (s && now - s.started > limits.sessionMs) end(peer, `open for ${formatDuration(limits.sessionMs)}`, `infra-tui: sessions last at most ${formatDuration(limits.sessionMs)}; log in again to go on`);
      else if (s) {
        const slow = s.terminal.tooSlow(now);
        if (slow) end(peer, `slow client: ${slow}`);
      }
    }
  }, 1000);
  sweep.unref();

  const server = createServer(onSocket);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    classroom,
    sessions,
    close: async (reason) => {
      clearInterval(sweep);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const peer of peers) end(peer, reason, `infra-tui: ${reason}`);
      classroom.dispose();
      await closed;
    },
  };
}
