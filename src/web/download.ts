/** Hands bytes made on the page to the browser as a download; nothing is sent anywhere. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function downloadBytes(bytes: ArrayBuffer | Uint8Array, fileName: string, type = XLSX_TYPE): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own copy once started; free ours a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
