package org.scoutline.channel.telegram;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.scoutline.channel.common.Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Takes Telegram updates into the durable {@link Intake}, whether the webhook or the
 * poller got them: an update the bot can't use (an unknown kind, no chat) is dropped and
 * counted ({@code scoutline.intake.dropped}, by reason), because Telegram would deliver
 * it again forever otherwise. What is kept holds only what a turn needs: names and
 * usernames are blanked and file ids of media removed before the update is sealed.
 */
class TelegramArrivals {

	private static final Logger log = LoggerFactory.getLogger(TelegramArrivals.class);

	/** fields that say who someone is, or point at a picture: never kept */
	private static final Set<String> BLANKED = Set.of("first_name", "last_name", "username", "phone_number", "file_id",
			"file_unique_id", "bio", "title");

	private static final Set<String> REMOVED = Set.of("thumbnail", "thumb", "contact", "location", "venue");

	/** What happened to an update. */
	enum Taken {

		/** stored; the workers answer it */
		TAKEN,
		/** stored before (Telegram delivered it again) */
		REPLAY,
		/** nothing the bot can use; counted and forgotten */
		DROPPED

	}

	private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
			false);

	private final Intake intake;

	private final MeterRegistry meters;

	TelegramArrivals(Intake intake, MeterRegistry meters) {
		this.intake = intake;
		this.meters = meters;
	}

	/**
	 * Takes one update.
	 * @throws JsonProcessingException when it is not an update
	 * @throws org.springframework.dao.DataAccessException when Redis does not answer
	 */
	Taken accept(JsonNode tree) throws JsonProcessingException {
		Update update = json.treeToValue(tree, Update.class);
		String type = TelegramUpdates.typeOf(update);
		Long chat = TelegramUpdates.chatOf(update);
		if (update.getUpdateId() == null || type == null || chat == null) {
			String reason = type == null ? "unsupported_type" : "no_chat";
			meters.counter("scoutline.intake.dropped", "channel", TelegramUpdates.CHANNEL, "reason", reason)
				.increment();
			log.info("telegram update dropped reason={} update={}", reason, update.getUpdateId());
			return Taken.DROPPED;
		}
		JsonNode kept = tree.deepCopy();
		blank(kept);
		boolean taken = intake.offer(TelegramUpdates.CHANNEL, String.valueOf(update.getUpdateId()),
				String.valueOf(chat), kept.toString());
		return taken ? Taken.TAKEN : Taken.REPLAY;
	}

	/** Reads an update back from what {@link #accept} kept. */
	Update read(String payload) throws JsonProcessingException {
		return json.readValue(payload, Update.class);
	}

	private static void blank(JsonNode node) {
		if (node instanceof ObjectNode object) {
			Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (REMOVED.contains(field.getKey())) {
					fields.remove();
				}
				else if (BLANKED.contains(field.getKey()) && field.getValue().isTextual()) {
					field.setValue(object.textNode("-"));
				}
				else {
					blank(field.getValue());
				}
			}
		}
		else if (node != null && node.isArray()) {
			node.forEach(TelegramArrivals::blank);
		}
	}

}
