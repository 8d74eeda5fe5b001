// The overview's download of the unit's study as xAPI statements for the range shown, or, for a range
// longer than the server answers, a disabled button with the reason next to it.
import { useApp } from '../../app/context.ts';
import type { Unit } from '../../../../shared/schemas/organisation.ts';
import type { DateRange } from '../../../../shared/time/periods.ts';
import { unitXapiLoader } from '../../models/overview-page.ts';
import { unitXapiChoice } from '../../models/unit-xapi.ts';
import { JsonDownload } from '../JsonDownload.tsx';

export function UnitXapiDownload({ unit, range }: { unit: Unit; range: DateRange }) {
  const { api, t } = useApp();
  const choice = unitXapiChoice(unit.name, range);
  if (choice.ok) {
    return <JsonDownload label={t('unitXapi.download')} fileName={choice.fileName} load={unitXapiLoader(api, unit.id, range)} />;
  }
  return (
    <span class="json-download">
      <button type="button" disabled aria-describedby="unit-xapi-too-long">
        {t('unitXapi.download')}
      </button>
      <span id="unit-xapi-too-long" class="muted">
        {t('unitXapi.tooLong', { days: choice.days, max: choice.maxDays })}
      </span>
    </span>
  );
}
