-- Gives a waiting conversation to one scout: exactly one of many concurrent claims wins.
-- KEYS[1] = {ho}:queue, KEYS[2] = {ho}:chat:<id>, KEYS[3] = {ho}:scout:<name>, KEYS[4] = {ho}:active
-- ARGV[1] = conversation id, ARGV[2] = scout, ARGV[3] = capacity, ARGV[4] = now (ms), ARGV[5] = ttl seconds
-- returns 'ok', 'mine', 'taken', 'gone' or 'full'
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  local scout = redis.call('HGET', KEYS[2], 'scout')
  if scout == ARGV[2] then return 'mine' end
  if scout then return 'taken' end
  return 'gone'
end
if redis.call('SCARD', KEYS[3]) >= tonumber(ARGV[3]) then return 'full' end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'scout', ARGV[2], 'claimedAt', ARGV[4])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[5])
redis.call('EXPIRE', KEYS[3], ARGV[5])
redis.call('EXPIRE', KEYS[4], ARGV[5])
return 'ok'
