// describe and anchor on plain text: each step of the fallback chain, and the refusals that keep a note
// from ever attaching to the wrong text.
import { describe, expect, it } from 'vitest';
import type { Selector } from '../../../shared/schemas/notes.ts';
import { anchorNotes, anchorSelectors, createTextIndex, findLandmarks, outOfOrder, type AnchorableSelector } from './anchor-text.ts';
import { describeSpan } from './describe-text.ts';
import type { TextSpan } from './types.ts';

const ARTICLE =
  'The committee met on Friday to discuss the study plan for the coming year. ' +
  'Members agreed that reading notes should be checked every month, and that the study plan ' +
  'should list the books each person must read. The chair closed the meeting at noon. ' +
  'After lunch the research group visited a school, a market and a building site, ' +
  'and wrote down what they had seen for the annual report on the study plan.';

function clip(text: string, quote: string, occurrence = 0): Selector[] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`no "${quote}" in text`);
  return describeSpan(text, { start: at, end: at + quote.length })!;
}

/** The same selectors as a note made before look-alikes were recorded. */
function withoutLookalikes(selectors: Selector[]): Selector[] {
  return selectors.map((s) => (s.type === 'TextQuoteSelector' ? { type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix } : s));
}

function anchored(text: string, selectors: AnchorableSelector[], hidden: TextSpan[] = []) {
  const result = anchorSelectors(createTextIndex(text, hidden), selectors);
  return result.status === 'anchored' ? { text: text.slice(result.span.start, result.span.end), method: result.method, start: result.span.start } : null;
}

describe('describeSpan', () => {
  it('records the quote with 32 characters of context, its look-alikes (none here) and its position', () => {
    const [quote, position] = describeSpan(ARTICLE, { start: 4, end: 13 })!;
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'committee', prefix: 'The ', suffix: ' met on Friday to discuss the st', lookalikes: [] });
    expect(position).toEqual({ type: 'TextPositionSelector', start: 4, end: 13 });
  });

  it('trims white space at the ends and refuses a selection of white space only', () => {
    const text = 'one\n  two three  \nfour';
    const [quote, position] = describeSpan(text, { start: 3, end: 18 })!;
    expect(quote.exact).toBe('two three');
    expect(position).toMatchObject({ start: 6, end: 15 });
    expect(describeSpan(text, { start: 3, end: 6 })).toBeNull();
  });

  it('never keeps half of a surrogate pair in the context', () => {
    const text = `${'𝒜'.repeat(20)}quote${'𝒜'.repeat(20)}`;
    const [quote] = describeSpan(text, { start: 40, end: 45 }, 5)!;
    expect(quote.prefix).toBe('𝒜𝒜');
    expect(quote.suffix).toBe('𝒜𝒜');
  });
});

