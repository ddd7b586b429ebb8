// The Lua scripts that make an append and an ack atomic in Redis, and the helper that runs them by SHA.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * KEYS: seen-marker, feed stream, then one inbox stream per device.
 * ARGV: ttl seconds, event, known, eventId, payload, receivedAt, device ids (comma-joined), origin,
 *       inbox max length, feed max length.
 * Returns 1 when stored, 0 for a duplicate eventId.
 */
export const APPEND_LUA = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
for i = 3, #KEYS do
  redis.call('XADD', KEYS[i], 'MAXLEN', '~', ARGV[9], '*',
    'e', ARGV[2], 'k', ARGV[3], 'i', ARGV[4], 'p', ARGV[5], 't', ARGV[6])
end
if #KEYS > 2 then
  redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[10], '*', 'd', ARGV[7], 'o', ARGV[8])
end
return 1
`;

/** KEYS: device hash. ARGV: cursor. Moves `acked` forward only, and only for an existing device. */
export const ACK_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local cur = redis.call('HGET', KEYS[1], 'acked') or '0-0'
local cms, cseq = parse(cur)
local nms, nseq = parse(ARGV[1])
if nms > cms or (nms == cms and nseq > cseq) then redis.call('HSET', KEYS[1], 'acked', ARGV[1]) end
return 1
`;

export class Script {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** EVALSHA, loading the script once when the server does not have it yet (or lost it on restart). */
  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
