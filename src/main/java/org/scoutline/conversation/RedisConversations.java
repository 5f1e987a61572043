package org.scoutline.conversation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scoutline.platform.ScoutlineSettings;
import org.scoutline.platform.ScriptCalls;
import org.scoutline.platform.Sealer;
import org.scoutline.platform.Secrets;
import org.scoutline.platform.LuaScripts;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Redis layout (all keys under {@code scoutline.key-prefix}, all expiring after
 * {@code scoutline.retention}; {@code <t>} is the conversation's slot tag, see
 * {@link ConversationKeys}):
 * <ul>
 * <li>{@code conv:{<t>}:<id>} hash: the conversation; facts and the reply address
 * encrypted; {@code n} counts the transcript lines ever appended</li>
 * <li>{@code conv:{<t>}:<id>:log} list: the transcript, append-only, each line encrypted,
 * the last {@code scoutline.conversation.transcript-limit} kept</li>
 * <li>{@code conv:{<t>}:<id>:seen} set: channel message ids already handled</li>
 * <li>{@code conv:{<t>}:<id>:notes} list: scouts' internal notes, each encrypted</li>
 * <li>{@code key:{<t>}:<pseudonym>} string: the person's current conversation id</li>
 * </ul>
 */
@Component
class RedisConversations implements Conversations {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> FIND = LuaScripts.of("redis/find-conversation.lua", List.class);

