package org.scoutline.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How choices become WhatsApp reply buttons or lists, and how long labels are shortened.
 */
class WhatsAppRepliesTests {

	static final WhatsAppReplies.Labels labels = new WhatsAppReplies.Labels("Antworten", "Mehr …", "Tipp:");

	@Test
	void upToThreeChoicesAreReplyButtonsOnTheLastBubble() {
		List<ObjectNode> messages = WhatsAppReplies.render("491701234567",
				List.of(Bubble.text("Hallo."), Bubble.text("Welche Sprache?")), List.of(new Choice("de", "Deutsch"),
						new Choice("en", "English"), new Choice("unsure", "Ich weiß es wirklich nicht so genau")),
				labels);
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).path("type").asText()).isEqualTo("text");
		JsonNode interactive = messages.get(1).path("interactive");
		assertThat(interactive.path("type").asText()).isEqualTo("button");
		assertThat(interactive.path("body").path("text").asText()).isEqualTo("Welche Sprache?");
		assertThat(interactive.path("action").path("buttons").findValuesAsText("id")).containsExactly("de", "en",
				"unsure");
		assertThat(interactive.path("action").path("buttons").findValuesAsText("title")).containsExactly("Deutsch",
				"English", "Ich weiß es…");
	}

	@Test
	void thePlansStepsGoIntoOneNumberedMessageItsSectionsAreLeftOutAndItsButtonsFitAList() {
		List<Choice> choices = List.of(new Choice("plan_removal", "Löschen: so geht's"),
				new Choice("plan_police", "Polizei"), new Choice("plan_text", "Plan als Text"),
				new Choice("again", "Plan nochmal zeigen"));
		List<ObjectNode> messages = WhatsAppReplies.render("49170",
				List.of(new Bubble("Zahl nichts.\nDas bringt nur mehr.", Bubble.Kind.PLAN),
						new Bubble("Antworte nicht mehr.", Bubble.Kind.PLAN), Bubble.text("Mehr: Löschen, Polizei."),
						new Bubble("Löschen: so geht's\nMit Take It Down …", Bubble.Kind.SECTION)),
				choices, labels);
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).path("text").path("body").asText())
			.isEqualTo("1. Zahl nichts.\n    Das bringt nur mehr.\n\n2. Antworte nicht mehr.");
		JsonNode interactive = messages.get(1).path("interactive");
		assertThat(interactive.path("type").asText()).isEqualTo("list");
		assertThat(interactive.path("body").path("text").asText()).isEqualTo("Mehr: Löschen, Polizei.");
		assertThat(interactive.findValuesAsText("id")).containsExactly("plan_removal", "plan_police", "plan_text",
				"again");
		assertThat(messages.toString()).doesNotContain("Take It Down");
	}

	@Test
	void fourToTenChoicesAreAListWithFullLabelsAsDescriptions() {
		List<Choice> choices = IntStream.rangeClosed(1, 10)
			.mapToObj(i -> new Choice("c" + i, i == 3 ? "Jemand droht, meine Bilder zu teilen" : "Antwort " + i))
			.toList();
		JsonNode interactive = WhatsAppReplies.choices("49170", "Frage?", choices, 0, labels).path("interactive");
		assertThat(interactive.path("type").asText()).isEqualTo("list");
		assertThat(interactive.path("action").path("button").asText()).isEqualTo("Antworten");
		JsonNode rows = interactive.path("action").path("sections").get(0).path("rows");
		assertThat(rows).hasSize(10);
		assertThat(rows.get(2).path("title").asText()).isEqualTo("Jemand droht, meine…").hasSizeLessThanOrEqualTo(24);
		assertThat(rows.get(2).path("description").asText()).isEqualTo("Jemand droht, meine Bilder zu teilen");
		assertThat(rows.get(0).has("description")).isFalse();
	}

	@Test
	void moreThanTenChoicesArePagedWithAMoreRow() {
		List<Choice> choices = IntStream.rangeClosed(1, 23).mapToObj(i -> new Choice("c" + i, "Land " + i)).toList();
		JsonNode first = WhatsAppReplies.choices("49170", "Land?", choices, 0, labels);
		assertThat(first.path("interactive").findValuesAsText("id")).hasSize(10).startsWith("c1").endsWith("more:9");
		JsonNode second = WhatsAppReplies.choices("49170", "Land?", choices, 9, labels);
		assertThat(second.path("interactive").findValuesAsText("id")).hasSize(10).startsWith("c10").endsWith("more:18");
		JsonNode last = WhatsAppReplies.choices("49170", "Land?", choices, 18, labels);
		assertThat(last.path("interactive").path("type").asText()).as("a later page stays a list").isEqualTo("list");
		assertThat(last.path("interactive").findValuesAsText("id")).containsExactly("c19", "c20", "c21", "c22", "c23");
	}

	@Test
	void aLastBubbleTooLongForAnInteractiveBodyIsSentAsText() {
		String plan = "Schritt. ".repeat(200);
		List<ObjectNode> messages = WhatsAppReplies.render("49170", List.of(Bubble.text(plan)),
				List.of(new Choice("restart", "Neu anfangen")), labels);
		assertThat(messages).extracting(message -> message.path("type").asText())
			.containsExactly("text", "interactive");
		assertThat(messages.get(1).path("interactive").path("body").path("text").asText()).isEqualTo("Tipp:");
	}

	@Test
	void labelsAreShortenedAtAWordEndOrCutWhenOneWordIsTooLong() {
		assertThat(WhatsAppReplies.shorten("Kurz", 20)).isEqualTo("Kurz");
		assertThat(WhatsAppReplies.shorten("Mit einem Scout schreiben", 20)).isEqualTo("Mit einem Scout…");
		assertThat(WhatsAppReplies.shorten("Selbstverletzungsgedanken", 20)).isEqualTo("Selbstverletzungsge…")
			.hasSize(20);
		assertThat(WhatsAppReplies.shorten("Ja, bitte - sofort jetzt", 12)).isEqualTo("Ja, bitte…");
	}

}
