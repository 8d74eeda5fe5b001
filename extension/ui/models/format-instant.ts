// Times the extension shows a person (a note's time, the last sending), in the organisation's zone
// (the policy's) and the browser's language. The zone is required: left out, Intl would use the
// browser's, and a laptop set to another zone would show another day than the dashboard.
export function formatInstant(instant: string | number, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
}
