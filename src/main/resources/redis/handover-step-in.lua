-- A supervisor steps into a chat a scout holds, next to the scout (who keeps it).
-- KEYS[1] = ho:chat:<id>
-- ARGV[1] = the supervisor, ARGV[2] = ttl seconds
-- returns 'ok', 'joined' (stepped in before), 'mine' (the supervisor holds it) or 'gone' (nobody holds it)
local scout = redis.call('HGET', KEYS[1], 'scout')
if not scout then return 'gone' end
if scout == ARGV[1] then return 'mine' end
local helpers = redis.call('HGET', KEYS[1], 'helpers') or ''
if string.find(' ' .. helpers .. ' ', ' ' .. ARGV[1] .. ' ', 1, true) then return 'joined' end
if helpers == '' then helpers = ARGV[1] else helpers = helpers .. ' ' .. ARGV[1] end
redis.call('HSET', KEYS[1], 'helpers', helpers)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 'ok'
