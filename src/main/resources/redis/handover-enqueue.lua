-- Puts a conversation in the queue (unless it is already waiting or with a scout) and returns its position. A chat
-- already waiting moves up when the new signal puts it in a more urgent band (imminent 0, crisis 1, ordinary 2).
-- KEYS[1] = {ho}:queue, KEYS[2] = {ho}:chat:<id>
-- ARGV[1] = conversation id, ARGV[2] = score, ARGV[3] = now (ms), ARGV[4] = crisis '1'/'0', ARGV[5] = ttl seconds,
-- ARGV[6] = the live session occurrence it joins ('' when unknown), ARGV[7] = band,
-- ARGV[8] = the crisis signal's kind ('' when none), ARGV[9] = its severity ('' when none)
-- returns { position (1-based, 0 when a scout already has the chat), 1 when it joined now else 0,
--   1 when the chat has a crisis flag now that it had not before else 0 }
if redis.call('HGET', KEYS[2], 'scout') then return { 0, 0, 0 } end
local joined = 0
local flagged = 0
local existing = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not existing then
  joined = 1
  if ARGV[4] == '1' then flagged = 1 end
  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
  redis.call('HSET', KEYS[2], 'queuedAt', ARGV[3], 'crisis', ARGV[4], 'band', ARGV[7])
  if ARGV[6] ~= '' then redis.call('HSET', KEYS[2], 'session', ARGV[6]) end
  if ARGV[8] ~= '' then redis.call('HSET', KEYS[2], 'kind', ARGV[8], 'severity', ARGV[9]) end
else
  local band = redis.call('HGET', KEYS[2], 'band')
  if not band then band = (redis.call('HGET', KEYS[2], 'crisis') == '1') and '1' or '2' end
  if tonumber(ARGV[7]) < tonumber(band) then
    if ARGV[4] == '1' and redis.call('HGET', KEYS[2], 'crisis') ~= '1' then flagged = 1 end
    redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
    redis.call('HSET', KEYS[2], 'crisis', ARGV[4], 'band', ARGV[7])
    if ARGV[8] ~= '' then redis.call('HSET', KEYS[2], 'kind', ARGV[8], 'severity', ARGV[9]) end
  end
end
redis.call('EXPIRE', KEYS[1], ARGV[5])
redis.call('EXPIRE', KEYS[2], ARGV[5])
local position = redis.call('ZRANK', KEYS[1], ARGV[1]) + 1
redis.call('HSET', KEYS[2], 'pos', tostring(position), 'told', ARGV[3])
return { position, joined, flagged }
