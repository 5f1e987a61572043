-- Writes one session definition (or deletes it) unless another save came in between, in one round trip; every write
-- moves the version on. It replaces WATCH/MULTI, which Redis Cluster clients do not offer.
-- KEYS[1] = {schedule}:sessions (hash: id to JSON), KEYS[2] = {schedule}:sessions:version
-- ARGV[1] = the version the caller checked against ('*': any, for a delete), ARGV[2] = the session id,
-- ARGV[3] = its JSON, or '' to delete it
-- returns 1 when written (or deleted), 0 when the version moved (check again), -1 when there was nothing to delete
local version = redis.call('GET', KEYS[2]) or '0'
if ARGV[1] ~= '*' and ARGV[1] ~= version then return 0 end
if ARGV[3] == '' then
  if redis.call('HDEL', KEYS[1], ARGV[2]) == 0 then return -1 end
else
  redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
end
redis.call('INCR', KEYS[2])
return 1
