// The research screen's unit filter, its export (Excel/CSV), and the coverage table: visits of each of
// the six kinds (六进) per unit, with how many kinds each unit reached.
import { useApp } from '../../app/context.ts';
import type { Unit } from '../../../../shared/schemas/organisation.ts';
import { VISIT_KINDS, type ResearchOverview } from '../../../../shared/schemas/programme-research.ts';
import { researchSheets } from '../../export/research-sheets.ts';
import { visitCoverage } from '../../models/programme/visit-coverage.ts';
import { routePath } from '../../models/router.ts';
import { unitPath } from '../../models/unit-tree.ts';
import { UnitFilter } from '../form/Selects.tsx';
import { ExportButtons } from '../ExportButtons.tsx';
import { withQuery } from '../Link.tsx';

export function ResearchTools({ overview, units, unitId }: { overview: ResearchOverview; units: Unit[]; unitId: string }) {
  const { t, navigate } = useApp();
  return (
    <div class="toolbar no-print">
      <UnitFilter
        label={t('research.unitFilter')}
        name="unitId"
        units={units}
        value={unitId}
        all={t('common.all')}
        onChange={(next) => navigate(withQuery(routePath({ name: 'research' }), { year: String(overview.year), unitId: next }), { replace: true })}
      />
      <ExportButtons fileName={`${t('research.title')}-${overview.year}`} sheets={() => researchSheets(overview, units, t)} />
    </div>
  );
}

export function ResearchCoverage({ overview, units }: { overview: ResearchOverview; units: Unit[] }) {
  const { t } = useApp();
  const rows = visitCoverage(overview.visits, overview.people, units.map((u) => u.id));
  return (
    <section class="panel" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('research.coverage')}</h2>
      <p class="muted">{t('research.coverageHint')}</p>
      <table class="data compact" id="visit-coverage">
        <thead>
          <tr>
            <th scope="col">{t('field.unit')}</th>
            {VISIT_KINDS.map((k) => (
              <th scope="col" class="num" key={k}>
                {t(`visit.${k}`)}
              </th>
            ))}
            <th scope="col" class="num">
              {t('research.kindsCovered')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unitId ?? ''} data-unit-id={r.unitId ?? ''}>
              <th scope="row">{r.unitId === null ? t('research.noUnit') : unitPath(units, r.unitId)}</th>
              {VISIT_KINDS.map((k) => (
                <td class="num" key={k}>
                  {r.counts[k]}
                </td>
              ))}
              <td class="num">{r.covered} / 6</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
