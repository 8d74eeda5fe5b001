// An ordinary link (keyboard, middle click and "open in new tab" all work) that navigates inside the
// app without a reload on a plain click.
import type { ComponentChildren } from 'preact';
import { useApp } from '../app/context.ts';

export function Link({ href, children, class: className, current }: { href: string; children: ComponentChildren; class?: string; current?: boolean }) {
  const { navigate } = useApp();
  return (
    <a
      href={href}
      class={className}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

/** A path with a query built from pairs, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string>): string {
  const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
  return qs === '' ? path : `${path}?${qs}`;
}
