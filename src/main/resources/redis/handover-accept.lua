-- A scout accepts the chat offered to them: a claim that holds only while the offer does. Against a claim by hand, an
-- expiry or a second accept exactly one wins, as the queue entry is taken in the same step.
-- KEYS[1] = ho:queue, KEYS[2] = ho:chat:<id>, KEYS[3] = ho:scout:<scout>, KEYS[4] = ho:active, KEYS[5] = ho:offer:<scout>
-- ARGV[1] = conversation id, ARGV[2] = scout, ARGV[3] = capacity, ARGV[4] = now (ms, the app's clock, as for claims),
-- ARGV[5] = ttl seconds
-- returns 'ok', 'mine', 'taken', 'gone', 'expired' or 'full'
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  local scout = redis.call('HGET', KEYS[2], 'scout')
  if scout == ARGV[2] then return 'mine' end
  if scout then return 'taken' end
  return 'gone'
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
if redis.call('HGET', KEYS[2], 'offer') ~= ARGV[2] or tonumber(redis.call('HGET', KEYS[2], 'offerUntil') or '-1') < now
then
  return 'expired'
end
if redis.call('SCARD', KEYS[3]) >= tonumber(ARGV[3]) then return 'full' end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], 'offer', 'offerUntil', 'tried')
redis.call('HSET', KEYS[2], 'scout', ARGV[2], 'claimedAt', ARGV[4])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[5])
redis.call('EXPIRE', KEYS[3], ARGV[5])
redis.call('EXPIRE', KEYS[4], ARGV[5])
if redis.call('GET', KEYS[5]) == ARGV[1] then redis.call('DEL', KEYS[5]) end
return 'ok'
