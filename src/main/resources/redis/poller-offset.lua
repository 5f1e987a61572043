-- Moves the polling offset forward, only for the lease holder and never back.
-- KEYS[1] = the lease, KEYS[2] = the offset; ARGV[1] = this instance, ARGV[2] = the new offset
-- returns 1 when this instance still holds the lease, else 0
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if tonumber(ARGV[2]) > current then redis.call('SET', KEYS[2], ARGV[2]) end
return 1
