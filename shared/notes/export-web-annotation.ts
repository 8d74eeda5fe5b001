// The person's notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): an
// AnnotationCollection with one page of items; a clipped note targets its page with its selectors, a
// reading note has no target but its text.
import type { ExportableNote } from './exportable-note.ts';
import { COLOUR_VALUES } from './note-colours.ts';

type Json = Record<string, unknown>;

export function noteToAnnotation(local: ExportableNote): Json {
  const { note, review, authorName } = local;
  const body: Json[] = [];
  if (note.comment !== '') body.push({ type: 'TextualBody', value: note.comment, format: 'text/plain', purpose: 'commenting' });
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  if (review !== null) {
    body.push({ type: 'TextualBody', value: review.comment, purpose: 'assessing', creator: { type: 'Person', name: review.reviewerName }, created: review.reviewedAt });
  }
  const annotation: Json = {
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    motivation: note.url === null ? 'commenting' : 'highlighting',
    ...(authorName !== undefined ? { creator: { type: 'Person', name: authorName } } : {}),
    created: note.createdAt,
    modified: note.updatedAt,
    body,
    stylesheet: { type: 'CssStylesheet', value: `.${note.colour} { background-color: ${COLOUR_VALUES[note.colour]}; }` },
  };
  if (note.url !== null) {
    annotation.target = {
      source: note.url,
      ...(note.canonicalUrl !== null && note.canonicalUrl !== note.url ? { scope: note.canonicalUrl } : {}),
      ...(note.title !== '' ? { title: note.title } : {}),
      // W3C selectors only: the look-alikes StudyTrail records beside a quote are its own, for anchoring.
      selector: note.selectors.map((s) => (s.type === 'TextQuoteSelector' ? { type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix } : { ...s })),
      styleClass: note.colour,
    };
  } else {
    annotation.target = { type: 'Text', title: note.title, ...(note.quote !== '' ? { value: note.quote } : {}) };
  }
  return annotation;
}

export function notesToWebAnnotations(notes: readonly ExportableNote[], label: string, exportedAt: string): Json {
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', 'http://www.w3.org/ns/ldp.jsonld'],
    type: 'AnnotationCollection',
    label,
    total: notes.length,
    generated: exportedAt,
    first: { type: 'AnnotationPage', startIndex: 0, items: notes.map(noteToAnnotation) },
  };
}
