-- One step of the worker that holds a chat's token: drops the item it has just finished from the head of the inbox,
-- then hands out the next one, or, when the inbox is empty, gives the token back (acknowledged and deleted), in one
-- round trip. Nothing happens for a worker that no longer holds the token (another instance claimed it).
-- KEYS[1] = {intake:<channel>}:inbox:<chat>, KEYS[2] = its :token, KEYS[3] = {intake:<channel>}:stream,
-- KEYS[4] = the inbox's :tries (one hash tag, one Cluster slot)
-- ARGV[1] = the group, ARGV[2] = this worker (consumer), ARGV[3] = the token (stream entry id),
-- ARGV[4] = the id of the item just finished or '', ARGV[5] = seconds an inbox lives
-- returns {'lost'}, {'done'} or {'next', item, attempts at it so far including this one}
-- without the stream or its group (Redis came back empty) the token is gone
local found, pending = pcall(redis.call, 'XPENDING', KEYS[3], ARGV[1], ARGV[3], ARGV[3], 1)
if not found or #pending == 0 or pending[1][2] ~= ARGV[2] then return {'lost'} end
if redis.call('GET', KEYS[2]) ~= ARGV[3] then
  -- a token the chat does not know (any more): nothing of the inbox is its business
  redis.call('XACK', KEYS[3], ARGV[1], ARGV[3])
  redis.call('XDEL', KEYS[3], ARGV[3])
  return {'lost'}
end
if ARGV[4] ~= '' then
  local head = redis.call('LINDEX', KEYS[1], 0)
  if head and string.sub(head, 1, #ARGV[4] + 1) == ARGV[4] .. '|' then
    redis.call('LPOP', KEYS[1])
    redis.call('DEL', KEYS[4])
  end
end
local head = redis.call('LINDEX', KEYS[1], 0)
if not head then
  redis.call('DEL', KEYS[2], KEYS[4])
  redis.call('XACK', KEYS[3], ARGV[1], ARGV[3])
  redis.call('XDEL', KEYS[3], ARGV[3])
  return {'done'}
end
-- still at work: the token's idle time starts again, so that nobody claims it while it is in use
redis.call('XCLAIM', KEYS[3], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
local attempts = redis.call('INCR', KEYS[4])
redis.call('EXPIRE', KEYS[4], ARGV[5])
return {'next', head, attempts}