describe('anchorSelectors', () => {
  it('anchors by position when the page is unchanged', () => {
    expect(anchored(ARTICLE, clip(ARTICLE, 'study plan', 1))).toMatchObject({ text: 'study plan', method: 'position' });
  });

  it('finds a moved quote and tells repeats apart by their context', () => {
    const selectors = clip(ARTICLE, 'study plan', 1);
    const edited = 'Minutes. ' + ARTICLE;
    const found = anchored(edited, selectors)!;
    expect(found).toMatchObject({ text: 'study plan', method: 'quote' });
    expect(found.start).toBe(edited.indexOf('study plan', edited.indexOf('study plan') + 1));
  });

  it('prefers the occurrence nearest the recorded position when contexts are alike', () => {
    const text = 'alpha beta gamma. '.repeat(40);
    const selectors = clip(text, 'beta', 30);
    const found = anchored('x' + text, selectors)!;
    expect(found.start).toBe(text.indexOf('beta') + 30 * 18 + 1);
  });

  it('leaves a note unanchored when its passage was deleted, though the words occur elsewhere', () => {
    const selectors = clip(ARTICLE, 'study plan', 1);
    const edited = ARTICLE.replace('Members agreed that reading notes should be checked every month, and that the study plan should list the books each person must read. ', '');
    expect(edited).toContain('study plan');
    expect(anchored(edited, selectors)).toBeNull();
  });

  it('does not trust a short quote found at its old position in a different context', () => {
    const selectors = clip(ARTICLE, 'the', 2);
    const [, position] = selectors as [Selector, { start: number; end: number }];
    const other = 'x'.repeat(position.start) + 'the' + ' unrelated words follow here, nothing like before';
    expect(anchored(other, selectors)).toBeNull();
  });

  it('matches across differences in white space', () => {
    const selectors = clip(ARTICLE, 'reading notes should be checked every month');
    const reflowed = ARTICLE.replace(/ /g, (m, i: number) => (i % 7 === 0 ? '\n      ' : m));
    expect(anchored(reflowed, selectors)).toMatchObject({ method: 'normalised-quote' });
    expect(anchored(reflowed, selectors)!.text.replace(/\s+/g, ' ')).toBe('reading notes should be checked every month');
  });

  it('finds a long enough quote with a word changed, approximately', () => {
    const selectors = clip(ARTICLE, 'visited a school, a market');
    const edited = ARTICLE.replace('visited a school', 'visits a school');
    expect(anchored(edited, selectors)).toMatchObject({ text: 'visits a school, a market', method: 'fuzzy' });
  });

  it('finds a long passage by its ends when much was inserted into its middle', () => {
    const quote = 'Members agreed that reading notes should be checked every month, and that the study plan should list the books';
    const selectors = clip(ARTICLE, quote);
    const edited = ARTICLE.replace('every month,', 'every month (the secretary will keep a register of who handed in what, and when),');
    expect(anchored(edited, selectors)).toMatchObject({ method: 'ends' });
    expect(anchored(edited, selectors)!.text).toMatch(/^Members agreed.*the books$/);
  });

  it('finds a short quote between its intact contexts when a word was inserted into it', () => {
    const selectors = clip(ARTICLE, 'closed the meeting');
    const edited = ARTICLE.replace('closed the meeting', 'closed the long meeting');
    expect(anchored(edited, selectors)).toMatchObject({ text: 'closed the long meeting', method: 'context' });
  });

  it('refuses an approximate match of a short quote', () => {
    const selectors = clip(ARTICLE, 'chair closed');
    const edited = ARTICLE.replace(/chair closed/, 'chair cloned').replace('The chair', 'Our chair').replace('the meeting at', 'a session by');
    expect(anchored(edited, selectors)).toBeNull();
  });

  it('never anchors in text the reader cannot see', () => {
    const text = 'window.data = "the study plan"; Visible page about the study plan today.';
    const visible = text.indexOf('study plan', 30);
    const selectors = describeSpan(text, { start: visible, end: visible + 10 })!;
    const script = { start: 0, end: 31 };
    expect(anchored(text, selectors, [script])).toMatchObject({ start: visible, text: 'study plan' });
    const withoutVisible = text.slice(0, 31);
    expect(anchored(withoutVisible, selectors, [script])).toBeNull();
  });

  it('anchors Chinese text, which has no spaces between words', () => {
    const text = '建设学习型机关，要坚持每周五为学习日，每月第一个周五为学习交流日。各委室要制定学习计划，开列必读书目，认真撰写读书笔记。';
    const selectors = clip(text, '认真撰写读书笔记');
    expect(anchored(text, selectors)).toMatchObject({ text: '认真撰写读书笔记', method: 'position' });
    const edited = '通知：' + text.replace('开列必读书目', '开列必读和选读书目');
    expect(anchored(edited, selectors)).toMatchObject({ text: '认真撰写读书笔记', method: 'quote' });
    expect(anchored(text.replace('开列必读书目，认真撰写读书笔记。', ''), selectors)).toBeNull();
  });

  it('uses a position alone when that is all there is, and nothing without selectors', () => {
    expect(anchored(ARTICLE, [{ type: 'TextPositionSelector', start: 4, end: 13 }])).toMatchObject({ text: 'committee', method: 'position' });
    expect(anchored(ARTICLE, [{ type: 'TextPositionSelector', start: 4, end: 99999 }])).toBeNull();
    expect(anchored(ARTICLE, [])).toBeNull();
  });

  it('anchors a quote recorded without any context wherever it occurs', () => {
    expect(anchored(ARTICLE, [{ type: 'TextQuoteSelector', exact: 'building site', prefix: '', suffix: '' }])).toMatchObject({ text: 'building site' });
  });

  it('anchors an imported quote selector without prefix or suffix by its quote and position', () => {
    const imported = [{ type: 'TextQuoteSelector' as const, exact: 'study plan' }];
    expect(anchored(ARTICLE, imported)).toBeNull(); // three occurrences, nothing to choose by
    const at = ARTICLE.lastIndexOf('study plan');
    const withPosition = [...imported, { type: 'TextPositionSelector' as const, start: at + 40, end: at + 50 }];
    expect(anchorSelectors(createTextIndex(ARTICLE), withPosition)).toMatchObject({ status: 'anchored', span: { start: at } });
    expect(anchored(ARTICLE, [{ type: 'TextQuoteSelector', exact: 'building site', suffix: ', and wrote' }])).toMatchObject({ text: 'building site' });
  });

  it('finds a short quote with a typo when both its contexts agree ("befor us")', () => {
    const text = 'It is rather for us to be here dedicated to the great task remaining before us, that from these honored dead we take increased devotion.';
    const at = text.indexOf('before us');
    const [quote, position] = describeSpan(text, { start: at, end: at + 9 })!;
    const typo = [{ ...quote, exact: 'befor us' }, position];
    expect(anchored(text, typo)).toMatchObject({ text: 'before us' });
    const otherContext = [{ ...quote, exact: 'befor us', suffix: ' and nothing else is like it at all' }, position];
    expect(anchored(text, otherContext)).toBeNull();
  });

  // A study page that repeats each paragraph with one word swapped (干部 → 同志), as the issue found.
  const TWINS = Array.from({ length: 6 }, (_, i) =>
    [`第${i + 1}条　各机关要把政治理论学习纳入年度工作计划，做到有计划、有检查、有落实。`,
     `${i % 2 === 0 ? '干部' : '同志'}每周五下午集中学习，学习时间原则上不少于两小时。`,
     `学习情况纳入${i % 2 === 0 ? '干部' : '同志'}年度考核，作为评先评优的重要依据。`].join(''),
  ).join('\n');

  it('leaves a deleted sentence unanchored though its look-alike differs by one word', () => {
    const sentence = '干部每周五下午集中学习，学习时间原则上不少于两小时。';
    const selectors = clip(TWINS, sentence, 1);
    const at = TWINS.indexOf(sentence, TWINS.indexOf(sentence) + 1);
    expect(anchored(TWINS.slice(0, at) + TWINS.slice(at + sentence.length), selectors)).toBeNull();
  });

  it('leaves a note unanchored when two places read the same and neither is clearly nearer, unless it recorded which copy it is', () => {
    const block = 'At the meeting of the whole office the members agreed that reading notes should be checked every month by the chair of each unit. ';
    const text = `${'Filler text about other matters. '.repeat(10)}${block}${block}`;
    const selectors = clip(text, 'reading notes should be checked', 0);
    const shifted = 'y'.repeat(60) + text;
    // The copy 130 characters after the passage: moved by 60, the nearer is not four times nearer.
    const asBefore = selectors.map((s) => (s.type === 'TextQuoteSelector' ? { type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix } : s));
    expect(anchored(shifted, asBefore)).toBeNull();
    // A note made now recorded that it is the first of two copies, and both still read: the first it is.
    expect(anchored(shifted, selectors)).toMatchObject({ start: shifted.indexOf('reading notes should be checked') });
  });
  it('leaves a deleted line of a poem unanchored though another version reads "worn" for "wore"', () => {
    const version = (verb: string) =>
      `When the long winter came to the valley\nand the famine ${verb} to skin the children of the town,\nthey carried the last of the grain to the mill.\n`;
    // The two versions are apart, as in a book that prints both: a commentary of some 3,000 characters.
    const commentary = 'The poem was revised by its author many years after it first appeared in print. '.repeat(38);
    const text = `First version\n${version('wore')}\n${commentary}\nSecond version\n${version('worn')}`;
    const line = 'and the famine wore to skin the children of the town,';
    const selectors = clip(text, line);
    const at = text.indexOf(line);
    expect(anchored(text.slice(0, at) + text.slice(at + line.length + 1), selectors)).toBeNull();
    expect(anchored(text.slice(0, at) + text.slice(at + line.length + 1), clip(text, 'famine wore to skin'))).toBeNull();
  });

  it('leaves a deleted sentence about GID_MIN unanchored though the same sentence about UID_MIN stays', () => {
    const entry = (id: 'UID' | 'GID', who: string) =>
      `SYS_${id}_MAX (number), SYS_${id}_MIN (number)\n    Range of ${who} IDs used for the creation of system ${who}s by useradd or newusers. ` +
      `The default value for SYS_${id}_MIN is 101.\n`;
    // As in the manual, other entries (in alphabetical order) stand between the two: some 4,000 characters.
    const others = Array.from({ length: 60 }, (_, i) => `OPTION_${i} (string)\n    The value of option ${i}, read by login and su.\n`).join('');
    const text = `LOGIN.DEFS(5)\n${entry('GID', 'group')}${others}${entry('UID', 'user')}`;
    const sentence = 'Range of group IDs used for the creation of system groups by useradd or newusers.';
    const at = text.indexOf(sentence);
    const edited = text.slice(0, at) + text.slice(at + sentence.length + 1);
    expect(anchored(edited, clip(text, sentence))).toBeNull();
    expect(anchored(edited, clip(text, 'IDs used for the creation of system'))).toBeNull();
    // Untouched, both are found where they are.
    expect(anchored(text, clip(text, 'IDs used for the creation of system'))).toMatchObject({ start: text.indexOf('IDs used') });
  });

  it('finds a long quote that occurs once where it is expected though both its neighbours changed', () => {
    const passage = 'Members agreed that reading notes should be checked every month, and that the study plan should list the books each person must read before the summer.';
    const text = `${'Other business of the day. '.repeat(20)}The chair opened the meeting. ${passage} The chair closed the meeting.${' Later business.'.repeat(20)}`;
    const selectors = clip(text, passage);
    const edited = text.replace('The chair opened the meeting. ', 'Everyone arrived late and sat down. ').replace(' The chair closed the meeting.', ' Lunch followed in the hall.');
    expect(anchored(edited, selectors)).toMatchObject({ start: edited.indexOf(passage), method: 'quote' });
    // Far from where it was expected, it is not trusted without context.
    expect(anchored('x'.repeat(5000) + edited, selectors)).toBeNull();
  });

  it('finds a long passage whose end was cut with what followed, when a word was edited before it', () => {
    // A notice revised in place: the clause closing the clipped sentence and the sentence after it removed,
    // and "every unit" made "each unit" just before it. One side of context is 75-90% alike, the other
    // gone: a quote of 64+ characters found approximately near where it was is still the passage.
    const passage =
      'submit its annual study plan to the organisation office before the end of March, listing the books that every member must read and the dates of each session';
    const text =
      `${'Circular of the organisation office on study in the coming year. '.repeat(10)}` +
      `Every department and every unit shall ${passage}, so that the office can arrange lecturers in good time. ` +
      `${'Units report on progress each quarter. '.repeat(10)}`;
    const selectors = clip(text, passage);
    const cut = ' and the dates of each session, so that the office can arrange lecturers in good time.';
    const edited = text.replace('department and every unit shall', 'department and each unit shall').replace(cut, '.');
    const found = anchored(edited, selectors)!;
    expect(found).toMatchObject({ start: edited.indexOf('submit its annual'), method: 'fuzzy' });
    expect(found.text.startsWith('submit its annual study plan')).toBe(true);
  });

  it('finds a quote of 32+ characters found once where it is expected when only the words touching it are as recorded', () => {
    const passage = '各级党组织要把理论学习纳入年度工作计划，每季度至少组织一次集中学习研讨，做到有计划、有检查、有总结。';
    const before = '根据中央关于加强干部教育培训工作的部署要求，结合本单位实际情况，现就有关事项通知如下。第一条';
    const after = '第二条各部门应当于每年三月底前将学习计划报送机关党委备案，机关党委汇总后报上级党组织审核并及时反馈意见。';
    const filler = '本通知自印发之日起施行。'.repeat(30);
    const text = `${filler}${before}${passage}${after}${filler}`;
    const selectors = clip(text, passage);
    // Both neighbouring sentences rewritten but for the words touching the passage: neither side of the
    // stored context agrees any more.
    const edited = text
      .replace('根据中央关于加强干部教育培训工作的部署要求，结合本单位实际', '为贯彻落实上级关于学习型机关建设的安排，结合本局实际')
      .replace('各部门应当于每年三月底前将学习计划报送机关党委备案，机关党委汇总后', '各部门应当于每年三月底前将计划和总结一并报送人事处，人事处汇总后');
    expect(anchored(edited, selectors)).toMatchObject({ start: edited.indexOf(passage), method: 'quote' });
    // A second copy of the sentence elsewhere on the page: which one is meant is no longer certain.
    expect(anchored(`${edited}${passage}`, selectors)).toBeNull();
  });

  it('leaves a deleted chapter heading unanchored though the contents list repeats it', () => {
    const chapters = ['The Beginning', 'The Long Journey Home', 'The Return'];
    const contents = chapters.map((t, i) => `Chapter ${i + 1} ${t} ..... ${i * 12 + 1}`).join('\n');
    const body = chapters.map((t, i) => `Chapter ${i + 1} ${t}\nThe chapter tells of part ${i + 1} of the story, and it is told slowly.`).join('\n');
    const text = `Contents\n${contents}\n${body}`;
    const heading = 'Chapter 2 The Long Journey Home';
    const selectors = clip(text, heading, 1);
    const at = text.lastIndexOf(heading);
    expect(anchored(text, selectors)).toMatchObject({ start: at });
    expect(anchored(text.slice(0, at) + text.slice(at + heading.length + 1), selectors)).toBeNull();
  });

  // The study page of the issue: each paragraph printed again twenty paragraphs on with 干部 → 同志, 机关 → 单位.
  const STUDY = (() => {
    const para = (n: number, staff: string, unit: string) =>
      `第${n}条　各${unit}要把政治理论学习纳入第${n}期工作计划，做到有计划、有检查、有落实。${staff}每周五下午集中学习，学习时间原则上不少于两小时。学习情况纳入${staff}年度考核，作为评先评优的重要依据。`;
    const first = Array.from({ length: 20 }, (_, i) => para(i + 1, '干部', '机关'));
    const second = Array.from({ length: 20 }, (_, i) => para(i + 1, '同志', '单位'));
    return `学习制度汇编（二〇二六年修订本，供机关内部学习使用）\n${[...first, ...second].join('\n')}`;
  })();

  it('never moves an untouched clip to its look-alike when the sentences beside it are edited', () => {
    const sentence = '干部每周五下午集中学习，学习时间原则上不少于两小时。';
    const at = STUDY.indexOf(sentence, STUDY.indexOf('第5条'));
    const selectors = describeSpan(STUDY, { start: at, end: at + sentence.length })!;
    const before = STUDY.lastIndexOf('各机关要把政治理论学习纳入第5期工作计划，做到有计划、有检查、有落实。', at);
    const edited = `${STUDY.slice(0, before)}各机关要认真组织学习。${STUDY.slice(at, at + sentence.length)}学习情况按季度通报。${STUDY.slice(STUDY.indexOf('\n', at))}`;
    const result = anchorSelectors(createTextIndex(edited), selectors);
    const now = edited.indexOf(sentence, edited.indexOf('第5条'));
    expect(result.status === 'unanchored' || result.span.start === now).toBe(true);
  });

  it('never moves a clip with one word edited inside to its look-alike twenty paragraphs away', () => {
    const sentence = '干部每周五下午集中学习，学习时间原则上不少于两小时。';
    const at = STUDY.indexOf(sentence, STUDY.indexOf('第7条'));
    const selectors = describeSpan(STUDY, { start: at, end: at + sentence.length })!;
    const edited = STUDY.slice(0, at) + '干部每周四下午集中学习，学习时间原则上不少于两小时。' + STUDY.slice(at + sentence.length);
    // Nineteen other paragraphs read as well as the edited one (their context one digit apart): found in
    // place or left not found, never on a copy.
    const result = anchorSelectors(createTextIndex(edited), selectors);
    expect(result.status === 'unanchored' || result.span.start === at).toBe(true);
    // And a deleted sentence is not highlighted on the look-alike's different words.
    const deleted = STUDY.slice(0, at) + STUDY.slice(at + sentence.length);
    expect(anchorSelectors(createTextIndex(deleted), selectors)).toEqual({ status: 'unanchored' });
  });

  it('throws no TypeError for a quote selector without prefix or suffix', () => {
    const bare = [{ type: 'TextQuoteSelector' as const, exact: 'annual report' }];
    expect(() => anchorSelectors(createTextIndex(ARTICLE), bare)).not.toThrow();
    expect(anchored(ARTICLE, bare)).toMatchObject({ text: 'annual report' });
    expect(() => findLandmarks(createTextIndex(ARTICLE), [bare])).not.toThrow();
  });

  it('never takes a long quote found once where a recorded look-alike reads it, its own words edited (修订对照)', () => {
    // Of 128+ characters, a quote found once near where it is expected needs no context; but here the one
    // place reading it is the revised article's twin, recorded as a look-alike when the note was made.
    const plan = (every: string) =>
      `Staff members shall keep reading notes, which the deputy head checks every ${every}. Where staff members do not study seriously or keep poor notes, the deputy head reports it to all.`;
    const text = [
      'Study rules of the Municipal Committee, with the revisions of 2026',
      `Original text: Article 15 Party members meet every Friday afternoon for two hours. ${plan('year')}`,
      `As revised: Article 15 Party members meet every Friday afternoon for two hours. ${plan('year')}`,
      'Original text: Article 16 Comrades visit enterprises and schools to see conditions at first hand.',
    ].join('\n');
    const note = clip(text, plan('year'));
    const edited = text.replace(plan('year'), plan('month'));
    const found = anchored(edited, note);
    expect(found === null || found.start === edited.indexOf(plan('month'))).toBe(true);
    expect(found).not.toMatchObject({ start: edited.indexOf(plan('year')) });
  });
});

