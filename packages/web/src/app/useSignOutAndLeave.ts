import { useSignOut } from '../auth/session';
import { SIGN_IN_PATH } from '../nav';
import { router } from './router';

/**
 * Signs out and lands on the sign-in page with a "you have signed out" note. Navigates through
 * the router itself: the menu that called this is unmounted as soon as the session is gone.
 */
export function useSignOutAndLeave(): () => void {
  const signOut = useSignOut();
  return () => {
    void signOut
      .mutateAsync()
      .catch(() => undefined) // signed out locally either way
      .then(() => router.navigate(SIGN_IN_PATH, { replace: true, state: { signedOut: true } }));
  };
}
