"""The Lua scripts that change a round's membership, a host slot, and a backfill job atomically in Redis."""

# A round's keys are deleted when it ends; its workers, requests and filter, and its copy of the state.
END_ROUND = """
local function end_round(rid, base)
  for _, name in ipairs({'requests', 'dupefilter', 'workers', 'busy', 'state', 'profiles', 'patterns',
                         'started'}) do
    redis.call('del', base .. name)
  end
  for _, site in ipairs(redis.call('smembers', KEYS[4])) do
    redis.call('del', base .. 'pending:' .. site)
  end
  if redis.call('get', KEYS[1]) == rid then redis.call('del', KEYS[1]) end
  redis.call('rpush', KEYS[5], cjson.encode({type = 'end', round = rid}))
end
"""

# KEYS: round, ready, state, pending-sites, items. ARGV: new id, worker, now, ttl, round prefix,
# started (ISO), pending prefix. Returns {round id, 1 if created} or {'', 0} without published state.
JOIN = END_ROUND + """
local now, ttl = tonumber(ARGV[3]), tonumber(ARGV[4])
local rid = redis.call('get', KEYS[1])
if rid then
  local base = ARGV[5] .. rid .. ':'
  redis.call('zremrangebyscore', base .. 'workers', '-inf', now - ttl)
  if redis.call('zcard', base .. 'workers') == 0 and redis.call('llen', base .. 'requests') == 0 then
    end_round(rid, base)  -- its workers are gone and nothing is queued: it is over
    rid = false
  end
end
local created = 0
if not rid then
  if redis.call('exists', KEYS[2]) == 0 then return {'', 0} end
  rid, created = ARGV[1], 1
  local base = ARGV[5] .. rid .. ':'
  redis.call('set', KEYS[1], rid)
  redis.call('set', base .. 'started', ARGV[6])
  if redis.call('exists', KEYS[3]) == 1 then redis.call('copy', KEYS[3], base .. 'state') end
  for _, site in ipairs(redis.call('smembers', KEYS[4])) do
    if redis.call('exists', ARGV[7] .. site) == 1 then
      redis.call('copy', ARGV[7] .. site, base .. 'pending:' .. site)
    end
  end
end
redis.call('zadd', ARGV[5] .. rid .. ':workers', now, ARGV[2])
return {rid, created}
"""

# KEYS: round, ready, state, pending-sites, items. ARGV: round id, worker, now, ttl, round prefix,
# report message, 1 to leave only when nothing is left to do (0: leave now, the worker stops).
# Returns -1 (stay: requests queued or another worker busy), 0 (left), 1 (left and ended the round).
LEAVE = END_ROUND + """
local rid, now, ttl = ARGV[1], tonumber(ARGV[3]), tonumber(ARGV[4])
local base = ARGV[5] .. rid .. ':'
if ARGV[7] == '1' then
  if redis.call('llen', base .. 'requests') > 0 then return -1 end
  redis.call('zremrangebyscore', base .. 'workers', '-inf', now - ttl)
  for _, other in ipairs(redis.call('zrange', base .. 'workers', 0, -1)) do
    if other ~= ARGV[2] and redis.call('hget', base .. 'busy', other) == '1' then return -1 end
  end
end
redis.call('zrem', base .. 'workers', ARGV[2])
redis.call('hdel', base .. 'busy', ARGV[2])
redis.call('rpush', KEYS[5], ARGV[6])
if ARGV[7] == '1' and redis.call('zcard', base .. 'workers') == 0 then
  end_round(rid, base)
  return 1
end
return 0
"""

# KEYS: the host slot. ARGV: token, pause (ms). Reopen the slot after ``pause`` if we still hold it.
RELEASE = """
if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
if tonumber(ARGV[2]) > 0 then redis.call('set', KEYS[1], 'pause', 'PX', ARGV[2])
else redis.call('del', KEYS[1]) end
return 1
"""

# KEYS: the jobs registry. ARGV: spec key, new job id, spec (JSON), started (ISO), job key prefix.
# Returns the id of the running job of that spec, registering a new one when there is none.
JOIN_JOB = """
local jid = redis.call('hget', KEYS[1], ARGV[1])
if not jid then
  jid = ARGV[2]
  redis.call('hset', KEYS[1], ARGV[1], jid)
  redis.call('hset', ARGV[5] .. jid .. ':state', 'spec', ARGV[3], 'started', ARGV[4])
end
return jid
"""

# KEYS: the job's listed windows, its window claims, the index's listed windows. ARGV: window, worker,
# the window's member in the index's set, worker key prefix. Returns 'done' (listed already), 'taken'
# (a live worker is listing it) or 'mine' (claimed; a claim of a worker that died passes on).
CLAIM_WINDOW = """
if redis.call('sismember', KEYS[1], ARGV[1]) == 1 then return 'done' end
if redis.call('sismember', KEYS[3], ARGV[3]) == 1 then
  redis.call('sadd', KEYS[1], ARGV[1])
  return 'done'
end
local holder = redis.call('hget', KEYS[2], ARGV[1])
if holder and holder ~= ARGV[2] and redis.call('exists', ARGV[4] .. holder) == 1 then return 'taken' end
redis.call('hset', KEYS[2], ARGV[1], ARGV[2])
return 'mine'
"""

# KEYS: the job's state, queue, leases (capture -> worker). ARGV: worker, worker key prefix.
# Captures leased by workers that died go back to the head of the queue first. Returns {'capture',
# the capture (now leased to the worker)}, {'choosing'} (the index worker has not queued the
# captures yet), {'wait'} (live workers hold the rest) or {'done'}.
CLAIM_CAPTURE = """
if redis.call('hexists', KEYS[1], 'ended') == 1 then return {'done'} end
if redis.call('hexists', KEYS[1], 'chosen') == 0 then return {'choosing'} end
local leases = redis.call('hgetall', KEYS[3])
for i = 1, #leases, 2 do
  if redis.call('exists', ARGV[2] .. leases[i + 1]) == 0 then
    redis.call('hdel', KEYS[3], leases[i])
    redis.call('lpush', KEYS[2], leases[i])
  end
end
local capture = redis.call('lpop', KEYS[2])
if capture then
  redis.call('hset', KEYS[3], capture, ARGV[1])
  return {'capture', capture}
end
if redis.call('hlen', KEYS[3]) > 0 then return {'wait'} end
return {'done'}
"""

# KEYS: the job's queue, leases. ARGV: capture, worker. Back to the head of the queue, if still leased to the worker.
GIVE_BACK = """
if redis.call('hget', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('hdel', KEYS[2], ARGV[1])
redis.call('lpush', KEYS[1], ARGV[1])
return 1
"""

# KEYS: the jobs registry, the job's state, then its keys to delete. ARGV: spec key, job id, ended
# (ISO), seconds to keep the state. The job is over: a later run of the same spec starts a new one.
END_JOB = """
redis.call('hset', KEYS[2], 'ended', ARGV[3])
redis.call('expire', KEYS[2], tonumber(ARGV[4]))
for i = 3, #KEYS do redis.call('del', KEYS[i]) end
if redis.call('hget', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('hdel', KEYS[1], ARGV[1]) end
return 1
"""
