-- Saves a conversation if nobody saved a newer version, appends its transcript, marks the message as handled and
-- refreshes every expiry, in one round trip. The hash's field 'n' counts every transcript line ever appended (the
-- sequence number of the last one; trimming the list does not lower it): the widget and the console resume from it.
-- KEYS[1] = conv:{<tag>}:<id>, KEYS[2] = conv:{<tag>}:<id>:log, KEYS[3] = conv:{<tag>}:<id>:seen,
-- KEYS[4] = key:{<tag>}:<pseudonym> (one tag, one slot: the id starts with the pseudonym's tag)
-- ARGV[1] = expected version ('0' for a new conversation), ARGV[2] = ttl in seconds, ARGV[3] = message id or '',
-- ARGV[4] = conversation id, ARGV[5] = what the conversation keys of the tag start with (<prefix>conv:{<tag>}:), ARGV[6] = transcript limit, ARGV[7] = n (number of field args),
-- ARGV[8 .. 7+n] = field, value, ..., ARGV[8+n ..] = transcript entries
-- returns the new version, -1 on a version conflict, -2 when the message was already handled
-- the version and the line count in one command (each false when absent)
local stored = redis.call('HMGET', KEYS[1], 'v', 'n')
local current = stored[1]
if ARGV[1] == '0' then
  if current then return -1 end
  local mapped = redis.call('GET', KEYS[4])
  if mapped and mapped ~= ARGV[4] and redis.call('EXISTS', ARGV[5] .. mapped) == 1 then return -1 end
elseif current ~= ARGV[1] then
  return -1
end
if ARGV[3] ~= '' and redis.call('SADD', KEYS[3], ARGV[3]) == 0 then return -2 end
local n = tonumber(ARGV[7])
local version = tonumber(ARGV[1]) + 1
local ttl = tonumber(ARGV[2])
-- a conversation stored before lines were numbered counts the lines it still has
local lines = tonumber(stored[2] or redis.call('LLEN', KEYS[2]))
if #ARGV > 7 + n then
  local entries = {}
  for i = 8 + n, #ARGV do entries[#entries + 1] = ARGV[i] end
  redis.call('RPUSH', KEYS[2], unpack(entries))
  -- the list never holds more lines than were ever appended: under the limit there is nothing to trim
  local limit = tonumber(ARGV[6])
  if lines + #entries > limit then redis.call('LTRIM', KEYS[2], -limit, -1) end
  lines = lines + #entries
end
local fields = {}
for i = 8, 7 + n do fields[#fields + 1] = ARGV[i] end
-- the version and the count last: the script's own win over any field of the same name
fields[#fields + 1] = 'v'
fields[#fields + 1] = tostring(version)
fields[#fields + 1] = 'n'
fields[#fields + 1] = tostring(lines)
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('EXPIRE', KEYS[2], ttl)
redis.call('EXPIRE', KEYS[3], ttl)
redis.call('SET', KEYS[4], ARGV[4], 'EX', ttl)
return version
