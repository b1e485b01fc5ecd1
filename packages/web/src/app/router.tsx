import { createBrowserRouter } from 'react-router';
import { setSessionExpiredHandler } from '../api';
import { SESSION_KEY } from '../auth/session';
import { NAV, SIGN_IN_PATH } from '../nav';
import { PAGES } from '../pages';
import { LOAN_OFFICERS, LOAN_READERS } from '../routes/loans/loanRoles';
import { MEMBER_READERS } from '../routes/members/memberRoles';
import NotFoundPage from '../routes/NotFoundPage';
import { lazyScreen } from './lazyScreen';
import { queryClient } from './queryClient';
import { RoleGate } from './RoleGate';
import { SessionGate } from './SessionGate';

const SignInPage = lazyScreen(PAGES.signIn);
const AppLayout = lazyScreen(PAGES.shell);
const MemberPage = lazyScreen(PAGES.member);
const LoanPage = lazyScreen(PAGES.loan);
const ApplyLoanPage = lazyScreen(PAGES.applyLoan);

export const router = createBrowserRouter([
  { path: SIGN_IN_PATH, element: <SignInPage /> },
  {
    element: <SessionGate />,
    children: [
      {
        element: <AppLayout />,
        children: [
          ...NAV.map(({ path, roles, page: Page }) => ({
            path,
            element: (
              <RoleGate roles={roles}>
                <Page />
              </RoleGate>
            ),
          })),
          {
            path: '/anggota/:memberId',
            element: (
              <RoleGate roles={MEMBER_READERS}>
                <MemberPage />
              </RoleGate>
            ),
          },
          {
            path: '/pinjaman/ajukan',
            element: (
              <RoleGate roles={LOAN_OFFICERS}>
                <ApplyLoanPage />
              </RoleGate>
            ),
          },
          {
            path: '/pinjaman/:loanId',
            element: (
              <RoleGate roles={LOAN_READERS}>
                <LoanPage />
              </RoleGate>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

/** A 401 on any call while signed in: drop all cached data and say why on the sign-in page. */
setSessionExpiredHandler(() => {
  const wasSignedIn = queryClient.getQueryData(SESSION_KEY) != null;
  queryClient.clear();
  queryClient.setQueryData(SESSION_KEY, null);
  if (window.location.pathname !== SIGN_IN_PATH) {
    void router.navigate(SIGN_IN_PATH, { replace: true, state: { expired: wasSignedIn } });
  }
});