describe('a short quote with one side of context edited away', () => {
  const line = (part: string, rest: string) => `Experts give lectures on the law. Part ${part}: Article 10 ${rest}\n`;
  const text = `${'Preamble of the rules, read before the articles. '.repeat(4)}\n${line('one', 'Study of the law is tied to daily work.')}${line('two', 'Party members meet every Friday.')}`;
  // As a note made before look-alikes were recorded (or imported): only the rule stands between the
  // deleted clip and the next part's heading, whose prefix reads three characters apart (90.6% alike).
  const note = withoutLookalikes(clip(text, 'Article 10'));

  it('needs the other side all but intact: a deleted clip is not put on a place three characters off in 32', () => {
    const edited = text.replace('Part one: Article 10 Study of the law is tied to daily work.', '');
    expect(anchored(edited, note)).toBeNull();
  });

  it('is still found where that side reads as recorded', () => {
    const edited = text.replace('Study of the law is tied to daily work.', 'Officials write reports each quarter.');
    expect(anchored(edited, note)).toMatchObject({ start: edited.indexOf('Article 10') });
  });
});

describe('copies of a recorded text, one edited beside its quote', () => {
  it('are told apart by their order: the note is the copy of its rank among those still reading one side as recorded', () => {
    const block = 'At the meeting of the whole office the members agreed that reading notes should be checked every month by the chair of each unit. ';
    const filler = (n: number) => `Filler text about other matters number ${n}. `.repeat(12);
    const text = `${filler(1)}${block}${filler(2)}${block}${filler(3)}`;
    const quote = 'reading notes should be checked every month';
    const first = clip(text, quote, 0);
    const second = clip(text, quote, 1);
    expect(first[0]).toMatchObject({ copies: { count: 2, rank: 0 } });
    // The words after the first copy rewritten, and text inserted above: one copy reads as recorded.
    const edited = 'A line added at the top. '.repeat(4) + text.replace(`${quote} by the chair of each unit. ${filler(2)}`, `${quote}, as the new rules of the year say plainly. ${filler(2)}`);
    const firstAt = edited.indexOf(quote);
    expect(anchored(edited, first)).toMatchObject({ start: firstAt });
    expect(anchored(edited, second)).toMatchObject({ start: edited.indexOf(quote, firstAt + 1) });
  });
});

