// Saving a file from the renderer: the same code in Electron and the browser build (an <a download>
// on a blob URL), for chart images, CSVs, packets, label files and review bundles.

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveJsonText(fileName: string, text: string): void {
  saveBlob(new Blob([text], { type: 'application/json' }), fileName);
}
