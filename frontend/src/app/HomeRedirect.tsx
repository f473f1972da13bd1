import { Navigate } from 'react-router';
import { useSession } from '../auth/session';

export default function HomeRedirect() {
  const { access } = useSession();
  return <Navigate to={access.home} replace />;
}
