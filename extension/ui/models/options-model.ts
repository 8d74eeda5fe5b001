// State of the options page: sign-in, the access request that must follow it, and sign-out.
// The page shows its phase in `data-state`, which is also what end-to-end tests wait for.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callBackground } from '../../messaging/client.ts';
import type { Status } from '../../messaging/protocol.ts';
import type { MessageKey } from '../../i18n/t.ts';
import { FAILURE_MESSAGES } from './failure-messages.ts';
import { NO_MANAGED_CONFIG, readManagedConfig, type ManagedConfig } from '../../account/managed-config.ts';

export type OptionsPhase =
  | 'loading'
  | 'signed-out'
  | 'signing-in'
  /** Signed in; the browser's own "allow access?" prompt is open. */
  | 'awaiting-permission'
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
}

export function useOptionsModel(): OptionsModel {
  const [phase, setPhase] = useState<OptionsPhase>('loading');
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [managed, setManaged] = useState<ManagedConfig>(NO_MANAGED_CONFIG);

  const refresh = useCallback(async () => {
    setManaged(await readManagedConfig());
    const reply = await callBackground({ type: 'getStatus' });
    if (!reply.ok) {
      setError(FAILURE_MESSAGES[reply.code]);
      setPhase('signed-out');
      return;
    }
    setStatus(reply.value);
    const account = reply.value.account;
    setPhase(account !== null && !account.needsSignIn ? 'signed-in' : 'signed-out');
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(
    (form: { server: string; username: string; password: string }) => {
      setError(null);
      setNotice(null);
      setPhase('signing-in');
      void (async () => {
        const reply = await callBackground({ type: 'signIn', ...form });
        if (!reply.ok) {
          setError(FAILURE_MESSAGES[reply.code]);
          setPhase('signed-out');
          return;
        }
        // Still inside the click's user activation (Chrome keeps it a few seconds): ask right away.
        // Where that is too late (Firefox), the signed-in view offers a button that asks again.
        if (reply.value.origins.length > 0) {
          setPhase('awaiting-permission');
          await browser.permissions.request({ origins: [...reply.value.origins] }).catch(() => false);
        }
        await refresh();
      })();
    },
    [refresh],
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

  return { phase, status, error, notice, managed, signIn, signOut, grantAccess };
}
