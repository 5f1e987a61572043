-- Takes one arrival of a channel (a Telegram update, a WhatsApp message) durably, in one round trip, unless it came
-- before: the arrival goes to the end of its chat's inbox, and the chat gets a token in the channel's stream unless
-- it has one already (its workers are then on it). One token per chat at most is what keeps a chat's arrivals in
-- order and on one worker at a time.
-- KEYS[1] = {intake:<channel>}:seen:<arrival>, KEYS[2] = {intake:<channel>}:inbox:<chat>, KEYS[3] = its :token,
-- KEYS[4] = {intake:<channel>}:stream (one hash tag, one Cluster slot)
-- ARGV[1] = seconds an arrival id is remembered, ARGV[2] = the inbox item, ARGV[3] = seconds an inbox lives,
-- ARGV[4] = the chat (its pseudonym), ARGV[5] = the stream's approximate maximum length
-- returns 1 when taken, 0 for an arrival seen before
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[3])
local token = redis.call('GET', KEYS[3])
if token and #redis.call('XRANGE', KEYS[4], token, token) == 1 then
  redis.call('EXPIRE', KEYS[3], ARGV[3])
  return 1
end
-- no token, or one the stream lost (trimmed, or Redis came back without it): a new one
token = redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[5], '*', 'c', ARGV[4])
redis.call('SET', KEYS[3], token, 'EX', ARGV[3])
return 1
