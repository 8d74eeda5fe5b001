// A device named the way its owner recognises it ("Chrome 156 · Linux"), read from the user agent the
// extension signed in with (stored as the device's label). Anything unrecognised keeps its label.

const BROWSERS: readonly (readonly [name: string, pattern: RegExp])[] = [
  // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\bOPR\/(\d+)/],
  ['Firefox', /\bFirefox\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: readonly (readonly [name: string, pattern: RegExp])[] = [
  ['Android', /\bAndroid\b/],
  ['iOS', /\b(?:iPhone|iPad|iPod)\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMac OS X\b|\bMacintosh\b/],
  ['Linux', /\bLinux\b|\bX11\b/],
];

/** "Chrome 156 · Linux", "Firefox 140 · Windows"; the label itself when it is no browser's user agent. */
export function deviceName(label: string): string {
  const browser = BROWSERS.find(([, pattern]) => pattern.test(label));
  const system = SYSTEMS.find(([, pattern]) => pattern.test(label));
  if (browser === undefined) return label;
  const version = browser[1].exec(label)![1]!;
  return system === undefined ? `${browser[0]} ${version}` : `${browser[0]} ${version} · ${system[0]}`;
}
