// The frame around every signed-in page: the product name, the navigation the role allows, the
// language switch, who is signed in, and sign-out. Hidden in print.
import type { ComponentChildren } from 'preact';
import { useApp } from '../app/context.ts';
import type { Locale } from '../models/format.ts';
import { allowedFor, routePath, type Route } from '../models/router.ts';
import { Link } from './Link.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import type { MessageKey } from '../i18n/t.ts';
import type { Role } from '../../../shared/schemas/domain.ts';

/** `roles` narrows an entry further than allowedFor (staff see their own annual record, others the summary). */
const NAV: { route: Route; label: MessageKey; roles?: Role[] }[] = [
  { route: { name: 'overview', unitId: null }, label: 'nav.overview' },
  { route: { name: 'notes' }, label: 'nav.notes' },
  { route: { name: 'me' }, label: 'nav.me' },
  { route: { name: 'plan', personId: null }, label: 'nav.plan' },
  { route: { name: 'calendar' }, label: 'nav.calendar' },
  { route: { name: 'check-in' }, label: 'nav.checkIn' },
  { route: { name: 'bulletin', unitId: null }, label: 'nav.bulletin' },
  { route: { name: 'research' }, label: 'nav.research' },
  { route: { name: 'annual', personId: null }, label: 'nav.annual', roles: ['staff'] },
  { route: { name: 'annual-summary' }, label: 'nav.annual' },
  { route: { name: 'admin', tab: 'people' }, label: 'nav.admin' },
];

export function Shell({ route, children, changeLocale, onSignOut }: { route: Route; children: ComponentChildren; changeLocale(l: Locale): void; onSignOut(): void }) {
  const { t, user, locale } = useApp();
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="topbar no-print">
        <span class="brand">{t('app.title')}</span>
        <nav aria-label={t('nav.label')}>
          {NAV.filter((n) => allowedFor(n.route, user.role) && (n.roles === undefined || n.roles.includes(user.role))).map((n) => (
            <Link key={routePath(n.route)} href={routePath(n.route)} current={n.route.name === route.name}>
              {t(n.label)}
            </Link>
          ))}
        </nav>
        <div class="topbar-end">
          <LocaleSwitch locale={locale} t={t} onChange={changeLocale} />
          <span class="who" data-testid="who">
            {user.name} · {t(`role.${user.role}`)}
          </span>
          <button type="button" onClick={onSignOut}>
            {t('action.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
