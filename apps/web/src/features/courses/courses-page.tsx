import './messages'; // this feature's texts, loaded with it
import { Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../auth/use-me';
import { CourseListPage } from './course-list-page';
import { CourseResourcesPage } from './course-resources-page';
import './courses.css';

/** A learner's courses (/courses) and one course's resources (/courses/:courseId?cohort=…). */
export function CoursesPage({ me }: { me: Me }) {
  return (
    <Routes>
      <Route index element={<CourseListPage me={me} />} />
      <Route path=":courseId" element={<CourseResourcesPage me={me} />} />
      <Route path="*" element={<Navigate to="/courses" replace />} />
    </Routes>
  );
}
