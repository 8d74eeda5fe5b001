// State of the options page: sign-in, the access request that must follow it, and sign-out.
// The page shows its phase in `data-state`, which is also what end-to-end tests wait for.
// Browsers grant host access only inside the person's click, and the sites are known only after the
// sign-in's network calls: Chrome still counts the click then, Firefox does not. So sites already known
// (a remembered policy) are asked for first, inside the click; the rest right after sign-in where the
// browser allows it, and otherwise in a step of its own whose button asks before anything is awaited.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callBackground } from '../../messaging/client.ts';
import type { Status } from '../../status/read-status.ts';
import type { MessageKey } from '../../i18n/t.ts';
import { FAILURE_MESSAGES } from '../../rpc/failure-messages.ts';
import { NO_MANAGED_CONFIG, readManagedConfig, type ManagedConfig } from '../../account/managed-config.ts';
import { originsToAskFirst } from './access-request.ts';

export type OptionsPhase =
  | 'loading'
  | 'signed-out'
  | 'signing-in'
  /** Signed in; the browser's own "allow access?" prompt is open. */
  | 'awaiting-permission'
  /** Signed in; the browser refused to ask outside a click (Firefox): the page's own step asks. */
  | 'needs-permission'
  | 'signed-in'
  | 'signing-out';

export interface Notice {
  readonly key: MessageKey;
  readonly substitutions?: readonly string[];
}

export interface OptionsModel {
  readonly phase: OptionsPhase;
  readonly status: Status | null;
  /** Why the last sign-in failed. */
  readonly error: MessageKey | null;
  readonly notice: Notice | null;
  /** Settings from the organisation's policy; a managed server address is shown locked. */
  readonly managed: ManagedConfig;
  signIn(form: { server: string; username: string; password: string }): void;
  signOut(): void;
  grantAccess(): void;
  /** Leaves the access step for later: the signed-in view keeps offering it. */
  skipAccess(): void;
}

/**
 * Asks the browser for host access. 'needs-click' when it refuses to ask at all because the person's
 * click no longer counts (Firefox after the sign-in's network calls); 'asked' once the person answered.
 */
function askForOrigins(origins: readonly string[]): Promise<'asked' | 'needs-click'> {
  return browser.permissions.request({ origins: [...origins] }).then(
    () => 'asked' as const,
    () => 'needs-click' as const,
  );
}

export function useOptionsModel(): OptionsModel {
  const [phase, setPhase] = useState<OptionsPhase>('loading');
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [managed, setManaged] = useState<ManagedConfig>(NO_MANAGED_CONFIG);

  /** Reads the status and shows the phase it implies, or `next` when the caller knows better. */
  const refresh = useCallback(async (next?: (status: Status) => OptionsPhase | null): Promise<void> => {
    setManaged(await readManagedConfig());
    const reply = await callBackground({ type: 'getStatus' });
    if (!reply.ok) {
      setError(FAILURE_MESSAGES[reply.code]);
      setPhase('signed-out');
      return;
    }
    setStatus(reply.value);
    const account = reply.value.account;
    setPhase(next?.(reply.value) ?? (account !== null && !account.needsSignIn ? 'signed-in' : 'signed-out'));
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(
    (form: { server: string; username: string; password: string }) => {
      // Before anything is awaited: this call is the only one every browser counts as the click's.
      const first = originsToAskFirst(status, form.server);
      const askedFirst = first.length > 0 ? askForOrigins(first) : Promise.resolve('asked' as const);
      setError(null);
      setNotice(null);
      setPhase(first.length > 0 ? 'awaiting-permission' : 'signing-in');
      void (async () => {
        await askedFirst;
        setPhase('signing-in');
        const reply = await callBackground({ type: 'signIn', ...form });
        if (!reply.ok) {
          setError(FAILURE_MESSAGES[reply.code]);
          setPhase('signed-out');
          return;
        }
        // Chrome keeps the click's activation for a few seconds: it asks right away. Firefox refuses
        // after the network calls; then the access step asks on a click of its own.
        let asked: 'asked' | 'needs-click' = 'asked';
        if (reply.value.origins.length > 0) {
          setPhase('awaiting-permission');
          asked = await askForOrigins(reply.value.origins);
        }
        await refresh((after) => (asked === 'needs-click' && after.missingOrigins.length > 0 ? 'needs-permission' : null));
      })();
    },
    [status, refresh],
  );

  const signOut = useCallback(() => {
    setNotice(null);
    setPhase('signing-out');
    void (async () => {
      const reply = await callBackground({ type: 'signOut' });
      if (!reply.ok) setError(FAILURE_MESSAGES[reply.code]);
      else if (reply.value.keptCount > 0) setNotice({ key: 'signedOutKept', substitutions: [String(reply.value.keptCount)] });
      await refresh();
    })();
  }, [refresh]);

  const grantAccess = useCallback(() => {
    const origins = status?.missingOrigins ?? [];
    if (origins.length === 0) return;
    // Called synchronously from the click: the only way every browser accepts the request.
    void browser.permissions
      .request({ origins: [...origins] })
      .catch(() => false)
      .then(() => refresh());
  }, [status, refresh]);

  const skipAccess = useCallback(() => setPhase('signed-in'), []);

  return { phase, status, error, notice, managed, signIn, signOut, grantAccess, skipAccess };
}
