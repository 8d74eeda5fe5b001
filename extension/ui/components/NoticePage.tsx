// The notice a person reads before anything is counted: which sites count, what is recorded and that
// nothing else is, who can see it, how to pause, how long it is kept, and their own copy; first of all,
// how to pin the toolbar icon, which Chrome, Edge and Firefox keep in their extensions menu until pinned.
import { useNoticeModel } from '../models/notice-model.ts';
import { t } from '../../i18n/t.ts';

export function NoticePage() {
  const model = useNoticeModel();
  if (model === null) return <main data-state="loading">{t('extName')}</main>;
  const { resources } = model;
  return (
    <main data-state="ready" class="notice-page">
      <h1>{t('noticeHeading')}</h1>
      <p>{t('noticeIntro')}</p>
      {model.organisationName !== null && <p class="organisation">{t('noticeOrganisation', model.organisationName)}</p>}

      <section data-section="pin" class="card">
        <h2>{t('noticePinHeading')}</h2>
        <p>{t('noticePinIntro')}</p>
        <ul>
          <li>{t('noticePinChrome')}</li>
          <li>{t('noticePinEdge')}</li>
          <li>{t('noticePinFirefox')}</li>
        </ul>
      </section>

      <section data-section="sites">
        <h2>{t('noticeSitesHeading')}</h2>
        {resources === null ? (
          <p class="hint" data-sites="after-sign-in">{t('noticeSitesAfterSignIn')}</p>
        ) : resources.length === 0 ? (
          <p data-sites="none">{t('noticeSitesNone')}</p>
        ) : (
          <>
            <p>{t('noticeSitesList')}</p>
            <ul data-sites={resources.length}>
              {resources.map((r) => (
                <li key={r.id}>
                  <strong>{r.name}</strong>
                  {r.patterns.map((p) => (
                    <code key={p}>{p}</code>
                  ))}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section data-section="recorded">
        <h2>{t('noticeRecordedHeading')}</h2>
        <ul>
          <li>{t('noticeRecordedTime')}</li>
          <li>{t('noticeRecordedNotes')}</li>
          <li>{t('noticeRecordedAccount')}</li>
        </ul>
        <p><strong>{t('noticeNothingElse')}</strong></p>
      </section>

      <section data-section="who">
        <h2>{t('noticeWhoHeading')}</h2>
        <p>{t('noticeWhoText')}</p>
      </section>

      <section data-section="pause">
        <h2>{t('noticePauseHeading')}</h2>
        <p>{t('noticePauseText')}</p>
      </section>

      <section data-section="retention">
        <h2>{t('noticeRetentionHeading')}</h2>
        <p>{t('noticeRetentionText', String(model.retentionDays))}</p>
        <p>{t('noticeYourDataText')}</p>
      </section>
    </main>
  );
}
