// Reads a Server-Sent Events body (`event:` and `data:` lines, frames split by a blank line) from a fetch stream.

export type FrameHandler = (event: string, data: string) => void;

/** Calls `onFrame` for every frame with data, until the stream ends; comments (`: …`) are skipped. */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onFrame: FrameHandler,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = parseFrame(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (frame) onFrame(frame.event, frame.data);
    }
  }
}

export function parseFrame(text: string): { event: string; data: string } | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, data: data.join('\n') } : null;
}
