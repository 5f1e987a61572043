-- Offers a waiting chat to one scout: at most one live offer per chat and per scout, never to a scout without room,
-- never twice to one scout in a round (a new round starts when every free scout has had it).
-- The deadline is taken from the Redis clock, the one clock every instance shares. The offer is live up to and
-- including its last millisecond, and the scout's key expires at that same instant (PXAT), so a lapsed offer never
-- outlives its deadline by a millisecond.
-- KEYS[1] = ho:queue, KEYS[2] = ho:chat:<id>, KEYS[3] = ho:offer:<scout>, KEYS[4] = ho:scout:<scout>
-- ARGV[1] = conversation id, ARGV[2] = scout, ARGV[3] = capacity, ARGV[4] = offer milliseconds, ARGV[5] = ttl seconds,
-- ARGV[6] = '1' to start a new round
-- returns 'ok', 'gone' (not waiting), 'busy' (its offer is live), 'offered' (the scout has one), 'full' or 'tried'
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 'gone' end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
if tonumber(redis.call('HGET', KEYS[2], 'offerUntil') or '-1') >= now then return 'busy' end
if redis.call('EXISTS', KEYS[3]) == 1 then return 'offered' end
if redis.call('SCARD', KEYS[4]) >= tonumber(ARGV[3]) then return 'full' end
local tried = ''
if ARGV[6] ~= '1' then tried = redis.call('HGET', KEYS[2], 'tried') or '' end
if string.find(' ' .. tried .. ' ', ' ' .. ARGV[2] .. ' ', 1, true) then return 'tried' end
if tried == '' then tried = ARGV[2] else tried = tried .. ' ' .. ARGV[2] end
local deadline = now + tonumber(ARGV[4])
redis.call('HSET', KEYS[2], 'offer', ARGV[2], 'offerUntil', tostring(deadline), 'tried', tried)
redis.call('EXPIRE', KEYS[2], ARGV[5])
redis.call('SET', KEYS[3], ARGV[1], 'PXAT', tostring(deadline))
return 'ok'
