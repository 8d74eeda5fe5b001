// The admin's holiday arrangement (放假安排) for the year on screen: paste or type it, see each entry as
// read and every bad line in words while typing (the server's own parser), save it, or clear it.
import { useApp } from '../../app/context.ts';
import type { HolidayArrangement } from '../../../../shared/schemas/holiday-arrangement.ts';
import type { ParsedArrangement } from '../../../programme/holiday-arrangement.ts';
import { arrangementProblemText } from '../../models/programme/holiday-problems.ts';
import { useHolidayEditor, useHolidays } from '../../models/programme/programme-model.ts';
import { useSubmit } from '../../models/use-submit.ts';
import { Field, FormActions } from '../form/Field.tsx';
import { Loaded } from '../States.tsx';

export function HolidayPanel({ year, onSaved }: { year: number; onSaved(): void }) {
  const { api, t } = useApp();
  const saved = useHolidays(api, year);
  return (
    <section class="panel no-print holiday-panel" aria-labelledby="holidays-title">
      <h2 id="holidays-title">{t('holidays.yearLabel', { year })}</h2>
      <Loaded load={saved}>{(arrangement) => <HolidayEditor key={arrangement.year} loaded={arrangement} onSaved={onSaved} />}</Loaded>
    </section>
  );
}

function HolidayEditor({ loaded, onSaved }: { loaded: HolidayArrangement; onSaved(): void }) {
  const { api, t } = useApp();
  const submit = useSubmit();
  const editor = useHolidayEditor(api, loaded, onSaved);
  const { parsed, current } = editor;
  const clear = async () => {
    if (!window.confirm(t('holidays.confirmClear', { year: current.year }))) return;
    await submit.run(editor.clear);
  };
  return (
    <form class="form-grid" onSubmit={submit.form(editor.save)}>
      <p class="muted wide" id="holidays-help">
        {t('holidays.help')}
      </p>
      <Field label={t('holidays.text')} wide>
        <textarea name="holidays" rows={8} value={editor.text} aria-describedby="holidays-help" onInput={(e) => editor.type((e.currentTarget as HTMLTextAreaElement).value)} />
      </Field>
      <div class="wide" aria-live="polite">
        {parsed.problems.length > 0 && (
          <div class="holiday-problems" data-testid="holiday-problems">
            <p>{t('holidays.problems', { count: new Set(parsed.problems.map((p) => p.line)).size })}</p>
            <ul>
              {parsed.problems.map((p) => (
                <li key={`${p.line} ${p.code}`}>{arrangementProblemText(p, t)}</li>
              ))}
            </ul>
          </div>
        )}
        {editor.entries === 0 ? <p class="muted">{t('holidays.none')}</p> : <Preview parsed={parsed} />}
      </div>
      <FormActions submit={submit} label={t('holidays.save')} disabled={editor.entries === 0 || parsed.problems.length > 0}>
        {current.updatedAt !== null && (
          <button type="button" disabled={submit.busy} onClick={() => void clear()}>
            {t('holidays.clear')}
          </button>
        )}
      </FormActions>
    </form>
  );
}

/** Each entry as read, by date. */
function Preview({ parsed }: { parsed: ParsedArrangement }) {
  const { t } = useApp();
  const rows = [
    ...parsed.holidays.map((h) => ({ key: `h${h.line}`, date: h.from, kind: t('holidays.holiday'), name: h.name, dates: h.from === h.to ? h.from : t('holidays.range', { from: h.from, to: h.to }) })),
    ...parsed.workdays.map((w) => ({ key: `w${w.line}`, date: w.date, kind: t('holidays.workday'), name: w.name, dates: w.date })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return (
    <table class="data compact" data-testid="holiday-preview">
      <caption>{t('holidays.preview')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('holidays.dates')}</th>
          <th scope="col">{t('holidays.kind')}</th>
          <th scope="col">{t('holidays.name')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.dates}</td>
            <td>{r.kind}</td>
            <td>{r.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
