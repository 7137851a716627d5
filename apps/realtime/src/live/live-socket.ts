import type { Namespace, Socket } from 'socket.io';
import type { Principal } from '@fabrique/auth';
import type { ClientToServerEvents, PersonRef, ServerToClientEvents } from '@fabrique/contracts';
import type { CohortRole } from '@fabrique/domain';

/** What the handshake proved about a socket, kept on `socket.data`. */
export interface LiveSession {
  principal: Principal;
  /** Who the user is to others (the typing indicator names them). */
  person: PersonRef;
  /** The cohorts the user belonged to at the handshake, and their role in each (presence counts them). */
  cohorts: { cohortId: string; role: CohortRole }[];
  rooms: string[];
}

export type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<never, never>, LiveSession>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<never, never>, LiveSession>;
