/**
 * The chunk loader of every lazily loaded screen, in one place: the router and the menu wrap
 * them in React.lazy, and boot.ts calls the first screen's loader while the app's own
 * JavaScript is still downloading (an import() already started is not fetched twice).
 * Only dynamic imports here, so boot.ts stays a few hundred bytes.
 */
import type { ComponentType } from 'react';

type Screen = { default: ComponentType };

/** A chunk loader that imports once and remembers the component once it has arrived. */
export interface ScreenLoader {
  (): Promise<Screen>;
  /** Set when the chunk has arrived, so a page warmed by boot.ts renders without a fallback. */
  loaded?: ComponentType;
}

function screen(load: () => Promise<Screen>): ScreenLoader {
  let started: Promise<Screen> | undefined;
  const loader: ScreenLoader = () => {
    started ??= load().then((module) => {
      loader.loaded = module.default;
      return module;
    });
    // A failed chunk (network) may be asked for again.
    started.catch(() => {
      started = undefined;
    });
    return started;
  };
  return loader;
}

export const PAGES = {
  signIn: screen(() => import('./routes/auth/SignInPage')),
  /** The signed-in shell (header, menu) around every page below. */
  shell: screen(() => import('./app/AppLayout')),
  home: screen(() => import('./routes/home/HomePage')),
  simulator: screen(() => import('./routes/simulator/SimulatorPage')),
  cooperatives: screen(() => import('./routes/cooperatives/CooperativesPage')),
  supervision: screen(() => import('./routes/supervision/SupervisionPage')),
  members: screen(() => import('./routes/members/MembersPage')),
  member: screen(() => import('./routes/members/MemberPage')),
  loans: screen(() => import('./routes/loans/LoansPage')),
  loan: screen(() => import('./routes/loans/LoanPage')),
  applyLoan: screen(() => import('./routes/loans/ApplyLoanPage')),
  products: screen(() => import('./routes/products/ProductsPage')),
  portfolio: screen(() => import('./routes/portfolio/PortfolioPage')),
  recovery: screen(() => import('./routes/recovery/RecoveryPage')),
  furnishing: screen(() => import('./routes/furnishing/FurnishingPage')),
  registry: screen(() => import('./routes/registry/InquiryPage')),
  registryAlerts: screen(() => import('./routes/registry/AlertsPage')),
  users: screen(() => import('./routes/users/UsersPage')),
  changePassword: screen(() => import('./routes/auth/ChangePasswordPage')),
} as const;
