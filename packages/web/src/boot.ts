/**
 * The page's only script tag. It is tiny and arrives first, so it starts, in parallel with the
 * app's JavaScript (preloaded by index.html): the session check, and once that says who is
 * signed in, the first screen's chunk and data. Otherwise each would wait until React has
 * rendered the component that asks for it — one more ~0.6 s round trip each on slow 4G.
 * It imports nothing but other tiny modules (CSP forbids an inline script for this).
 */
import { COOPERATIVE_ROLES, type Role } from './auth/roles';
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

interface SessionAnswer {
  user: { role: Role; mustChangePassword: boolean };
}

async function warmFirstScreen(session: Promise<Response>, screen: FirstScreen, language: string): Promise<void> {
  const response = await session;
  if (!response.ok) return;
  // A copy: the body itself is for the app's own session query.
  const { user } = (await response.clone().json()) as SessionAnswer;
  if (user.mustChangePassword) return;
  if (screen.data?.roles.includes(user.role)) for (const path of screen.data.paths) fetchEarly(path, language);
  await Promise.all([PAGES.shell(), PAGES[screen.page]()]);
}

const language = storedLanguage();
const session = fetchEarly('/auth/me', language);
const screen = FIRST_SCREENS[window.location.pathname];
// Warming is only a head start: if it fails, the app asks again the usual way.
if (screen) warmFirstScreen(session, screen, language).catch(() => undefined);

void import('./main');
