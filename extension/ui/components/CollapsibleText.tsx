// A comment that folds when long (collapse-text.ts decides), with a button to show all of it and fold it
// again. Used wherever the extension lists comments: the side panel and the hover card on the page.
import { useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { shouldCollapse } from '../models/collapse-text.ts';

export function CollapsibleText({ text, class: className }: { text: string; class: string }) {
  const [open, setOpen] = useState(false);
  const long = shouldCollapse(text);
  return (
    <div class={`collapsible ${className}`} data-collapsed={long && !open ? 'true' : undefined}>
      <p class={long && !open ? 'text clamped' : 'text'}>{text}</p>
      {long && (
        <button type="button" class="link more" name={open ? 'show-less' : 'show-more'} aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('showLess') : t('showMore')}
        </button>
      )}
    </div>
  );
}
