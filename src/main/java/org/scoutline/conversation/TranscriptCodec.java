package org.scoutline.conversation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.scoutline.platform.Sealer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a transcript line is stored: short JSON names, epoch millis, encrypted for its
 * conversation.
 */
final class TranscriptCodec {

	private final ObjectMapper json;

	private final Sealer sealer;

	TranscriptCodec(ObjectMapper json, Sealer sealer) {
		this.json = json;
		this.sealer = sealer;
	}

	String seal(TranscriptEntry entry, String conversationId) {
		// written field by field: every line of every turn passes here, and the data
		// binder's record serializer cost as much as the encryption
		StringWriter out = new StringWriter(64 + (entry.text() == null ? 0 : entry.text().length()));
		try (JsonGenerator line = json.getFactory().createGenerator(out)) {
			line.writeStartObject();
			line.writeNumberField("at", entry.at().toEpochMilli());
			line.writeStringField("a", entry.author().name());
			line.writeStringField("t", entry.text());
			line.writeStringField("k", entry.kind().name());
			if (entry.name() != null) {
				line.writeStringField("n", entry.name());
			}
			line.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sealer.seal(out.toString(), conversationId + "|log");
	}

	TranscriptEntry open(String stored, String conversationId) {
		try {
			return json.readValue(sealer.open(stored, conversationId + "|log"), StoredEntry.class).toEntry();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a stored transcript line is not readable", ex);
		}
	}

	/** The stored form of a transcript line: short names, epoch millis. */
	record StoredEntry(long at, String a, String t, String k, String n) {

		TranscriptEntry toEntry() {
			return new TranscriptEntry(Instant.ofEpochMilli(at), TranscriptEntry.Author.valueOf(a), t,
					Bubble.Kind.valueOf(k), n);
		}

	}

}
