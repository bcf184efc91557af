-- One rate-limit decision, atomically, in one round trip: the gateway sends EVALSHA with this script's SHA-1.
-- KEYS[1]  the key's current window: hash {start = epoch s, count = admitted requests, window = s}
-- KEYS[2]  the key's custom limit, if any: hash {requests, window = s} (written by the ops command line)
-- ARGV[1]  default requests per window (RATE_LIMIT_REQUESTS)
-- ARGV[2]  default window in seconds (RATE_LIMIT_PERIOD)
-- Returns {admitted (1|0), limit, remaining, reset (epoch s), window (s), now (epoch s)}.
--
-- Time comes from Redis (TIME), never from a gateway: gateways with skewed clocks agree on every window.
-- Only admitted requests are counted. The window key expires when its window ends: the expiry is set when the window
-- starts and again whenever the window's length changes, so no key outlives its window and an admitted request in a
-- running window costs four commands here (TIME, two HMGET, HINCRBY). Reset = start + window for the whole window.
if redis.replicate_commands then
  redis.replicate_commands() -- Redis < 5: allow writes after TIME (the default, and a no-op, since 5.0)
end
local now = tonumber(redis.call('TIME')[1])
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local custom = redis.call('HMGET', KEYS[2], 'requests', 'window')
limit = tonumber(custom[1]) or limit
window = tonumber(custom[2]) or window
local state = redis.call('HMGET', KEYS[1], 'start', 'count', 'window')
local start = tonumber(state[1])
local count = tonumber(state[2]) or 0
if start == nil or now >= start + window then
  start = now
  count = 0
end
local reset = start + window
if count >= limit then
  return {0, limit, 0, reset, window, now}
end
if count == 0 then
  redis.call('HSET', KEYS[1], 'start', start, 'count', 1, 'window', window)
  redis.call('EXPIREAT', KEYS[1], reset)
else
  redis.call('HINCRBY', KEYS[1], 'count', 1)
  if tonumber(state[3]) ~= window then
    redis.call('HSET', KEYS[1], 'window', window)
    redis.call('EXPIREAT', KEYS[1], reset)
  end
end
return {1, limit, limit - count - 1, reset, window, now}
