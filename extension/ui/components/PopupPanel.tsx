// The toolbar popup: today's and this week's counted minutes, whether counting is on now and why not,
// pause and resume, missing site access, and how syncing is going.
import { browser } from 'wxt/browser';
import { todayFiguresDiffer, usePopupModel, wholeMinutes } from '../models/status-model.ts';
import type { Status } from '../../status/read-status.ts';
import { REASON_MESSAGES } from '../../status/reason-messages.ts';
import { t } from '../../i18n/t.ts';
import { openNotice } from '../../trust/notice.ts';
import { openNotesPanel } from '../models/open-notes-panel.ts';
import { ProgrammePanel } from './ProgrammePanel.tsx';
import { formatInstant } from '../models/format-instant.ts';

export function PopupPanel() {
  const { status, serverTodaySeconds, setPaused, grantAccess } = usePopupModel();
  if (status === null) return <main data-state="loading">{t('extName')}</main>;
  const openSettings = () => void browser.runtime.openOptionsPage();
  const openNotes = () => void openNotesPanel();
  const paused = !status.counting.counting && status.counting.reason === 'paused';
  return (
    <main data-state={status.account === null ? 'signed-out' : 'signed-in'}>
      <h1>{t('extName')}</h1>
      {status.account === null ? (
        <p class="warning">{t('notSignedIn')}</p>
      ) : (
        <>
          {status.account.needsSignIn && <p class="warning">{t('needsSignInAgain')}</p>}
          <div class="totals">
            <p class="today">
              <span>{t('todayHeading')}</span>
              <strong data-today-minutes={wholeMinutes(status.todaySeconds)}>
                {t('minutesValue', String(wholeMinutes(status.todaySeconds)))}
              </strong>
            </p>
            {serverTodaySeconds !== null && (
              <p class="today">
                <span>{t('serverTodayHeading')}</span>
                <strong data-server-today-minutes={wholeMinutes(serverTodaySeconds)}>
                  {t('minutesValue', String(wholeMinutes(serverTodaySeconds)))}
                </strong>
              </p>
            )}
            <p class="today">
              <span>{t('weekHeading')}</span>
              <strong data-week-minutes={wholeMinutes(status.weekSeconds)}>
                {t('minutesValue', String(wholeMinutes(status.weekSeconds)))}
              </strong>
            </p>
          </div>
          {todayFiguresDiffer(status.todaySeconds, serverTodaySeconds) && (
            <p class="note" data-today-differ="true">
              {t('todayTotalsDiffer')}
            </p>
          )}
          <CountingLine status={status} />
          {status.presencePending && <p class="warning">{t('presencePendingNote')}</p>}
          <button type="button" name={paused ? 'resume' : 'pause'} onClick={() => setPaused(!paused)}>
            {paused ? t('resumeButton') : t('pauseButton')}
          </button>
          {status.missingOrigins.length > 0 && (
            <div class="warning" data-missing-origins={status.missingOrigins.length}>
              <p>{t('accessMissing')}</p>
              <button type="button" name="grant-access" onClick={grantAccess}>
                {t('grantAccessButton')}
              </button>
            </div>
          )}
          <p class="sync">
            {status.lastSyncAt !== null
              ? t('lastSync', formatInstant(status.lastSyncAt, browser.i18n.getUILanguage(), status.timeZone))
              : t('neverSynced')}
          </p>
          {status.lastSyncError !== null && <p class="warning">{t('syncFailing')}</p>}
          <p class="pending" data-pending={status.pendingCount}>
            {t('pendingItems', String(status.pendingCount))}
          </p>
          {status.rejectedCount > 0 && <p class="warning">{t('rejectedItems', String(status.rejectedCount))}</p>}
          {!status.account.needsSignIn && <ProgrammePanel />}
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

function CountingLine({ status }: { readonly status: Status }) {
  const { counting } = status;
  if (counting.counting) {
    const resource = status.countingResource ?? '';
    return (
      <p class="counting" data-counting="true" data-mode={counting.mode}>
        {counting.mode === 'media' ? t('countingMedia', resource) : t('countingNow', resource)}
      </p>
    );
  }
  return (
    <p class="counting" data-counting="false" data-reason={counting.reason}>
      {t(REASON_MESSAGES[counting.reason])}
    </p>
  );
}
