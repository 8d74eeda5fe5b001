// Under a form: the failure in words, or a short "saved" line, announced to screen readers.
import { useI18n } from '../../app/context.ts';
import { ErrorState } from '../States.tsx';

export function FormStatus({ failure, done }: { failure: unknown; done: boolean }) {
  const { t } = useI18n();
  if (failure !== null) return <ErrorState error={failure} />;
  return (
    <p class="form-done" role="status">
      {done ? t('admin.saved') : ''}
    </p>
  );
}
