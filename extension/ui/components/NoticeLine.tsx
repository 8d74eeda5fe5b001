// One informational line, such as "records were kept for this account".
import type { Notice } from '../models/options-model.ts';
import { t } from '../../i18n/t.ts';

export function NoticeLine({ notice }: { readonly notice: Notice }) {
  return (
    <p class="notice" role="status">
      {t(notice.key, ...(notice.substitutions ?? []))}
    </p>
  );
}
