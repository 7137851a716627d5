import './messages'; // this feature's texts, loaded with it
import { Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../auth/use-me';
import { AssignmentPage } from './assignment-page';
import { MyAssignmentsPage } from './my-assignments-page';
import './briefs.css';

/** A learner's briefs (/briefs) and one assignment (/briefs/assignments/:id, the address e-mails link to). */
export function BriefsPage({ me }: { me: Me }) {
  return (
    <Routes>
      <Route index element={<MyAssignmentsPage me={me} />} />
      <Route path="assignments/:assignmentId" element={<AssignmentPage me={me} />} />
      <Route path="*" element={<Navigate to="/briefs" replace />} />
    </Routes>
  );
}
