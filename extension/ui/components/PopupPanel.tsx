// The toolbar popup: today's counted minutes, whether counting is on now, and how syncing is going.
import { browser } from 'wxt/browser';
import { useStatus, wholeMinutes } from '../models/status-model.ts';
import { t } from '../../i18n/t.ts';
import { openNotice } from '../../trust/notice.ts';
import { openNotesPanel } from '../models/open-notes-panel.ts';

export function PopupPanel() {
  const status = useStatus();
  if (status === null) return <main data-state="loading">{t('extName')}</main>;
  const openSettings = () => void browser.runtime.openOptionsPage();
  const openNotes = () => void openNotesPanel();
  return (
    <main data-state={status.account === null ? 'signed-out' : 'signed-in'}>
      <h1>{t('extName')}</h1>
      {status.account === null ? (
        <p class="warning">{t('notSignedIn')}</p>
      ) : (
        <>
          {status.account.needsSignIn && <p class="warning">{t('needsSignInAgain')}</p>}
          <p class="today">
            <span>{t('todayHeading')}</span>
            <strong data-today-minutes={wholeMinutes(status.todaySeconds)}>
              {t('minutesValue', String(wholeMinutes(status.todaySeconds)))}
            </strong>
          </p>
          <p class="counting" data-counting={status.countingResource !== null}>
            {status.countingResource !== null ? t('countingNow', status.countingResource) : t('notCounting')}
          </p>
          <p class="sync">
            {status.lastSyncAt !== null
              ? t('lastSync', new Date(status.lastSyncAt).toLocaleString(browser.i18n.getUILanguage()))
              : t('neverSynced')}
          </p>
          {status.lastSyncError !== null && <p class="warning">{t('syncFailing')}</p>}
          <p class="pending" data-pending={status.pendingCount}>
            {t('pendingItems', String(status.pendingCount))}
          </p>
          {status.rejectedCount > 0 && <p class="warning">{t('rejectedItems', String(status.rejectedCount))}</p>}
        </>
      )}
      <button type="button" name="open-notes" onClick={openNotes}>
        {t('openNotes')}
      </button>
      <button type="button" name="open-settings" onClick={openSettings}>
        {t('openSettings')}
      </button>
      <button type="button" name="about-recording" class="link" onClick={() => void openNotice()}>
        {t('aboutRecording')}
      </button>
    </main>
  );
}
