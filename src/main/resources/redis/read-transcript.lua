-- Reads the transcript lines numbered above ARGV[1] (at most the last ARGV[2] of them) and the number of the last
-- line, atomically: a line saved meanwhile is either in the answer or numbered above its 'last'.
-- KEYS[1] = conv:{<tag>}:<id>, KEYS[2] = conv:{<tag>}:<id>:log; ARGV[1] = after (0: from the first line), ARGV[2] = max
-- returns {last, 1 when every line above 'after' is returned else 0, line, line, ...} (oldest first)
local len = redis.call('LLEN', KEYS[2])
-- a conversation stored before lines were numbered counts the lines it still has
local last = tonumber(redis.call('HGET', KEYS[1], 'n') or len)
local after = tonumber(ARGV[1])
if after < 0 then after = 0 end
local wanted = last - after
if wanted < 0 then return {last, 0} end
local have = math.min(wanted, len, tonumber(ARGV[2]))
local out = {last, (have == wanted) and 1 or 0}
if have > 0 then
  local lines = redis.call('LRANGE', KEYS[2], -have, -1)
  for i = 1, #lines do out[#out + 1] = lines[i] end
end
return out
