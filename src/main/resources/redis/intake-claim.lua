-- Takes over the tokens that have been idle for too long (their worker's instance died, or lost Redis in the middle),
-- creating the group first when the stream has none (it is new, or Redis came back without it). Without a stream
-- (nothing arrived yet) nothing is created.
-- KEYS[1] = {intake:<channel>}:stream
-- ARGV[1] = the group, ARGV[2] = this worker (consumer), ARGV[3] = minimum idle milliseconds, ARGV[4] = how many
-- returns {} without a stream, else {1, id, chat, id, chat, ...}
if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], ARGV[1], '0')
local out = {1}
local cursor = '0-0'
-- XAUTOCLAIM looks at COUNT pending entries per call: a few calls reach idle ones behind busy ones
for _ = 1, 8 do
  local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], cursor, 'COUNT', ARGV[4])
  for _, entry in ipairs(claimed[2]) do
    local fields = entry[2]
    if fields then
      for i = 1, #fields, 2 do
        if fields[i] == 'c' then
          out[#out + 1] = entry[1]
          out[#out + 1] = fields[i + 1]
        end
      end
    end
  end
  cursor = claimed[1]
  if cursor == '0-0' or #out > 2 * tonumber(ARGV[4]) then break end
end
return out
