import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core';
import { CHANNELS, EVENT_NAMES, calls, events } from '../../../src/shared/contract';
import { tempDir } from '../../helpers/temp-dir';

describe('the IPC contract', () => {
  const dataDir = tempDir();
  let core: Core;
  beforeAll(async () => {
    core = await createCore({ dataDir, mode: 'demo', host: 'test', version: '0.0.0-test', pluggy: null });
  });
  afterAll(() => core.close());

  it('has a handler for every call and no handler without a call', () => {
    expect([...core.channels].sort()).toEqual([...CHANNELS].sort());
  });

  it('declares an input and an output schema for every call', () => {
    for (const channel of CHANNELS) {
      expect(typeof calls[channel].input.safeParse, channel).toBe('function');
      expect(typeof calls[channel].output.safeParse, channel).toBe('function');
    }
  });

  it('declares a payload schema for every event', () => {
    expect(EVENT_NAMES.length).toBeGreaterThan(0);
    for (const name of EVENT_NAMES) expect(typeof events[name].safeParse, name).toBe('function');
  });

  it('uses domain.verb names for every call and event', () => {
    for (const name of [...CHANNELS, ...EVENT_NAMES]) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });
});
