import './messages'; // this feature's texts, loaded with it
import { Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../auth/use-me';
import { AskPage } from './ask-page';
import { ThreadPage } from './thread-page';
import { ThreadsHomePage } from './threads-home-page';
import './threads.css';

/** Peer help: search and recent questions (/threads), asking (/threads/new), one thread (/threads/:threadId, the address notifications link to). */
export function ThreadsPage({ me }: { me: Me }) {
  return (
    <Routes>
      <Route index element={<ThreadsHomePage me={me} />} />
      <Route path="new" element={<AskPage me={me} />} />
      <Route path=":threadId" element={<ThreadPage me={me} />} />
      <Route path="*" element={<Navigate to="/threads" replace />} />
    </Routes>
  );
}
