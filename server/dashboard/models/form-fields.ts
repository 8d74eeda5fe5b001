// What a submitted form holds: the dashboard's forms are plain HTML forms, read once on submit.
export interface FormFields {
  /** The field's value as typed ('' when the form has no such field). */
  text(name: string): string;
  /** The same without surrounding spaces: names, titles, dates. */
  trimmed(name: string): string;
  /** Whether a checkbox is ticked. */
  checked(name: string): boolean;
  /** Every value chosen in a multiple select. */
  all(name: string): string[];
}

export function fieldsFromData(data: FormData): FormFields {
  const text = (name: string) => String(data.get(name) ?? '');
  return {
    text,
    trimmed: (name) => text(name).trim(),
    checked: (name) => data.get(name) === 'on',
    all: (name) => data.getAll(name).map(String),
  };
}

export function formFields(form: EventTarget | null): FormFields {
  return fieldsFromData(new FormData(form as HTMLFormElement));
}
