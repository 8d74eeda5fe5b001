// The designed non-data states: loading, empty and error, each with words that say what is going on
// and, for errors, what to do next. Used by every panel so nothing is ever blank.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../app/context.ts';
import { ApiFailure } from '../api/http.ts';
import type { MessageKey } from '../i18n/t.ts';
import type { Load } from '../models/use-load.ts';
import { refusalMessage } from '../models/programme/error-message.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

export function Empty({ title, hint }: { title: string; hint?: string }) {
  return (
    <div class="state state-empty" role="status">
      <p class="state-title">{title}</p>
      {hint && <p class="state-hint">{hint}</p>}
    </div>
  );
}

export function errorMessageKey(error: unknown): MessageKey {
  if (!(error instanceof ApiFailure)) return 'error.unexpected';
  if (error.code === 'network') return 'error.network';
  if (error.code === 'bad_response') return 'error.badResponse';
  if (error.status === 401) return 'error.signedOut';
  if (error.status === 403) return 'error.forbidden';
  if (error.status === 404) return 'error.notFound';
  if (error.status === 400 || error.status === 409) return 'error.rejected';
  // A full disk is a state the server names (503 store_read_only), not a failure of this request.
  if (error.code === 'store_read_only') return 'error.storeReadOnly';
  return 'error.server';
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div class="state state-error" role="alert">
      <p class="state-title">{refusalMessage(error, t) ?? t(errorMessageKey(error))}</p>
      <details>
        <summary>{t('error.details')}</summary>
        <p class="state-detail">{detail}</p>
      </details>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

/** Renders a load: its loading and error states, or the children with the data. */
export function Loaded<T>({ load, children }: { load: Load<T> & { reload(): void }; children: (data: T) => ComponentChildren }) {
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'error') return <ErrorState error={load.error} onRetry={load.reload} />;
  return <>{children(load.data)}</>;
}
