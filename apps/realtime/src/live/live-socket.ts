import type { Namespace, Socket } from 'socket.io';
import type { Principal } from '@fabrique/auth';
import type { ClientToServerEvents, ServerToClientEvents } from '@fabrique/contracts';

/** What the handshake proved about a socket, kept on `socket.data`. */
export interface LiveSession {
  principal: Principal;
  rooms: string[];
}

export type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<never, never>, LiveSession>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<never, never>, LiveSession>;
