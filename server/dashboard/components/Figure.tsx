// One headline number with its label, optionally a link to the records behind it.
import type { ComponentChildren } from 'preact';
import { Link } from './Link.tsx';

export function Figure({ label, value, sub, href, testId }: { label: string; value: string; sub?: ComponentChildren; href?: string; testId?: string }) {
  const body = (
    <>
      <span class="figure-label">{label}</span>
      <span class="figure-value" data-testid={testId}>
        {value}
      </span>
      {sub !== undefined && <span class="figure-sub">{sub}</span>}
    </>
  );
  return <div class="figure">{href === undefined ? body : <Link href={href} class="figure-link">{body}</Link>}</div>;
}