describe('landmarks', () => {
  // Twenty paragraphs that differ by one word only: every sentence has look-alikes all over the page.
  const para = (n: number) => `第${n}条　各${n % 2 ? '机关' : '单位'}要把政治理论学习纳入年度工作计划，做到有计划、有检查。${n % 3 ? '干部' : '同志'}每周五下午集中学习，学习时间原则上不少于两小时。`;
  // A title first: a landmark needs 16 characters of context on both sides.
  const text = `学习制度汇编（二〇二六年修订本，供机关内部学习使用）\n${Array.from({ length: 20 }, (_, i) => para(i + 1)).join('\n')}`;
  const heads = Array.from({ length: 20 }, (_, i) => clip(text, `第${i + 1}条　`));

  it('are the notes found beyond doubt, in the order of the text', () => {
    const marks = findLandmarks(createTextIndex(text), heads);
    expect(marks).toHaveLength(20);
    expect(marks.every((m, i) => i === 0 || m.now.start > marks[i - 1]!.now.start)).toBe(true);
    // At its recorded offsets a note is a landmark; moved, it is one only if it reads so at one place,
    // or, made on one of several copies, at as many places as then: the copy of its rank.
    const twice = `${para(1)}\n${para(1)}\n${para(1)}`;
    const note = clip(twice, '集中学习', 0);
    expect(note[0]).toMatchObject({ copies: { count: 2, rank: 0 } });
    expect(findLandmarks(createTextIndex(twice), [note])).toHaveLength(1);
    const shifted = `新增一行。\n${twice}`;
    expect(findLandmarks(createTextIndex(shifted), [note]).map((m) => m.now.start)).toEqual([shifted.indexOf('集中学习')]);
    const once = `新增一行。\n${para(1)}\n${para(2)}`;
    expect(findLandmarks(createTextIndex(`新增一行。\n${para(1)}\n${para(1)}\n${para(1)}`), [clip(twice, '集中学习', 2)])).toHaveLength(0);
    expect(findLandmarks(createTextIndex(once), [clip(`${para(1)}\n${para(2)}`, '集中学习', 0)])).toHaveLength(1);
  });

  it('are never a copy of a note made on one of several copies once fewer read (its own edited)', () => {
    // The same sentence with the same words either side in both versions of an article (修订对照).
    const filler = '其他事项另行通知，各单位遵照执行。'.repeat(4);
    const version = (head: string) => `${head}：第五条　为进一步加强和改进机关干部的理论学习，各机关要把政治理论学习纳入年度工作计划，做到有计划、有检查。干部每周五下午集中学习。`;
    const text = `${filler}\n${version('原条文')}\n${filler}\n${version('修订后')}\n${filler}`;
    const note = clip(text, '做到有计划、有检查', 1);
    expect(note[0]).toMatchObject({ copies: { count: 2, rank: 1 } });
    // The revised copy edited right beside the quote: the original now reads the note's text word for
    // word at one place only, and is not where the note is.
    const at = text.lastIndexOf('干部每周五');
    const edited = `新增一行。\n${text.slice(0, at)}同志每周五${text.slice(at + 5)}`;
    expect(findLandmarks(createTextIndex(edited), [note])).toEqual([]);
  });

  it('keep only the longest run in order when one of them crossed the others', () => {
    const index = createTextIndex(text);
    const marks = findLandmarks(index, heads);
    // A note recorded near the start whose quote is now found near the end: it crosses every other.
    const stray = clip(text, para(20));
    const moved = [{ ...stray[0]!, exact: para(20) }, { type: 'TextPositionSelector' as const, start: 0, end: para(20).length }];
    const withStray = findLandmarks(index, [...heads.slice(0, 19), moved]);
    expect(withStray).toHaveLength(19);
    expect(withStray.map((m) => m.now.start)).toEqual(marks.slice(0, 19).map((m) => m.now.start));
  });

  it('place a note edited inside between the landmarks either side, not on a copy elsewhere', () => {
    const sentence = '同志每周五下午集中学习，学习时间原则上不少于两小时。';
    const n = text.indexOf('第9条');
    const at = text.indexOf(sentence, n);
    const note = clip(text, sentence, 2);
    expect(note[1]).toMatchObject({ start: at });
    const typed = '同志每周五下午集中学习，学习时间一般不少于两小时。';
    const edited = 'y'.repeat(300) + text.slice(0, at) + typed + text.slice(at + sentence.length);
    const index = createTextIndex(edited);
    const result = anchorSelectors(index, note, findLandmarks(index, heads));
    expect(result).toMatchObject({ status: 'anchored', span: { start: at + 300 } });
  });
});

