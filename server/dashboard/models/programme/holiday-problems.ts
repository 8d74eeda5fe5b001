// The holiday arrangement's problems in the reader's language, one line each with its line number, as the
// admin types: the same parser the server uses (server/programme/holiday-arrangement.ts), so what the
// preview accepts the server accepts.
import type { ArrangementProblem } from '../../../programme/holiday-arrangement.ts';
import type { MessageKey, Translate } from '../../i18n/t.ts';

/** "第 2 行「春节 2026-02-30」：2026-02-30 不是有效日期。" */
export function arrangementProblemText(problem: ArrangementProblem, t: Translate): string {
  const reason = t(`holidays.problem.${problem.code}` as MessageKey, { date: problem.date ?? '', other: problem.otherLine ?? '' });
  return t('holidays.problemLine', { line: problem.line, text: problem.text, reason });
}
