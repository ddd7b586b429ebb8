// The sandbox's notion of "now": real time plus an offset the admin route can push forward.
export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export function createClock(base: () => number = Date.now): Clock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
