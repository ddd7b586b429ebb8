// Offers what the core produced (CSV, OFX, JSON lines, an encrypted backup) as a file download, in the
// browser and in Electron; reads a chosen file back for a call that carries one.
function offerBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: the download starts asynchronously and needs the URL until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(file: { fileName: string; mimeType: string; content: string }): void {
  offerBlob(new Blob([file.content], { type: file.mimeType }), file.fileName);
}

/** Bytes the core sent as base64 (an encrypted backup). */
export function downloadBase64(file: { fileName: string; content: string }): void {
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  offerBlob(new Blob([bytes], { type: 'application/octet-stream' }), file.fileName);
}

/** A chosen file's bytes as base64. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a whole file's bytes as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
