import { describe, expect, it } from 'vitest';
import { parseFrame, readEventStream } from '../../src/host/event-frames';

describe('the bridge reading the host SSE over fetch', () => {
  it('parses event and data lines, skips comments, joins multi-line data', () => {
    expect(parseFrame('event: sync.progress\ndata: {"a":1}')).toEqual({
      event: 'sync.progress',
      data: '{"a":1}',
    });
    expect(parseFrame(': heartbeat')).toBeNull();
    expect(parseFrame('data: one\ndata: two')).toEqual({ event: 'message', data: 'one\ntwo' });
  });

  it('delivers frames split across chunks, in order', async () => {
    const chunks = [': connected\n\nid: 1\nevent: a\nda', 'ta: {"n":1}\n\n', 'event: b\r\ndata: 2\r\n\r\n'];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
        controller.close();
      },
    });
    const got: [string, string][] = [];
    await readEventStream(body, (event, data) => got.push([event, data]));
    expect(got).toEqual([
      ['a', '{"n":1}'],
      ['b', '2'],
    ]);
  });
});
