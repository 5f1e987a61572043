-- A scout declines the chat offered to them, or the offer is withdrawn (the chat went elsewhere): the chat is free to
-- be offered to the next scout at once. A scout who declined gets no other offer until their offer would have run out.
-- KEYS[1] = ho:chat:<id>, KEYS[2] = ho:offer:<scout>
-- ARGV[1] = conversation id, ARGV[2] = scout, ARGV[3] = '1' to keep the scout's pause (a decline), '' to clear it
-- returns 1 when the scout had this offer, else 0
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
if redis.call('HGET', KEYS[1], 'offer') == ARGV[2] then redis.call('HDEL', KEYS[1], 'offer', 'offerUntil') end
if ARGV[3] == '1' then redis.call('SET', KEYS[2], '-', 'KEEPTTL') else redis.call('DEL', KEYS[2]) end
return 1
