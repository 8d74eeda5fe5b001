// A person's notes in the range, newest first, each with the review it received.
import { useApp } from '../../app/context.ts';
import type { DateRange } from '../../../../shared/time/periods.ts';
import { usePersonNotes } from '../../models/person-page.ts';
import { NoteCard } from '../notes/NoteCard.tsx';
import { Empty, Loaded } from '../States.tsx';

export function PersonNotes({ personId, range }: { personId: string; range: DateRange }) {
  const { api, t } = useApp();
  const notes = usePersonNotes(api, personId, range);
  return (
    <section class="panel" id="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notes.title')}</h2>
      <Loaded load={notes}>
        {(list) =>
          list.length === 0 ? (
            <Empty title={t('notes.none')} hint={t('notes.noneHint')} />
          ) : (
            <div class="notes-list">
              {list.map((n) => (
                <NoteCard key={n.note.id} stored={n} />
              ))}
            </div>
          )
        }
      </Loaded>
    </section>
  );
}
