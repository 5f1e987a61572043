package org.scoutline.dialogue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.StateMachinePersist;
import org.springframework.statemachine.support.DefaultExtendedState;
import org.springframework.statemachine.support.DefaultStateMachineContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Redis store of the library's persist recipe: a machine's context (its state and its
 * extended state) as one JSON string per conversation under the test's key prefix,
 * expiring like everything else about a person. Written for the benchmark because
 * spring-statemachine-data-redis 4.0.2 does not exist and its Kryo persister of 4.0.0 has
 * a known deserialization flaw.
 */
final class RedisContextPersist implements StateMachinePersist<String, String, String> {

	private final StringRedisTemplate redis;

	private final ObjectMapper json;

	private final String prefix;

	private final Duration ttl;

	RedisContextPersist(StringRedisTemplate redis, ObjectMapper json, String prefix, Duration ttl) {
		this.redis = redis;
		this.json = json;
		this.prefix = prefix;
		this.ttl = ttl;
	}

	@Override
	public void write(StateMachineContext<String, String> context, String key) throws JsonProcessingException {
		Map<String, Object> stored = new HashMap<>();
		stored.put("state", context.getState());
		Map<String, Object> variables = new HashMap<>();
		context.getExtendedState().getVariables().forEach((name, value) -> variables.put((String) name, value));
		stored.put("vars", variables);
		redis.opsForValue().set(prefix + key, json.writeValueAsString(stored), ttl);
	}

	@Override
	@SuppressWarnings("unchecked")
	public StateMachineContext<String, String> read(String key) throws JsonProcessingException {
		String stored = redis.opsForValue().get(prefix + key);
		if (stored == null) {
			return null;
		}
		Map<String, Object> read = json.readValue(stored, Map.class);
		Map<Object, Object> variables = new HashMap<>((Map<String, Object>) read.get("vars"));
		return new DefaultStateMachineContext<>((String) read.get("state"), null, null,
				new DefaultExtendedState(variables));
	}

}
