-- Loads a person's conversation in one round trip.
-- KEYS[1] = <prefix>key:{<tag>}:<pseudonym>
-- ARGV[1] = what the conversation keys of that tag start with (<prefix>conv:{<tag>}:), ARGV[2] = channel message id
-- or ''. The conversation's keys carry the pseudonym's tag (its id starts with it): one slot with KEYS[1].
-- returns {} when there is none, else {conversation id, 1 if the message was already handled else 0, {hash fields}}
local id = redis.call('GET', KEYS[1])
if not id then return {} end
local conv = ARGV[1] .. id
local fields = redis.call('HGETALL', conv)
if #fields == 0 then return {} end
-- a conversation stored before lines were numbered counts the lines it still has (as the save does)
-- (looked for among the fields already read: one command fewer than HEXISTS)
local numbered = false
for i = 1, #fields, 2 do
  if fields[i] == 'n' then
    numbered = true
    break
  end
end
if not numbered then
  fields[#fields + 1] = 'n'
  fields[#fields + 1] = tostring(redis.call('LLEN', conv .. ':log'))
end
local seen = 0
if ARGV[2] ~= '' then seen = redis.call('SISMEMBER', conv .. ':seen', ARGV[2]) end
return {id, seen, fields}
