// Hands a file to the browser's download manager through a temporary object URL (no data: URL, which
// the page's CSP does not allow).
export function downloadFile(fileName: string, data: BlobPart, type: string, document_: Document = document): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document_.createElement('a');
  link.href = url;
  link.download = fileName;
  document_.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv;charset=utf-8';

/** A file name safe on every system, keeping Chinese letters. */
export function safeFileName(base: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not hold
  return base.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/^[.\s]+/, '').slice(0, 120) || 'studytrail';
}
