// Chooses the year (and, for plans, the stage) of a programme page; the choice lives in the URL query.
import { useApp } from '../../app/context.ts';
import { PLAN_STAGES, type PlanStage } from '../../../../shared/schemas/programme-plans.ts';
import { yearOptions } from '../../models/programme/year-choice.ts';
import { withQuery } from '../Link.tsx';
import { EnumOptions } from '../EnumOptions.tsx';

export function YearPicker({ year, stage, path, keep = {} }: { year: number; stage?: PlanStage; path: string; keep?: Record<string, string> }) {
  const { t, navigate, today } = useApp();
  const go = (next: Record<string, string>) =>
    navigate(withQuery(path, { ...keep, year: String(year), ...(stage ? { stage } : {}), ...next }), { replace: true });
  return (
    <div class="range-picker no-print" role="group" aria-label={t('field.year')}>
      <label>
        <span>{t('field.year')}</span>
        <select name="year" value={String(year)} onChange={(e) => go({ year: (e.currentTarget as HTMLSelectElement).value })}>
          {yearOptions(year, today()).map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {stage !== undefined && (
        <label>
          <span>{t('plan.stage')}</span>
          <select name="stage" value={stage} onChange={(e) => go({ stage: (e.currentTarget as HTMLSelectElement).value })}>
            <EnumOptions values={PLAN_STAGES} label={(s) => t(`stage.${s}`)} />
          </select>
        </label>
      )}
    </div>
  );
}
