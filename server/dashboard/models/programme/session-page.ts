// What the session page loads: the session, the resources its materials name, the check-in window, and
// the roster for those allowed it (organiser, leaders over its roster, admins).
import { ApiFailure } from '../../api/http.ts';
import type { Api } from '../../api/endpoints.ts';
import { useLoad } from '../use-load.ts';

export function useSessionPage(api: Api, sessionId: string) {
  return useLoad(async () => {
    const [session, resources, settings] = await Promise.all([api.programme.session(sessionId), api.resources(), api.programme.settings()]);
    // Staff are not allowed the roster: the page then shows the details only.
    const roster = session.code === null ? null : await api.programme.roster(sessionId).catch((err: unknown) => {
      if (err instanceof ApiFailure && err.status === 403) return null;
      throw err;
    });
    return { session, resources, roster, opensMinutes: settings.checkIn.opensMinutesBefore };
  }, [api, sessionId]);
}
