-- Decides whether a waiting user is told their new position now: only when it changed and the last notice is at
-- least ARGV[3] ms old. KEYS[1] = {ho}:chat:<id>; ARGV[1] = position, ARGV[2] = now (ms), ARGV[3] = interval (ms)
-- returns 1 when the caller must tell (and records it), else 0
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HGET', KEYS[1], 'scout') then return 0 end
local pos = redis.call('HGET', KEYS[1], 'pos')
local told = tonumber(redis.call('HGET', KEYS[1], 'told') or '0')
if pos == ARGV[1] or tonumber(ARGV[2]) - told < tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], 'pos', ARGV[1], 'told', ARGV[2])
return 1