describe('a note not found between its landmarks', () => {
  it('is found alone when it reads exactly between intact contexts, and the landmark crossing it is dropped', () => {
    const exchange = (day: string) => `The unit keeps Friday as its study day, and the first Friday of each month as its ${day} day. Other words follow to pad it out.`;
    const filler = (n: number) => ` Filler text about other matters number ${n}.`.repeat(6);
    const sentence = 'Members agreed that reading notes should be checked every month by the chair of each unit.';
    // The exchange-day sentence printed twice, the first time with a typo ("exchanje").
    const text = `${exchange('exchanje')}${filler(1)} ${sentence}${filler(2)} ${exchange('exchange')}${filler(3)}`;
    const note = clip(text, sentence);
    const mark = clip(text, 'exchange day');
    // The second copy deleted and the typo corrected: the short clip now reads word for word before the
    // sentence, which it followed when both were made, and is a landmark that shuts the sentence out.
    const edited = text.replace(` ${exchange('exchange')}`, '').replace('exchanje', 'exchange');
    expect(findLandmarks(createTextIndex(edited), [note, mark]).map((m) => m.now.start)).toEqual([edited.indexOf('exchange day')]);
    const [first, second] = anchorNotes(createTextIndex(edited), [note, mark]);
    expect(first).toMatchObject({ status: 'anchored', span: { start: edited.indexOf(sentence) } });
    expect(second).toEqual({ status: 'unanchored' });
  });
});

