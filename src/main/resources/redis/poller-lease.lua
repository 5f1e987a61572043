-- Holds or takes the lease of the one instance that polls a platform, in one round trip.
-- KEYS[1] = the lease; ARGV[1] = this instance, ARGV[2] = lease milliseconds
-- returns 1 when this instance holds the lease now, else 0
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
