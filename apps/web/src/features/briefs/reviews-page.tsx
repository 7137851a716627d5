import './messages'; // this feature's texts, loaded with it
import { Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../auth/use-me';
import { ReviewSubmissionPage } from './review-submission-page';
import { ToReviewPage } from './to-review-page';
import './briefs.css';

/** A facilitator's work to review (/reviews) and the review of one version (/reviews/submissions/:id). */
export function ReviewsPage({ me }: { me: Me }) {
  return (
    <Routes>
      <Route index element={<ToReviewPage me={me} />} />
      <Route path="submissions/:submissionId" element={<ReviewSubmissionPage me={me} />} />
      <Route path="*" element={<Navigate to="/reviews" replace />} />
    </Routes>
  );
}
