import { useNavigate } from 'react-router';
import { useSignOut } from '../auth/session';
import { SIGN_IN_PATH } from '../nav';

/** Signs out and lands on the sign-in page with a "you have signed out" note. */
export function useSignOutAndLeave(): () => void {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return () =>
    signOut.mutate(undefined, {
      onSettled: () => void navigate(SIGN_IN_PATH, { replace: true, state: { signedOut: true } }),
    });
}
