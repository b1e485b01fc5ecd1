import type { ComponentType } from 'react';
import {
  IconAddressBook,
  IconCash,
  IconChartLine,
  IconBuildingBank,
  IconListDetails,
  IconLifebuoy,
  IconBuildingCommunity,
  IconCalculator,
  IconFileUpload,
  IconHome,
  IconBell,
  IconShieldSearch,
  IconKey,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { ROLES, type Role } from './auth/roles';
import { lazyScreen } from './app/lazyScreen';
import { PAGES } from './pages';

type Page = 'registry' | 'registryAlerts' | 'home' | 'simulator' | 'cooperatives' | 'furnishing' | 'users' | 'changePassword' | 'members' | 'loans' | 'products' | 'portfolio' | 'supervision' | 'recovery';

export interface NavItem {
  path: string;
  /** Menu label (`nav.*`) and the one-line description on the home page (`navDescription.*`). */
  labelKey: `nav.${Page}`;
  descriptionKey: `navDescription.${Page}`;

  /** Who sees the link and may open the page; the server checks again on every call. */
  roles: readonly Role[];
  icon: Icon;
  /** Loaded on first visit, so the sign-in page ships none of it. */
  page: ComponentType;
}

const ALL: readonly Role[] = ROLES;
const EXCEPT_ANALYST: readonly Role[] = ROLES.filter((r) => r !== 'dinas_analyst');

/**
 * Every signed-in page, in menu order. Adding a page is one line here plus its folder under
 * `routes/<area>/`.
 */
export const NAV: readonly NavItem[] = [
  {
    path: '/',
    labelKey: 'nav.home',
    descriptionKey: 'navDescription.home',
    roles: ALL,
    icon: IconHome,
    page: lazyScreen(PAGES.home),
  },
  {
    path: '/simulasi',
    labelKey: 'nav.simulator',
    descriptionKey: 'navDescription.simulator',
    roles: EXCEPT_ANALYST,
    icon: IconCalculator,
    page: lazyScreen(PAGES.simulator),
  },
  {
    path: '/koperasi',
    labelKey: 'nav.cooperatives',
    descriptionKey: 'navDescription.cooperatives',
    roles: ['platform_admin', 'dinas_analyst'],
    icon: IconBuildingCommunity,
    page: lazyScreen(PAGES.cooperatives),
  },
  {
    path: '/pengawasan',
    labelKey: 'nav.supervision',
    descriptionKey: 'navDescription.supervision',
    roles: ['platform_admin', 'dinas_analyst'],
    icon: IconBuildingBank,
    page: lazyScreen(PAGES.supervision),
  },
  {
    path: '/anggota',
    labelKey: 'nav.members',
    descriptionKey: 'navDescription.members',
    roles: ['pengurus', 'petugas', 'pengawas'],
    icon: IconAddressBook,
    page: lazyScreen(PAGES.members),
  },
  {
    path: '/pinjaman',
    labelKey: 'nav.loans',
    descriptionKey: 'navDescription.loans',
    roles: ['pengurus', 'petugas', 'pengawas'],
    icon: IconCash,
    page: lazyScreen(PAGES.loans),
  },
  {
    path: '/produk',
    labelKey: 'nav.products',
    descriptionKey: 'navDescription.products',
    roles: ['pengurus', 'petugas', 'pengawas'],
    icon: IconListDetails,
    page: lazyScreen(PAGES.products),
  },
  {
    path: '/portofolio',
    labelKey: 'nav.portfolio',
    descriptionKey: 'navDescription.portfolio',
    roles: ['pengurus', 'petugas', 'pengawas'],
    icon: IconChartLine,
    page: lazyScreen(PAGES.portfolio),
  },
  {
    path: '/penanganan',
    labelKey: 'nav.recovery',
    descriptionKey: 'navDescription.recovery',
    roles: ['pengurus', 'petugas', 'pengawas'],
    icon: IconLifebuoy,
    page: lazyScreen(PAGES.recovery),
  },
  {
    path: '/pelaporan',
    labelKey: 'nav.furnishing',
    descriptionKey: 'navDescription.furnishing',
    roles: ['pengurus', 'petugas', 'pengawas'],
    icon: IconFileUpload,
    page: lazyScreen(PAGES.furnishing),
  },
  {
    path: '/registri',
    labelKey: 'nav.registry',
    descriptionKey: 'navDescription.registry',
    roles: ['pengurus', 'petugas', 'platform_admin'],
    icon: IconShieldSearch,
    page: lazyScreen(PAGES.registry),
  },
  {
    path: '/peringatan',
    labelKey: 'nav.registryAlerts',
    descriptionKey: 'navDescription.registryAlerts',
    roles: ['pengurus', 'petugas', 'pengawas'],
    icon: IconBell,
    page: lazyScreen(PAGES.registryAlerts),
  },
  {
    path: '/pengguna',
    labelKey: 'nav.users',
    descriptionKey: 'navDescription.users',
    roles: ['platform_admin', 'pengurus'],
    icon: IconUsers,
    page: lazyScreen(PAGES.users),
  },
  {
    path: '/ganti-kata-sandi',
    labelKey: 'nav.changePassword',
    descriptionKey: 'navDescription.changePassword',
    roles: ALL,
    icon: IconKey,
    page: lazyScreen(PAGES.changePassword),
  },
];

export const CHANGE_PASSWORD_PATH = '/ganti-kata-sandi';
export const SIGN_IN_PATH = '/masuk';

/** The pages a role may open, in menu order. */
export function navFor(role: Role): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role));
}
