// Canvas fill patterns drawn over a colour: stripes, dots or a cross-hatch, in black at low opacity,
// which survive greyscale printing where the colours alone would merge.
import type { PatternShape } from './palette.ts';

const SIZE = 10;

export function patternFill(colour: string, shape: PatternShape, document_: Document = document): CanvasPattern | string {
  if (shape === 'solid') return colour;
  const canvas = document_.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return colour;
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, SIZE, SIZE);
  ctx.strokeStyle = 'rgba(0,0,0,0.55)';
  ctx.fillStyle = 'rgba(0,0,0,0.55)';
  ctx.lineWidth = 1.5;
  if (shape === 'dots') {
    ctx.beginPath();
    ctx.arc(SIZE / 2, SIZE / 2, 1.8, 0, Math.PI * 2);
    ctx.fill();
  } else {
    ctx.beginPath();
    ctx.moveTo(0, SIZE);
    ctx.lineTo(SIZE, 0);
    if (shape === 'cross') {
      ctx.moveTo(0, 0);
      ctx.lineTo(SIZE, SIZE);
    }
    ctx.stroke();
  }
  return ctx.createPattern(canvas, 'repeat') ?? colour;
}
