// The individual records behind a person's hours: every segment with its page title, raw and credited
// time and why any of it was discounted. Loaded when opened; page titles and URLs are shown as text.
import { useState } from 'preact/hooks';
import { useApp } from '../../app/context.ts';
import type { DateRange } from '../../../../shared/time/periods.ts';
import { DISCOUNT_REASONS } from '../../../../shared/schemas/reports.ts';
import { formatInstant, formatStudyTimeWithUnit } from '../../models/format.ts';
import { usePersonSegments } from '../../models/person-page.ts';
import { Empty, Loaded } from '../States.tsx';

export function SegmentsPanel({ personId, range }: { personId: string; range: DateRange }) {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  return (
    <details class="panel no-print" id="records" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        <h2>{t('person.records')}</h2>
      </summary>
      {open && <SegmentsTable personId={personId} range={range} />}
    </details>
  );
}

function SegmentsTable({ personId, range }: { personId: string; range: DateRange }) {
  const { api, t, locale, timeZone } = useApp();
  const load = usePersonSegments(api, personId, range);
  return (
    <Loaded load={load}>
      {({ segments, names }) =>
        segments.length === 0 ? (
          <Empty title={t('person.noRecords')} />
        ) : (
          <table class="data compact">
            <thead>
              <tr>
                <th scope="col">{t('field.startedAt')}</th>
                <th scope="col">{t('field.resource')}</th>
                <th scope="col">{t('field.page')}</th>
                <th scope="col">{t('field.mode')}</th>
                <th scope="col" class="num">{t('figure.reported')}</th>
                <th scope="col" class="num">{t('figure.credited')}</th>
                <th scope="col">{t('person.discounts')}</th>
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => (
                <tr key={s.id}>
                  <td>{formatInstant(s.startedAt, locale, timeZone)}</td>
                  <td>{names.get(s.resourceId) ?? t('person.unknownResource')}</td>
                  <td class="wrap">
                    <span class="page-title">{s.title || t('person.untitled')}</span>
                    <span class="page-url">{s.url}</span>
                  </td>
                  <td>{t(`mode.${s.mode}`)}</td>
                  <td class="num">{formatStudyTimeWithUnit(s.rawSeconds, locale)}</td>
                  <td class="num">{formatStudyTimeWithUnit(s.creditedSeconds, locale)}</td>
                  <td>
                    {DISCOUNT_REASONS.filter((r) => (s.discounts[r] ?? 0) > 0)
                      .map((r) => `${t(`discount.${r}`)} ${formatStudyTimeWithUnit(s.discounts[r] ?? 0, locale)}`)
                      .join('；') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </Loaded>
  );
}