describe('notes found out of order', () => {
  const placed = (was: number, now: number, weight: number, length = 10) => ({ was: { start: was, end: was + length }, now: { start: now, end: now + length }, weight });

  it('keep every note found in the order it was described in', () => {
    expect(outOfOrder([placed(0, 5, 1), null, placed(20, 40, 1), placed(50, 60, 4)])).toEqual(new Set());
    // Notes that overlapped when described may overlap, or swap, now.
    expect(outOfOrder([placed(0, 30, 1, 20), placed(10, 25, 1, 20)])).toEqual(new Set());
  });

  it('drop the less sure of two notes that crossed, and any note found on a surer note that followed it', () => {
    expect(outOfOrder([placed(0, 100, 1), placed(50, 20, 4)])).toEqual(new Set([0]));
    expect(outOfOrder([placed(0, 100, 4), placed(50, 20, 1)])).toEqual(new Set([1]));
    // Found on the very passage of a note described after it.
    expect(outOfOrder([placed(0, 60, 1), placed(50, 60, 4)])).toEqual(new Set([0]));
    // Surer in total: two notes in order outweigh one that crosses both.
    expect(outOfOrder([placed(0, 10, 2), placed(20, 30, 2), placed(40, 0, 2)])).toEqual(new Set([2]));
  });

  it('leave a deleted original article unanchored rather than on the next article, once a surer note stands between (修订对照)', () => {
    const units = ['office', 'committee', 'department', 'unit'];
    const plan = (n: number) => `Each ${units[n]} draws up a year study plan with a list of books everyone must read.`;
    const attendance = 'Attendance at every study activity is recorded, and absences are explained.';
    const article = (n: number) =>
      `Original text: Article ${n} ${plan(n)} ${attendance}\nAs revised: Article ${n} ${plan(n)} Experts are invited to give lectures on the law. ${attendance}`;
    const text = `Study rules of the Municipal Committee, with the revisions of 2026\n${[0, 1, 2, 3].map(article).join('\n')}`;
    const original = text.indexOf('Original text: Article 2');
    const revised = text.indexOf('As revised: Article 2');
    const inOriginal = clip(text.slice(0, revised), plan(2));
    const inRevised = describeSpan(text, { start: text.indexOf(plan(2), revised), end: text.indexOf(plan(2), revised) + plan(2).length })!;
    // The revision deletes the original article and types a word into the revised one, so that neither
    // note reads word for word anywhere (no landmark). Alone, the deleted clip reads like the next
    // original article (its number one digit apart, its quote one word apart).
    let edited = text.slice(0, original) + text.slice(text.indexOf('\n', original) + 1);
    const typed = edited.indexOf('lectures', edited.indexOf('As revised: Article 2'));
    edited = `${edited.slice(0, typed)}more ${edited.slice(typed)}`;
    const index = createTextIndex(edited);
    expect(findLandmarks(index, [inOriginal, inRevised])).toEqual([]);
    const [deleted, kept] = anchorNotes(index, [inOriginal, inRevised]);
    expect(deleted).toEqual({ status: 'unanchored' });
    expect(kept).toMatchObject({ status: 'anchored', span: { start: edited.indexOf(plan(2)) } });
  });
});

