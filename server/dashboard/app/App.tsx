// The app's state machine: resume a session, else sign in; then the shell with the page for the
// current route, guarded by role. Navigation is the History API; the server answers every path with
// the app.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { User } from '../../../shared/schemas/auth.ts';
import { DEFAULT_ORGANISATION_TIME_ZONE } from '../../../shared/schemas/policy.ts';
import { dateInZone } from '../../../shared/time/zoned-days.ts';
import { endpoints, type Api } from '../api/endpoints.ts';
import type { Http } from '../api/http.ts';
import { resumeSession, signIn, signOut, type TokenStore } from '../api/session.ts';
import { saveLocale, savedLocale, translator } from '../i18n/t.ts';
import type { Locale } from '../models/format.ts';
import { allowedFor, homeRoute, parseRoute, routePath } from '../models/router.ts';
import { Ctx, I18nCtx, type AppContext } from './context.ts';
import { SignInPage } from '../components/SignInPage.tsx';
import { Shell } from '../components/Shell.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { RoutePage } from '../components/RoutePage.tsx';

interface Props {
  http: Http;
  tokens: TokenStore;
  prefs: Pick<Storage, 'getItem' | 'setItem'>;
  history_: History;
  location_: Location;
  now(): number;
}

type Phase =
  | { name: 'resuming' }
  | { name: 'resume-failed'; error: unknown }
  | { name: 'signed-out' }
  | { name: 'signed-in'; user: User; timeZone: string };

/** The organisation's zone rides with the policy; the dashboard shows no time before it has it. */
async function signedIn(api: Api, user: User): Promise<Phase> {
  const { timeZone } = await api.policy();
  return { name: 'signed-in', user, timeZone: timeZone ?? DEFAULT_ORGANISATION_TIME_ZONE };
}

export function App({ http, tokens, prefs, history_, location_, now }: Props) {
  const [locale, setLocale] = useState<Locale>(() => savedLocale(prefs));
  const [phase, setPhase] = useState<Phase>({ name: 'resuming' });
  const [href, setHref] = useState(() => location_.pathname + location_.search);
  const api = useMemo(() => endpoints(http), [http]);
  const t = useMemo(() => translator(locale), [locale]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);

  const resume = useCallback(() => {
    setPhase({ name: 'resuming' });
    resumeSession(http, tokens)
      .then((user) => (user === null ? ({ name: 'signed-out' } as const) : signedIn(api, user)))
      .then(setPhase, (error: unknown) => setPhase({ name: 'resume-failed', error }));
  }, [http, tokens, api]);
  useEffect(resume, [resume]);

  useEffect(() => {
    const onPop = () => setHref(location_.pathname + location_.search);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [location_]);

  const navigate = useCallback(
    (to: string, options: { replace?: boolean } = {}) => {
      if (options.replace) history_.replaceState(null, '', to);
      else history_.pushState(null, '', to);
      setHref(to);
      window.scrollTo(0, 0);
    },
    [history_],
  );

  const changeLocale = (next: Locale) => {
    saveLocale(prefs, next);
    setLocale(next);
  };

  const i18n = useMemo(() => ({ locale, t }), [locale, t]);
  const url = new URL(href, 'http://dashboard.invalid');
  const bare = { locale, t, changeLocale };

  let content;
  if (phase.name === 'resuming') content = <Loading label={t('state.resuming')} />;
  else if (phase.name === 'resume-failed') content = <ErrorState error={phase.error} onRetry={resume} />;
  else if (phase.name === 'signed-out') {
    content = (
      <SignInPage
        {...bare}
        onSignIn={async (username, password) => setPhase(await signedIn(api, await signIn(http, tokens, username, password)))}
      />
    );
  } else {
    const { user, timeZone } = phase;
    let route = parseRoute(url.pathname);
    if (route.name === 'home') route = homeRoute(user.role);
    const today = () => dateInZone(now(), timeZone);
    const ctx: AppContext = { user, api, locale, t, navigate, query: url.searchParams, now, timeZone, today };
    content = (
      <Ctx.Provider value={ctx}>
        <Shell
          route={route}
          changeLocale={changeLocale}
          onSignOut={async () => {
            await signOut(http, tokens).catch(() => undefined);
            setPhase({ name: 'signed-out' });
            navigate(routePath({ name: 'home' }), { replace: true });
          }}
        >
          <RoutePage route={route} allowed={allowedFor(route, user.role)} />
        </Shell>
      </Ctx.Provider>
    );
  }
  return <I18nCtx.Provider value={i18n}>{content}</I18nCtx.Provider>;
}
