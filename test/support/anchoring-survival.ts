// The survival harness for anchoring, pure over text: write a page, clip passages from it, edit the page
// at random (insertions, deletions, word replacements) while following where every original character
// went, then anchor each note again and judge the result against where its passage really is now.
// Shared by the vitest survival test (which asserts the thresholds) and the bench (which prints them).
import { describeSpan } from '../../extension/highlights/anchoring/describe-text.ts';
import { anchorNotes, createTextIndex } from '../../extension/highlights/anchoring/anchor-text.ts';
import type { AnchorMethod, TextSpan } from '../../extension/highlights/anchoring/types.ts';
import { collapseString } from '../../extension/highlights/anchoring/whitespace.ts';
import type { Selector } from '../../shared/schemas/notes.ts';
import { clipCorpusNotes, generateCorpusPage, reviseCorpusPage, type PageFamily } from '../fixtures/anchoring/near-duplicate-pages.ts';
import { toWordBoundaries, type ClippedNote, type EditedPage, type Language } from './survival-notes.ts';

/** Deterministic PRNG (mulberry32): the same seed gives the same page, notes and edits. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they ' +
  'you were her she there been one all we their has would when if so no will more can who my out up them some ' +
  'study learning office committee people work plan report reading notes political theory practice history ' +
  'economy law science technology culture development policy research meeting member session training lecture ' +
  'unit leader staff system public service country government principle democracy consultation opinion proposal ' +
  'important continue improve strengthen promote implement organise collective personal annual quarter month week ' +
  'book chapter page passage idea question answer problem solution method result process progress target level'
).split(' ');

const ZH_CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经' +
  '十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形' +
  '相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展' +
  '五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战' +
  '先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白' +
  '教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且' +
  '究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值';

const ZH = [...ZH_CHARS];

function zipfPick<T>(items: readonly T[], random: () => number): T {
  // Inverse-rank sampling: item k has weight 1/(k+1), like word frequencies in real text.
  const h = Math.log(items.length + 1);
  const k = Math.min(items.length - 1, Math.floor(Math.exp(random() * h) - 1));
  return items[k]!;
}

function englishSentence(random: () => number): string {
  const n = 6 + Math.floor(random() * 15);
  const words = Array.from({ length: n }, () => zipfPick(EN_WORDS, random));
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

function chineseSentence(random: () => number): string {
  const n = 8 + Math.floor(random() * 24);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += zipfPick(ZH, random);
    if (i > 3 && i < n - 3 && random() < 0.08) s += '，';
  }
  return s + '。';
}

/** A page of about `chars` characters: paragraphs of generated sentences (no spaces at all in zh). */
export function generatePage(language: Language, chars: number, random: () => number): string {
  const sentence = language === 'en' ? englishSentence : chineseSentence;
  const joiner = language === 'en' ? ' ' : '';
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const count = 3 + Math.floor(random() * 5);
    const p = Array.from({ length: count }, () => sentence(random)).join(joiner);
    paragraphs.push(p);
    length += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

function randomWord(language: Language, random: () => number): string {
  if (language === 'en') return zipfPick(EN_WORDS, random);
  const n = 1 + Math.floor(random() * 3);
  return Array.from({ length: n }, () => zipfPick(ZH, random)).join('');
}

/** Clips `count` passages: 40% short (4–15 chars), 40% medium (15–80), 20% long (80–400). */
export function clipNotes(text: string, language: Language, count: number, random: () => number): ClippedNote[] {
  const notes: ClippedNote[] = [];
  while (notes.length < count) {
    const r = random();
    const length = r < 0.4 ? 4 + random() * 11 : r < 0.8 ? 15 + random() * 65 : 80 + random() * 320;
    const start = Math.floor(random() * (text.length - length));
    let span = { start, end: start + Math.floor(length) };
    if (language === 'en') span = toWordBoundaries(text, span);
    const selectors = describeSpan(text, span);
    if (selectors === null) continue;
    const [, position] = selectors;
    notes.push({ original: { start: position.start, end: position.end }, selectors });
  }
  return notes;
}

function splice(page: EditedPage, at: number, removed: number, inserted: string): EditedPage {
  const origin = new Int32Array(page.origin.length - removed + inserted.length);
  origin.set(page.origin.subarray(0, at), 0);
  origin.fill(-1, at, at + inserted.length);
  origin.set(page.origin.subarray(at + removed), at + inserted.length);
  return { text: page.text.slice(0, at) + inserted + page.text.slice(at + removed), origin };
}

/**
 * `count` random edits: 40% insertions of 1–12 words, 35% deletions (most of 1–40 characters, some of
 * 100–1500, so that whole passages disappear), 25% replacements of one word by another.
 */
export function editPage(text: string, language: Language, count: number, random: () => number): EditedPage {
  let page: EditedPage = { text, origin: Int32Array.from({ length: text.length }, (_, i) => i) };
  const space = language === 'en' ? ' ' : '';
  for (let i = 0; i < count; i++) {
    const r = random();
    const at = Math.floor(random() * page.text.length);
    if (r < 0.4) {
      const words = Array.from({ length: 1 + Math.floor(random() * 12) }, () => randomWord(language, random));
      page = splice(page, at, 0, words.join(space) + space);
    } else if (r < 0.75) {
      const length = random() < 0.8 ? 1 + Math.floor(random() * 40) : 100 + Math.floor(random() * 1400);
      page = splice(page, at, Math.min(length, page.text.length - at), '');
    } else {
      const word = language === 'en' ? toWordBoundaries(page.text, { start: at, end: at }) : { start: at, end: Math.min(page.text.length, at + 1 + Math.floor(random() * 3)) };
      if (word.end > word.start) page = splice(page, word.start, word.end - word.start, randomWord(language, random));
    }
  }
  return page;
}

export type Fate = 'intact' | 'edited' | 'mostly-deleted' | 'deleted';
export type Outcome = 'right' | 'wrong' | 'unanchored';

export interface Judgement {
  readonly fate: Fate;
  readonly outcome: Outcome;
  readonly method: AnchorMethod | null;
  /**
   * Wrong, but onto a copy around which the quote and both stored contexts read word for word as
   * recorded: no text-only anchoring can tell that copy from the passage, so it is counted apart.
   */
  readonly verbatimCopy: boolean;
}

/** Where the note's passage is now: from its first to its last surviving original character. */
function whereNow(page: EditedPage, original: TextSpan): { span: TextSpan | null; surviving: number } {
  let first = -1;
  let last = -1;
  let surviving = 0;
  for (let i = 0; i < page.origin.length; i++) {
    const o = page.origin[i]!;
    if (o >= original.start && o < original.end) {
      if (first === -1) first = i;
      last = i;
      surviving++;
    }
  }
  return { span: first === -1 ? null : { start: first, end: last + 1 }, surviving };
}

/**
 * Right: at least half of what was found is the passage, and it covers at least half of the passage
 * (measured against the shorter of its length then and now, since text inserted inside it counts too).
 */
function isRight(found: TextSpan, truth: TextSpan, originalLength: number): boolean {
  const overlap = Math.min(found.end, truth.end) - Math.max(found.start, truth.start);
  return overlap >= 0.5 * (found.end - found.start) && overlap >= 0.5 * Math.min(truth.end - truth.start, originalLength);
}

/** Anchors every note in the edited page (one text index for the whole pass) and judges each. */
export function judge(originalText: string, page: EditedPage, notes: readonly ClippedNote[]): Judgement[] {
  const index = createTextIndex(page.text);
  const results = anchorNotes(index, notes.map((n) => n.selectors));
  return notes.map((note, i) => {
    const { span: truth, surviving } = whereNow(page, note.original);
    const length = note.original.end - note.original.start;
    const quote = originalText.slice(note.original.start, note.original.end);
    const fate: Fate =
      truth === null ? 'deleted'
      : surviving === length && page.text.slice(truth.start, truth.end) === quote ? 'intact'
      : surviving * 2 >= length ? 'edited'
      : 'mostly-deleted';
    const result = results[i]!;
    if (result.status === 'unanchored') return { fate, outcome: 'unanchored', method: null, verbatimCopy: false };
    const outcome: Outcome = truth !== null && isRight(result.span, truth, length) ? 'right' : 'wrong';
    return { fate, outcome, method: result.method, verbatimCopy: outcome === 'wrong' && readsAsRecorded(page.text, result.span, note.selectors) };
  });
}

function readsAsRecorded(text: string, span: TextSpan, selectors: readonly Selector[]): boolean {
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (quote === undefined || quote.type !== 'TextQuoteSelector') return false;
  // Word for word: white space (a line break where a space was) is not a word.
  const words = (s: string) => collapseString(s).trim();
  const reach = 8;
  return (
    words(text.slice(span.start, span.end)) === words(quote.exact) &&
    words(text.slice(Math.max(0, span.start - quote.prefix.length - reach), span.start)).endsWith(words(quote.prefix)) &&
    words(text.slice(span.end, span.end + quote.suffix.length + reach)).startsWith(words(quote.suffix))
  );
}

export interface SurvivalFigures {
  readonly notes: number;
  readonly byFate: Record<Fate, number>;
  /** Of notes whose passage survives (intact or edited, at least half its characters left). */
  readonly rightRate: number;
  readonly survivingUnanchoredRate: number;
  readonly survivingWrongRate: number;
  /** Of all notes. */
  readonly wrongRate: number;
  /** Of notes whose passage was deleted entirely: attached elsewhere, but not to a verbatim copy. */
  readonly deletedWrongRate: number;
  /** Deleted passages attached to a copy whose quote and both contexts read word for word as recorded. */
  readonly deletedOnVerbatimCopy: number;
  /** Deleted passages attached elsewhere, verbatim copies included. */
  readonly deletedWrong: number;
  readonly mostlyDeletedWrongRate: number;
  readonly byMethod: Record<string, number>;
}

/** Runs `trials` pages of about `chars` characters with `notesPerPage` notes and `edits` edits each. */
export function runSurvival(opts: { language: Language; trials: number; chars: number; notesPerPage: number; edits: number; seed: number }): SurvivalFigures {
  const all: Judgement[] = [];
  for (let t = 0; t < opts.trials; t++) {
    const random = seededRandom(opts.seed + t * 7919);
    const text = generatePage(opts.language, opts.chars, random);
    const notes = clipNotes(text, opts.language, opts.notesPerPage, random);
    const page = editPage(text, opts.language, opts.edits, random);
    all.push(...judge(text, page, notes));
  }
  return summarise(all);
}

/** The same over pages of the near-duplicate corpus (test/fixtures/anchoring/near-duplicate-pages.ts). */
export function runCorpusSurvival(opts: { family: PageFamily; language: Language; trials: number; chars: number; notesPerPage: number; edits: number; seed: number }): SurvivalFigures {
  const all: Judgement[] = [];
  for (let t = 0; t < opts.trials; t++) {
    const random = seededRandom(opts.seed + t * 7919);
    const page = generateCorpusPage(opts.family, opts.language, opts.chars, random);
    const notes = clipCorpusNotes(page, opts.language, opts.notesPerPage, random);
    const revised = reviseCorpusPage(page, opts.language, opts.edits, random);
    all.push(...judge(page.text, revised, notes));
  }
  return summarise(all);
}

function summarise(all: readonly Judgement[]): SurvivalFigures {
  const of = (f: (j: Judgement) => boolean) => all.filter(f).length;
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const surviving = of((j) => j.fate === 'intact' || j.fate === 'edited');
  const byMethod: Record<string, number> = {};
  for (const j of all) byMethod[j.method ?? 'unanchored'] = (byMethod[j.method ?? 'unanchored'] ?? 0) + 1;
  return {
    notes: all.length,
    byFate: {
      intact: of((j) => j.fate === 'intact'),
      edited: of((j) => j.fate === 'edited'),
      'mostly-deleted': of((j) => j.fate === 'mostly-deleted'),
      deleted: of((j) => j.fate === 'deleted'),
    },
    rightRate: ratio(of((j) => (j.fate === 'intact' || j.fate === 'edited') && j.outcome === 'right'), surviving),
    survivingUnanchoredRate: ratio(of((j) => (j.fate === 'intact' || j.fate === 'edited') && j.outcome === 'unanchored'), surviving),
    survivingWrongRate: ratio(of((j) => (j.fate === 'intact' || j.fate === 'edited') && j.outcome === 'wrong'), surviving),
    wrongRate: ratio(of((j) => j.outcome === 'wrong'), all.length),
    deletedWrongRate: ratio(of((j) => j.fate === 'deleted' && j.outcome === 'wrong' && !j.verbatimCopy), of((j) => j.fate === 'deleted')),
    deletedOnVerbatimCopy: of((j) => j.fate === 'deleted' && j.verbatimCopy),
    deletedWrong: of((j) => j.fate === 'deleted' && j.outcome === 'wrong'),
    mostlyDeletedWrongRate: ratio(of((j) => j.fate === 'mostly-deleted' && j.outcome === 'wrong'), of((j) => j.fate === 'mostly-deleted')),
    byMethod,
  };
}
