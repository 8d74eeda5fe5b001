// The real pointer, moved and clicked through the X server (XTest via xdotool) as a hand does: in small
// steps along a path, with real button presses. Page coordinates are mapped to the screen by measuring
// where a real move lands in the page (no guess about the browser's window frame).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const run = promisify(execFile);

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface RealPointer {
  /** Moves along the points (page coordinates), `stepMs` between samples. */
  path(points: readonly Point[], stepMs?: number): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
  click(): Promise<void>;
}

/** Points every `stepPx` or so along straight segments through the given corners. */
export function alongSegments(corners: readonly Point[], stepPx = 12): Point[] {
  const out: Point[] = [corners[0]!];
  for (let i = 1; i < corners.length; i++) {
    const a = corners[i - 1]!;
    const b = corners[i]!;
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / stepPx));
    for (let s = 1; s <= steps; s++) out.push({ x: a.x + ((b.x - a.x) * s) / steps, y: a.y + ((b.y - a.y) * s) / steps });
  }
  return out;
}

export async function realPointer(page: Page): Promise<RealPointer> {
  const xdotool = (args: string[]) => run('xdotool', args);
  // Where does a real move to a screen point land in the page?
  await page.evaluate(() => {
    addEventListener('mousemove', (e) => ((window as unknown as { __lastMove: Point }).__lastMove = { x: e.clientX, y: e.clientY }), { capture: true });
  });
  const probe = { x: 640, y: 420 };
  await xdotool(['mousemove', String(probe.x - 3), String(probe.y - 3), 'sleep', '0.05', 'mousemove', String(probe.x), String(probe.y)]);
  await page.waitForFunction(() => (window as unknown as { __lastMove?: Point }).__lastMove !== undefined);
  const landed = await page.evaluate(() => (window as unknown as { __lastMove: Point }).__lastMove);
  const dx = probe.x - landed.x;
  const dy = probe.y - landed.y;
  const screen = (p: Point) => [String(Math.round(p.x + dx)), String(Math.round(p.y + dy))];
  return {
    async path(points, stepMs = 15) {
      const args: string[] = [];
      for (const p of points) args.push('mousemove', ...screen(p), 'sleep', String(stepMs / 1000));
      await xdotool(args);
    },
    down: () => xdotool(['mousedown', '1']).then(() => undefined),
    up: () => xdotool(['mouseup', '1']).then(() => undefined),
    click: () => xdotool(['click', '1']).then(() => undefined),
  };
}