describe('evidence that a passage was cut out', () => {
  // A collection page: the same rule sentences in article after article, two of them side by side in
  // article 1 and with the clipped sentence between them in article 2.
  const recorded = 'Attendance at every study activity is recorded, and absences are explained.';
  const counted = 'Study counts in the annual assessment of officials.';
  const lectures = 'Experts are invited to give lectures on the law.';
  const text = [
    'Collected study rules of the Municipal Committee',
    `Article 1 ${recorded} ${lectures}`,
    `Article 2 ${recorded} ${counted} ${lectures}`,
    `Article 3 ${recorded} Study counts in the annual assessment of comrades. ${lectures}`,
  ].join('\n');
  const note = clip(text, counted);

  it('is where the passage was: the same two sentences together in another article do not make a kept clip not found', () => {
    // The sentence after the clip edited (its context differs; article 1 still reads "recorded ...
    // lectures") and a line inserted above (its recorded position is stale).
    const edited = `Revised in 2026.\n${text.replace(`${counted} ${lectures}`, `${counted} Experts are asked to give lectures on the law.`)}`;
    expect(anchored(edited, note)).toMatchObject({ text: counted, start: edited.indexOf(counted) });
  });

  it('still keeps a deleted clip off its look-alike in the next article', () => {
    const deleted = `Revised in 2026.\n${text.replace(`${counted} `, '')}`;
    expect(anchored(deleted, note)).toBeNull();
  });
});

