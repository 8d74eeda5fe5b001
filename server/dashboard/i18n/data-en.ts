// The English strings for handling people's data: erasing a person, exporting notes, xAPI.
import type { dataZhCN } from './data-zh-CN.ts';

export const dataEn: Record<keyof typeof dataZhCN, string> = {
  'erase.open': "Delete this person's data",
  'erase.title': 'Delete all data of {name}',
  'erase.warning': "This permanently deletes the person's account and all their study records, notes, signed-in devices and programme records. It cannot be undone.",
  'erase.reason': 'Reason (kept in the audit log)',
  'erase.reasonRequired': 'Please give a reason.',
  'erase.reasonTooLong': 'The reason can be at most 500 characters.',
  'erase.continue': 'Continue',
  'erase.confirmPrompt': 'Type the username {username} to confirm. Reason: {reason}',
  'erase.confirmLabel': 'Username',
  'erase.confirm': 'Delete permanently',
  'erase.back': 'Back',
  'erase.done': 'Deleted: {segments} study records, {notes} notes, {tokens} sign-ins.',
  'notesExport.group': 'Download the filtered notes',
  'notesExport.annotations': 'Download W3C annotations (JSON-LD)',
  'notesExport.markdown': 'Download Markdown',
  'notesExport.fileBase': 'notes-review',
  'notesExport.heading': 'Study notes',
  'notesExport.readingNotes': 'Reading notes',
  'notesExport.review': 'Review',
  'notesExport.exportedAt': 'Exported at',
  'notesExport.author': 'Author',
  'unitXapi.download': "Download the unit's xAPI statements",
  'unitXapi.tooLong': 'The range is {days} days; the xAPI download covers at most {max} days. Choose a shorter range.',
};