	private static final RedisScript<Long> SAVE = LuaScripts.of("redis/save-conversation.lua", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> READ = LuaScripts.of("redis/read-transcript.lua", List.class);

	private final StringRedisTemplate redis;

	private final ScriptCalls scripts;

	private final ObjectMapper json;

	private final Sealer sealer;

	private final TranscriptCodec lines;

	private final ConversationKeys keys;

	private final String ttlSeconds;

	private final String transcriptLimit;

	RedisConversations(StringRedisTemplate redis, ScriptCalls scripts, ObjectMapper json, Secrets secrets,
			ScoutlineSettings settings, ConversationSettings conversationSettings) {
		this.redis = redis;
		this.scripts = scripts;
		this.json = json;
		this.sealer = new Sealer(secrets.dataKey());
		this.lines = new TranscriptCodec(json, sealer);
		this.keys = new ConversationKeys(settings.keyPrefix());
		this.ttlSeconds = Long.toString(settings.retentionSeconds());
		this.transcriptLimit = Integer.toString(conversationSettings.transcriptLimit());
	}

	@Override
	@SuppressWarnings("unchecked")
	public Lookup find(String pseudonym, String messageId) {
		List<Object> found = scripts.multi(FIND, keys.find(pseudonym),
				List.of(keys.conversationsOfPerson(pseudonym), orEmpty(messageId)));
		if (found == null || found.isEmpty()) {
			return new Lookup(null, false);
		}
		ConversationId id = new ConversationId((String) found.get(0));
		boolean seen = ((Long) found.get(1)) == 1L;
		return new Lookup(fromHash(id, pairs((List<Object>) found.get(2))), seen);
	}

	@Override
	public SaveOutcome save(Conversation conversation, String messageId, List<TranscriptEntry> appended) {
		String id = conversation.id().value();
		if (!conversation.id().slotTag().equals(ConversationId.slotTagOf(conversation.pseudonym()))) {
			throw new IllegalArgumentException("a conversation's id must carry its person's slot tag");
		}
		List<String> fields = toHash(conversation);
		List<String> args = new ArrayList<>(8 + fields.size() + appended.size());
		args.add(Long.toString(conversation.version()));
		args.add(ttlSeconds);
		args.add(orEmpty(messageId));
		args.add(id);
		args.add(keys.conversationsOfPerson(conversation.pseudonym()));
		args.add(transcriptLimit);
		args.add(Integer.toString(fields.size()));
		args.addAll(fields);
		for (TranscriptEntry entry : appended) {
			args.add(lines.seal(entry, id));
		}
		Long result = scripts.integer(SAVE, keys.save(id, conversation.pseudonym()), args);
		if (result == null || result == -1L) {
			return SaveOutcome.CONFLICT;
		}
		return result == -2L ? SaveOutcome.DUPLICATE : SaveOutcome.SAVED;
	}

	@Override
	public Optional<Conversation> get(ConversationId id) {
		Map<Object, Object> hash = redis.opsForHash().entries(keys.conversation(id.value()));
		if (hash.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> fields = new HashMap<>();
		hash.forEach((k, v) -> fields.put((String) k, (String) v));
		if (!fields.containsKey("n")) {
			// stored before lines were numbered: it counts the lines it still has
			fields.put("n", String.valueOf(redis.opsForList().size(keys.log(id.value()))));
		}
		return Optional.of(fromHash(id, fields));
	}

	@Override
	@SuppressWarnings("unchecked")
	public Transcript since(ConversationId id, long after, int max) {
		String conversation = id.value();
		List<Object> read = redis.execute(READ, keys.read(conversation), Long.toString(after), Integer.toString(max));
		if (read == null || read.size() < 2) {
			return new Transcript(List.of(), 0, false);
		}
		List<TranscriptEntry> entries = read.subList(2, read.size())
			.stream()
			.map(line -> lines.open((String) line, conversation))
			.toList();
		return new Transcript(entries, (Long) read.get(0), ((Long) read.get(1)) == 1L);
	}

	@Override
	public void addNote(ConversationId id, String note) {
		String key = keys.notes(id.value());
		redis.opsForList().rightPush(key, sealer.seal(note, id.value()));
		redis.expire(key, Duration.ofSeconds(Long.parseLong(ttlSeconds)));
	}

	@Override
	public List<String> notes(ConversationId id, int max) {
		List<String> lines = redis.opsForList().range(keys.notes(id.value()), -max, -1);
		return lines == null ? List.of() : lines.stream().map(line -> sealer.open(line, id.value())).toList();
	}

	@Override
	public void erase(Conversation conversation) {
		String id = conversation.id().value();
		redis.delete(List.of(keys.conversation(id), keys.log(id), keys.seen(id), keys.notes(id),
				keys.person(conversation.pseudonym())));
	}

	private List<String> toHash(Conversation c) {
		String id = c.id().value();
		List<String> fields = new ArrayList<>(20);
		add(fields, "ch", c.channel().name());
		add(fields, "ps", c.pseudonym());
		add(fields, "mode", c.mode().name());
		add(fields, "loc", c.locale());
		add(fields, "node", c.node());
		add(fields, "facts", sealer.seal(write(c.facts()), id + "|facts"));
		add(fields, "sa", Long.toString(c.startedAt().toEpochMilli()));
		add(fields, "la", Long.toString(c.lastActiveAt().toEpochMilli()));
		if (c.replyAddress() != null) {
			add(fields, "addr", sealer.seal(c.replyAddress(), id + "|addr"));
		}
		return fields;
	}

	private Conversation fromHash(ConversationId id, Map<String, String> h) {
		String sealedAddress = h.get("addr");
		return new Conversation(id, Channel.valueOf(h.get("ch")), h.get("ps"),
				sealedAddress == null ? null : sealer.open(sealedAddress, id.value() + "|addr"),
				Mode.valueOf(h.get("mode")), h.get("loc"), h.get("node"),
				readFacts(sealer.open(h.get("facts"), id.value() + "|facts")), Long.parseLong(h.get("v")),
				Long.parseLong(h.getOrDefault("n", "0")), Instant.ofEpochMilli(Long.parseLong(h.get("sa"))),
				Instant.ofEpochMilli(Long.parseLong(h.get("la"))));
	}

	private static Map<String, String> pairs(List<Object> flat) {
		Map<String, String> map = new HashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			map.put((String) flat.get(i), (String) flat.get(i + 1));
		}
		return map;
	}

	private static void add(List<String> fields, String name, String value) {
		fields.add(name);
		fields.add(value);
	}

	/** the facts as a JSON object of strings, written field by field (every save) */
	private String write(Map<String, String> facts) {
		StringWriter out = new StringWriter(32 * facts.size() + 2);
		try (JsonGenerator object = json.getFactory().createGenerator(out)) {
			object.writeStartObject();
			for (Map.Entry<String, String> fact : facts.entrySet()) {
				object.writeStringField(fact.getKey(), fact.getValue());
			}
			object.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/** the facts written by {@link #write}, read token by token (every load) */
	private Map<String, String> readFacts(String text) {
		try (JsonParser object = json.getFactory().createParser(text)) {
			if (object.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalStateException("stored facts are not readable");
			}
			Map<String, String> facts = new HashMap<>();
			while (object.nextToken() == JsonToken.FIELD_NAME) {
				String name = object.currentName();
				JsonToken value = object.nextToken();
				facts.put(name, value == JsonToken.VALUE_NULL ? null : object.getValueAsString());
			}
			return facts;
		}
		catch (IOException ex) {
			throw new IllegalStateException("stored facts are not readable", ex);
		}
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

}
