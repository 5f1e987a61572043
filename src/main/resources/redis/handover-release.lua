-- Ends a scout's hold on a chat: closed (ARGV[3] = '') or back to the queue with score ARGV[3].
-- KEYS[1] = {ho}:chat:<id>, KEYS[2] = {ho}:scout:<name>, KEYS[3] = {ho}:active, KEYS[4] = {ho}:queue
-- ARGV[1] = conversation id, ARGV[2] = the scout who must still hold it, ARGV[3] = score or '', ARGV[4] = ttl
-- returns 1 when released, 0 when that scout does not hold it (any more)
if redis.call('HGET', KEYS[1], 'scout') ~= ARGV[2] then return 0 end
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
if ARGV[3] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('HDEL', KEYS[1], 'scout', 'claimedAt', 'told', 'pos', 'helpers')
  redis.call('HSET', KEYS[1], 'crisis', redis.call('HGET', KEYS[1], 'crisis') or '0')
  redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
  redis.call('EXPIRE', KEYS[1], ARGV[4])
  redis.call('EXPIRE', KEYS[4], ARGV[4])
end
return 1
