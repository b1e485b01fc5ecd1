/**
 * The page's only script tag. It is tiny and arrives first, so it starts, in parallel with the
 * app's JavaScript (preloaded by index.html): the session check, the first screen's chunk and
 * — when the role of the last visit may read them — the first screen's data. Otherwise each
 * would wait until React has rendered the component that asks for it, or until the session
 * check has answered: one more ~0.6 s round trip each on slow 4G.
 * It imports nothing but other tiny modules (CSP forbids an inline script for this).
 */
import { COOPERATIVE_ROLES, ROLES, type Role } from './auth/roles';
import { fetchEarly } from './earlyFetch';
import { storedLanguage } from './i18n/storedLanguage';
import { PAGES } from './pages';

interface FirstScreen {
  page: keyof typeof PAGES;
  /** GET paths the page reads on opening, and who may read them (as nav.ts and the server say). */
  data?: { paths: string[]; roles: readonly Role[] };
}

/** The screens people open directly (bookmarks, the start page); others load on navigation. */
const FIRST_SCREENS: Record<string, FirstScreen> = {
  '/': { page: 'home' },
  '/portofolio': { page: 'portfolio', data: { paths: ['/portfolio'], roles: COOPERATIVE_ROLES } },
};

/**
 * The role of whoever was signed in on this browser last time: only a hint of which data to
 * ask for before the session check answers (the server decides what may be read; a wrong
 * hint costs one refused request, a missing one the round trip of the session check).
 */
const ROLE_HINT_KEY = 'simpul.roleHint';

function roleHint(): Role | undefined {
  try {
    const role = localStorage.getItem(ROLE_HINT_KEY);
    return ROLES.find((r) => r === role);
  } catch {
    return undefined; // storage blocked: wait for the session check instead
  }
}

function rememberRole(role: Role | undefined): void {
  try {
    if (role) localStorage.setItem(ROLE_HINT_KEY, role);
    else localStorage.removeItem(ROLE_HINT_KEY);
  } catch {
    // not kept; the next visit waits for the session check
  }
}

interface SessionAnswer {
  user: { role: Role; mustChangePassword: boolean };
}

async function warmFirstScreen(session: Promise<Response>, screen: FirstScreen, language: string): Promise<void> {
  const hinted = roleHint();
  const readsData = (role: Role | undefined) => role !== undefined && screen.data?.roles.includes(role) === true;
  const early = new Set<string>();
  if (readsData(hinted)) for (const path of screen.data?.paths ?? []) early.add(path);
  for (const path of early) fetchEarly(path, language);
  // The chunks hold no data: fetching them before the session is known costs a signed-out
  // visitor a few kB and saves everyone else a round trip.
  const chunks = Promise.all([PAGES.shell(), PAGES[screen.page]()]);
  const response = await session;
  if (!response.ok) {
    rememberRole(undefined);
    return;
  }
  // A copy: the body itself is for the app's own session query.
  const { user } = (await response.clone().json()) as SessionAnswer;
  rememberRole(user.role);
  if (!user.mustChangePassword && readsData(user.role)) for (const path of screen.data?.paths ?? []) if (!early.has(path)) fetchEarly(path, language);
  await chunks;
}

const language = storedLanguage();
const session = fetchEarly('/auth/me', language);
const screen = FIRST_SCREENS[window.location.pathname];
// Warming is only a head start: if it fails, the app asks again the usual way.
if (screen) warmFirstScreen(session, screen, language).catch(() => undefined);
// English is not in the app's bundle (i18n/index.ts): start it now if it was chosen.
if (language === 'en') import('./i18n/en').catch(() => undefined);

void import('./main');
