// The background's handlers for the note requests (joined into messaging/background-handlers.ts).
import type { HandlersOf } from '../../rpc/handler-map.ts';
import { sessionItem } from '../../storage/items.ts';
import { ownerOf } from '../../storage/owner.ts';
import { requestPull } from './note-sync.ts';
import {
  listNotes,
  notesForPage,
  removeNote,
  saveClip,
  undoRemoveNote,
  updateNote,
  writeReadingNote,
  type NoteServiceDeps,
} from './note-service.ts';
import type { NotesProtocol } from './notes-protocol.ts';

export function noteHandlers(deps: NoteServiceDeps & { readonly forceFlush: () => Promise<unknown> }): HandlersOf<NotesProtocol> {
  return {
    listNotes: () => listNotes(),
    notesForPage: ({ url }) => notesForPage(url),
    clipNote: ({ type: _type, ...input }) => saveClip(deps, input),
    writeNote: ({ type: _type, ...input }) => writeReadingNote(deps, input),
    updateNote: ({ id, comment, tags, colour, title, quote, mustRead }) => updateNote(deps, id, { comment, tags, colour, title, quote, mustRead }),
    deleteNote: ({ id }) => removeNote(deps, id),
    restoreNote: ({ id }) => undoRemoveNote(deps, id),
    refreshNotes: async () => {
      const session = await sessionItem.getValue();
      if (session !== null) {
        await requestPull(ownerOf(session.server, session.user.id));
        void deps.forceFlush();
      }
      return null;
    },
  };
}
