/**
 * The chunk loader of every lazily loaded screen, in one place: the router and the menu wrap
 * them in React.lazy, and boot.ts calls the first screen's loader while the app's own
 * JavaScript is still downloading (an import() already started is not fetched twice).
 * Only dynamic imports here, so boot.ts stays a few hundred bytes.
 */
export const PAGES = {
  signIn: () => import('./routes/auth/SignInPage'),
  /** The signed-in shell (header, menu) around every page below. */
  shell: () => import('./app/AppLayout'),
  home: () => import('./routes/home/HomePage'),
  simulator: () => import('./routes/simulator/SimulatorPage'),
  cooperatives: () => import('./routes/cooperatives/CooperativesPage'),
  supervision: () => import('./routes/supervision/SupervisionPage'),
  members: () => import('./routes/members/MembersPage'),
  member: () => import('./routes/members/MemberPage'),
  loans: () => import('./routes/loans/LoansPage'),
  loan: () => import('./routes/loans/LoanPage'),
  applyLoan: () => import('./routes/loans/ApplyLoanPage'),
  products: () => import('./routes/products/ProductsPage'),
  portfolio: () => import('./routes/portfolio/PortfolioPage'),
  recovery: () => import('./routes/recovery/RecoveryPage'),
  furnishing: () => import('./routes/furnishing/FurnishingPage'),
  registry: () => import('./routes/registry/InquiryPage'),
  registryAlerts: () => import('./routes/registry/AlertsPage'),
  users: () => import('./routes/users/UsersPage'),
  changePassword: () => import('./routes/auth/ChangePasswordPage'),
} as const;
