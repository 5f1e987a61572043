-- Moves a chat from the scout who has it to another one, if the other has room.
-- KEYS[1] = {ho}:chat:<id>, KEYS[2] = {ho}:scout:<from>, KEYS[3] = {ho}:scout:<to>
-- ARGV[1] = conversation id, ARGV[2] = from, ARGV[3] = to, ARGV[4] = capacity of the receiver, ARGV[5] = ttl
-- returns 'ok', 'gone' (nobody has it), 'taken' (someone else has it) or 'full'
local scout = redis.call('HGET', KEYS[1], 'scout')
if not scout then return 'gone' end
if scout ~= ARGV[2] then return 'taken' end
if ARGV[2] == ARGV[3] then return 'ok' end
if redis.call('SCARD', KEYS[3]) >= tonumber(ARGV[4]) then return 'full' end
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('HSET', KEYS[1], 'scout', ARGV[3])
redis.call('EXPIRE', KEYS[3], ARGV[5])
return 'ok'
