// Okabe–Ito colours (distinguishable with every common colour-vision deficiency), each paired with a
// fill pattern so the series stay apart in greyscale print too.
import type { Category } from '../../../shared/schemas/domain.ts';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export type PatternShape = 'solid' | 'diagonal' | 'dots' | 'cross';

export const CATEGORY_STYLE: Record<Category, { colour: string; pattern: PatternShape }> = {
  'political-theory': { colour: OKABE_ITO.vermillion, pattern: 'solid' },
  'cppcc-theory': { colour: OKABE_ITO.blue, pattern: 'diagonal' },
  professional: { colour: OKABE_ITO.bluishGreen, pattern: 'dots' },
  other: { colour: OKABE_ITO.orange, pattern: 'cross' },
};

export const TREND_STYLE = { credited: OKABE_ITO.blue, raw: OKABE_ITO.skyBlue, target: OKABE_ITO.black } as const;