describe('a clip edited in place beside a copy of its old words', () => {
  it('is found where it was edited, not on the revised article that still reads the old words (修订对照)', () => {
    const plan = (every: string) => `Staff members shall keep reading notes, which the deputy head checks every ${every}.`;
    const text = [
      'Study rules of the Municipal Committee, with the revisions of 2026',
      `Original text: Article 3 Party members meet every Friday afternoon. ${plan('year')} Experts are invited to give lectures on the law.`,
      `As revised: Article 3 Party members meet every Friday afternoon. ${plan('year')} Comrades visit enterprises and schools to see conditions.`,
    ].join('\n');
    const note = clip(text, plan('year'));
    // One word edited inside the clip, and a line inserted above: the old words now stand only in the
    // revised article, whose sentence after them differs.
    const edited = `Revised on 6 January.\n${text.replace(plan('year'), plan('month'))}`;
    expect(anchored(edited, note)).toMatchObject({ text: plan('month'), start: edited.indexOf(plan('month')) });
  });
});

describe('a long quote found by its ends between landmarks', () => {
  it('is not the other version of its deleted article when its ends read better at a look-alike outside the landmarks', () => {
    const article = (head: string, n: number, officer: string, who: string) =>
      `${head}: Article ${n} Where party members excel in their study, the ${officer} commends them. Study counts in the annual assessment of ${who} and in the choice of those commended.\n`;
    const filler = (n: number) => `Filler text about other matters, paragraph number ${n}, to keep these apart. `.repeat(8);
    const before = 'The department reports the attendance of officials at collective study every year.';
    const after = 'Each committee takes its turn to lead the exchange day, choosing one topic each time.';
    // A 修订对照 page: article 21 in its original and revised versions, article 22, and far away the
    // revised article 24, a look-alike of the revised article 21 but for the number after it.
    const revised21 = article('As revised', 21, 'deputy head', 'officials');
    const text =
      `${filler(1)}${before}\n${article('Original text', 21, 'principal officer', 'comrades')}${revised21}Original text: Article 22 ${after}\n` +
      `${filler(2)}${filler(3)}${article('As revised', 24, 'deputy head', 'officials')}Original text: Article 25 Study of theory is tied to daily work.\n${filler(4)}`;
    const quote = 'Study counts in the annual assessment of officials and in the choice of those commended.';
    const note = clip(text, quote);
    expect(note[0]).toMatchObject({ lookalikes: [expect.anything()] });
    // The revised article 21 deleted: its original now stands before article 22, read as the note's
    // suffix, one word of its quote and its prefix the other version's.
    const edited = text.replace(revised21, '');
    const notes = [clip(text, before), note, clip(text, after)];
    const index = createTextIndex(edited);
    expect(findLandmarks(index, notes)).toHaveLength(2);
    expect(anchorNotes(index, notes)[1]).toEqual({ status: 'unanchored' });
  });
});
