package org.scoutline.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.channel.whatsapp.FakeGraphApi.Post;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.safety.Pseudonyms;
import org.scoutline.handover.ClaimOutcome;
import org.scoutline.handover.ScoutSide;
import org.scoutline.handover.Presence;
import org.scoutline.support.LiveNow;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The WhatsApp channel: webhook payloads signed exactly as Meta signs them, replies
 * through Spring's HTTP client to a fake Graph API, the whole app and the real Redis.
 */
@IntegrationTest
class WhatsAppWebhookTests {

	static final String APP_SECRET = "app-secret-for-tests";

	static final String PHONE_NUMBER_ID = "1098765432";

	static final FakeGraphApi graph = new FakeGraphApi();

	@DynamicPropertySource
	static void whatsapp(DynamicPropertyRegistry registry) {
		registry.add("scoutline.whatsapp.enabled", () -> "true");
		registry.add("scoutline.whatsapp.api-url", graph::url);
		registry.add("scoutline.whatsapp.api-version", () -> "v21.0");
		registry.add("scoutline.whatsapp.phone-number-id", () -> PHONE_NUMBER_ID);
		registry.add("scoutline.whatsapp.access-token", () -> "EAAG-test-token");
		registry.add("scoutline.whatsapp.app-secret", () -> APP_SECRET);
		registry.add("scoutline.whatsapp.verify-token", () -> "verify-me");
		registry.add("scoutline.whatsapp.backoff", () -> "20ms");
	}

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TestKeys keys;

	@Autowired
	Conversations conversations;

	@Autowired
	Pseudonyms pseudonyms;

	@Autowired
	Presence presence;

	@Autowired
	ScoutSide handover;

	String phone;

	@BeforeEach
	void newPerson() {
		keys.clearAllButAccounts();
		phone = "49" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
	}

	@AfterEach
	void removeKeys() {
		keys.clearAllButAccounts();
	}

	@Test
	void theVerificationHandshakeEchoesTheChallengeOnlyForTheRightToken() throws Exception {
		HttpResponse<String> ok = get("hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).isEqualTo("1158201444");
		HttpResponse<String> wrong = get("hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");
		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(json(wrong).path("error").asText()).isEqualTo("invalid_verify_token");
		assertThat(get("hub.verify_token=verify-me&hub.challenge=1").statusCode()).isEqualTo(400);
	}

	@Test
	void aFifteenYearOldBlackmailedInGermanyGetsThePlanByTappingButtonsAndLists() throws Exception {
		List<Post> welcome = exchange(text("Hallo"));
		assertThat(texts(welcome)).containsIgnoringCase("anonym").contains("112");
		// five languages: more than three buttons, so the first question is a list
		assertThat(last(welcome).body().path("interactive").path("type").asText()).isEqualTo("list");
		assertThat(last(welcome).choices()).containsExactly("de", "en", "nl", "fr", "ko");
		List<Post> situation = exchange(reply("de"));
		assertThat(last(situation).body().path("interactive").path("type").asText()).isEqualTo("list");
		assertThat(last(situation).choices()).contains("a", "b", "c", "d", "e", "f", "unsure");
		for (String choice : List.of("a", "no", "no", "13_15", "money", "no", "yes", "instagram")) {
			assertThat(last(graph.to(phone)).choices()).as("offered: " + choice).contains(choice);
			exchange(reply(choice));
		}
		List<Post> plan = exchange(reply("de"));
		assertThat(plan).as("the plan's line, its five steps in one message, the More line with the list").hasSize(3);
		assertThat(plan.get(1).text()).startsWith("1. Zahl nichts").contains("\n\n5. ").contains("Instagram");
		assertThat(last(plan).body().path("interactive").path("type").asText()).isEqualTo("list");
		assertThat(last(plan).body().path("interactive").path("body").path("text").asText())
			.startsWith("Mehr: wie Löschen funktioniert, die Polizei");
		assertThat(last(plan).choices()).hasSizeLessThanOrEqualTo(10)
			.startsWith("plan_removal", "plan_police", "plan_parents", "plan_text")
			.contains("again", "scout", "restart", "delete");

		// "More": a row of the list sends its section on its own, with the list again
		List<Post> removal = exchange(reply("plan_removal"));
		assertThat(texts(removal)).startsWith("Löschen: so geht's\n")
			.contains("Take It Down")
			.doesNotContain("StopNCII");
		assertThat(last(removal).choices()).isEqualTo(last(plan).choices());
		assertThat(texts(exchange(reply("plan_police")))).startsWith("Polizei\n").contains("110");
		List<Post> whole = exchange(reply("plan_text"));
		assertThat(whole.get(0).type()).isEqualTo("text");
		assertThat(whole.get(0).text()).as("the whole plan as one plain message")
			.startsWith("Dein Plan von Scoutline")
			.contains("1. Zahl nichts")
			.contains("Take It Down")
			.contains("116 111")
			.doesNotContain(phone)
			.doesNotContain("plan_");
		assertThat(whole.get(0).text().length()).isLessThanOrEqualTo(WhatsAppReplies.MAX_TEXT);
		assertThat(transcript()).noneMatch(line -> line.kind() == org.scoutline.conversation.Bubble.Kind.SECTION);
		for (Post post : graph.to(phone)) {
			assertThat(post.path()).isEqualTo("/v21.0/" + PHONE_NUMBER_ID + "/messages");
			assertThat(post.authorization()).isEqualTo("Bearer EAAG-test-token");
			assertThat(post.body().path("messaging_product").asText()).isEqualTo("whatsapp");
			JsonNode action = post.body().path("interactive").path("action");
			assertThat(action.path("buttons").size()).isLessThanOrEqualTo(3);
			action.path("buttons")
				.findValuesAsText("title")
				.forEach(t -> assertThat(t.length()).isLessThanOrEqualTo(20));
			assertThat(action.path("sections").findValues("rows").stream().mapToInt(JsonNode::size).sum())
				.isLessThanOrEqualTo(10);
			action.path("sections")
				.findValuesAsText("title")
				.forEach(t -> assertThat(t.length()).isLessThanOrEqualTo(24));
		}
	}

	@Test
	void mediaOfEveryTypeIsRefusedAndNeverFetched() throws Exception {
		exchange(text("Hallo"));
		for (String type : List.of("image", "video", "audio", "document", "sticker")) {
			List<Post> refusal = exchange(media(type));
			assertThat(texts(refusal)).as(type).contains("nicht geöffnet").contains("nichts falsch");
		}
		assertThat(graph.posts()).allMatch(post -> post.path().endsWith("/messages"))
			.noneMatch(post -> post.body().toString().contains("MEDIA-ID"));
		assertThat(transcript()).extracting(TranscriptEntry::text)
			.contains(TranscriptEntry.MEDIA_REMOVED)
			.noneMatch(text -> text.contains("MEDIA-ID"));
	}

	@Test
	void aCrisisSignalBringsCrisisLinesFirst() throws Exception {
		exchange(text("Hallo"));
		exchange(reply("de"));
		List<Post> crisis = exchange(text("ich will nicht mehr leben"));
		assertThat(crisis.get(0).text()).contains("112").as("a +49 number").contains("In Deutschland:");
	}

	@Test
	void anAustrianNumberGetsAustrianLinesNamedAsSuchBeforeAnyTriage() throws Exception {
		phone = "43" + ThreadLocalRandom.current().nextLong(6_000_000_000L, 6_999_999_999L);
		List<Post> crisis = exchange(text("ich will nicht mehr leben"));
		assertThat(crisis.get(0).text()).as("the calling code +43: Austria's lines, named as Austria's")
			.contains("112")
			.contains("In Österreich:")
			.contains("Rat auf Draht")
			.contains("142")
			.doesNotContain("TelefonSeelsorge");
		assertThat(last(crisis).choices()).contains("yes", "no", "change_country");
		Conversation conversation = conversations.find(pseudonyms.of("WHATSAPP", phone), null).conversation();
		assertThat(conversation.facts()).as("the guess is never stored").doesNotContainKey("country");

		List<Post> asked = exchange(reply("change_country"));
		assertThat(last(asked).choices()).contains("de", "at", "ch");
		List<Post> swiss = exchange(reply("ch"));
		assertThat(swiss.get(0).text()).contains("In der Schweiz:").contains("143");
	}

	@Test
	void aNumberWhoseCountryIsAmbiguousIsAskedForItsCountryUnderTheEmergencyNumbers() throws Exception {
		phone = "1" + ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_999_999_999L);
		List<Post> crisis = exchange(text("i want to kill myself"));
		String card = crisis.get(0).text();
		assertThat(card).contains("911")
			.contains("112")
			.contains("Which country do you live in?")
			.doesNotContain("988")
			.doesNotContain("Samaritans");
		assertThat(last(crisis).choices()).contains("de", "gb", "us");
	}

	@Test
	void deleteErasesEveryKeyAboutThePerson() throws Exception {
		exchange(text("Hallo"));
		exchange(reply("de"));
		assertThat(keys.all()).anyMatch(key -> key.contains("conv:"));
		List<Post> deleted = exchangeUntil(text("/delete"), posts -> texts(posts).contains("gelöscht"));
		assertThat(deleted).allMatch(post -> post.type().equals("text"));
		assertThat(keys.all()).noneMatch(key -> key.contains("conv:") || key.contains("key:"));
	}

	@Test
	void forgedSignaturesAreRefusedBeforeAnythingIsRead() throws Exception {
		String body = text("/start");
		String tampered = body.replace("/start", "/delete");
		for (String signature : new String[] { null, "", "sha256=", "sha256=zz", "sha1=" + sign(body).substring(7),
				sign(body).replace("sha256=", "sha256=0"), signWith("other-secret", body), sign(tampered) }) {
			HttpResponse<String> response = post(body, signature);
			assertThat(response.statusCode()).as(String.valueOf(signature)).isEqualTo(401);
			assertThat(json(response).path("error").asText()).isEqualTo("invalid_signature");
		}
		assertThat(post("{not json", null).statusCode()).isEqualTo(401);
		nothingIsSentOrStored();
	}

	@Test
	void badPayloadsGetAPreciseClientErrorAndNothingIsStored() throws Exception {
		assertError(postSigned("{\"object\": \"whatsapp_business_account\", \"entry\": ["), 400, "malformed_json");
		assertError(postSigned("[]"), 400, "invalid_payload");
		assertError(postSigned("{\"object\":\"page\",\"entry\":[]}"), 422, "unsupported_object");
		assertError(postSigned(payload(message("hologram").put("hologram", "x"))), 422, "unsupported_message_type");
		ObjectNode noSender = message("text");
		noSender.remove("from");
		assertError(postSigned(payload(noSender)), 400, "invalid_message");
		assertError(postSigned(payload(message("text").put("from", "+49 170 DROP TABLE"))), 400, "invalid_message");
		String mixed = payload(message("text"), message("hologram"));
		assertError(postSigned(mixed), 422, "unsupported_message_type");
		assertError(
				postSigned("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":"
						+ "{\"messages\":[{\"text\":{\"body\":\"" + "x".repeat(1_100_000) + "\"}}]}}]}]}"),
				413, "payload_too_large");
		nothingIsSentOrStored();
	}

	/**
	 * Nothing reaches the Graph API for this number and no key but the accounts appears,
	 * for 300 ms on end.
	 */
	private void nothingIsSentOrStored() {
		await("nothing sent, nothing stored").during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> {
				assertThat(graph.to(phone)).isEmpty();
				assertThat(keys.all()).allMatch(key -> key.contains(":acct"));
			});
	}

	@Test
	void aReplayedMessageIsHandledOnceAndStatusCallbacksAreIgnored() throws Exception {
		String hello = text("Hallo");
		exchange(hello);
		int sent = graph.to(phone).size();
		assertThat(postSigned(hello).statusCode()).isEqualTo(200);
		String status = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA\",\"changes\":[{\"field\":"
				+ "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\""
				+ PHONE_NUMBER_ID + "\"},\"statuses\":[{\"id\":\"wamid.out1\",\"status\":\"read\",\"timestamp\":\""
				+ Instant.now().getEpochSecond() + "\",\"recipient_id\":\"" + phone + "\"}]}}]}]}";
		assertThat(postSigned(status).statusCode()).isEqualTo(200);
		exchange(text("/help"));
		assertThat(keys.all()).as("no key holds the number or a message id (which encodes it)")
			.noneMatch(key -> key.contains(phone) || key.contains("wamid"));
		assertThat(graph.to(phone).subList(0, sent + 1)).extracting(Post::text).noneMatch(t -> t.contains("/help"));
		assertThat(graph.to(phone).stream().filter(post -> post.text().startsWith("Hi, hier ist Scoutline")).count())
			.as("one welcome")
			.isEqualTo(1);
	}

	@Test
	void nothingIsSentOutsideTheTwentyFourHourWindow() throws Exception {
		ObjectNode old = message("text");
		old.putObject("text").put("body", "Hallo");
		old.put("timestamp", String.valueOf(Instant.now().minus(Duration.ofHours(25)).getEpochSecond()));
		assertThat(postSigned(payload(old)).statusCode()).isEqualTo(200);
		exchange(text("/help"));
		assertThat(graph.to(phone)).noneMatch(post -> post.text().contains("Hallo"));
		assertThat(transcript()).extracting(TranscriptEntry::text).doesNotContain("Hallo");
	}

	@Test
	void serverErrorsAndRateLimitsAreRetriedClientErrorsAreNot() throws Exception {
		graph.fail(2, 500, 1);
		graph.fail(1, 429, 130429);
		List<Post> welcome = exchange(text("Hallo"));
		assertThat(welcome.subList(0, 4)).extracting(Post::text).containsOnly(welcome.get(0).text());
		graph.fail(1, 400, 131047);
		int before = graph.to(phone).size();
		postSigned(text("weiß nicht"));
		await().atMost(Duration.ofSeconds(10)).until(() -> graph.to(phone).size() > before);
		List<Post> help = exchange(text("/help"));
		assertThat(graph.to(phone).size() - before).as("one try for the 400, then the help").isEqualTo(1 + help.size());
	}

	@Test
	void aReplyTheCloudApiFailedToTakeIsSentAgainFromTheIntake() throws Exception {
		// five attempts of the client fail (server errors): the intake tries the message
		// again
		graph.fail(5, 500, 1);
		List<Post> welcome = exchange(text("Hallo"));
		assertThat(welcome).extracting(Post::text)
			.as("the failed tries, then the whole welcome")
			.contains(welcome.get(0).text());
		assertThat(last(welcome).type()).isEqualTo("interactive");
		List<Post> next = exchange(reply("de"));
		assertThat(texts(next)).as("the turn was saved once: the triage goes on")
			.doesNotContain("Hi, hier ist Scoutline");
	}

	@Test
	void aListReplyAskingForAPageOutsideTheListIsRefusedQuietly() throws Exception {
		exchange(text("Hallo"));
		int before = graph.to(phone).size();
		for (String id : List.of("more:-5", "more:99999", "more:x", "more:" + "9".repeat(30))) {
			assertThat(postSigned(reply(id)).statusCode()).as(id).isEqualTo(200);
		}
		List<Post> help = exchange(text("/help"));
		assertThat(graph.to(phone).size() - before).as("nothing for the bad pages, then the help")
			.isEqualTo(help.size());
	}

	@Test
	void messagesFromOneNumberAreHandledInOrder() throws Exception {
		List<String> phones = IntStream.range(0, 5).mapToObj(i -> phone + i).toList();
		int perPhone = 12;
		for (int n = 1; n <= perPhone; n++) {
			for (String each : phones) {
				ObjectNode message = message("text").put("from", each);
				message.putObject("text").put("body", "nachricht " + n);
				assertThat(postSigned(payload(message)).statusCode()).isEqualTo(200);
			}
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> phones.stream().allMatch(each -> userLines(each).size() == perPhone));
		List<String> expected = IntStream.rangeClosed(1, perPhone).mapToObj(n -> "nachricht " + n).toList();
		phones.forEach(each -> assertThat(userLines(each)).containsExactlyElementsOf(expected));
	}

	// ---------------------------------------------------------------- payloads as Meta
	// sends them

	@Test
	void aWhatsAppUserTalksWithAScoutWhoseWordsArriveInWhatsApp() throws Exception {
		LiveNow.roster(port, "tina", "scout");
		presence.beat("tina");
		exchange(text("Hallo"));
		exchange(reply("en"));
		List<Post> queued = exchangeUntil(text("/scout"), posts -> texts(posts).contains("queue"));
		assertThat(last(queued).choices()).containsExactly("leave_queue");
		ConversationId id = conversations.find(pseudonyms.of("WHATSAPP", phone), null).conversation().id();
		assertThat(handover.claim(id, "tina", "Tina", false)).isEqualTo(ClaimOutcome.OK);
		await().atMost(Duration.ofSeconds(10)).until(() -> texts(graph.to(phone)).contains("Tina is here for you"));
		assertThat(handover.scoutWrites(id, "tina", "Tina", "What happened?")).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> texts(graph.to(phone)).contains("Tina: What happened?"));
		assertThat(handover.close(id, "tina", "Tina", "helped")).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> texts(graph.to(phone)).contains("did the chat help you?"));
		assertThat(last(graph.to(phone)).choices()).contains("feedback_yes", "show_plan");
	}

	private String text(String body) {
		ObjectNode message = message("text");
		message.putObject("text").put("body", body);
		return payload(message);
	}

	private String reply(String id) {
		ObjectNode message = message("interactive");
		ObjectNode interactive = message.putObject("interactive");
		boolean list = !List.of("de", "en").contains(id);
		interactive.put("type", list ? "list_reply" : "button_reply");
		interactive.putObject(list ? "list_reply" : "button_reply").put("id", id).put("title", "whatever");
		return payload(message);
	}

	private String media(String type) {
		ObjectNode message = message(type);
		message.putObject(type).put("id", "MEDIA-ID-" + type).put("mime_type", "image/jpeg").put("sha256", "abc");
		return payload(message);
	}

	private ObjectNode message(String type) {
		return FakeGraphApi.json.createObjectNode()
			.put("from", phone)
			.put("id", "wamid." + UUID.randomUUID())
			.put("timestamp", String.valueOf(Instant.now().getEpochSecond()))
			.put("type", type);
	}

	private static String payload(ObjectNode... messages) {
		ObjectNode root = FakeGraphApi.json.createObjectNode().put("object", "whatsapp_business_account");
		ObjectNode value = root.putArray("entry")
			.addObject()
			.put("id", "WABA-ID")
			.putArray("changes")
			.addObject()
			.put("field", "messages")
			.putObject("value");
		value.put("messaging_product", "whatsapp");
		value.putObject("metadata").put("display_phone_number", "4930123456").put("phone_number_id", PHONE_NUMBER_ID);
		value.putArray("contacts")
			.addObject()
			.put("wa_id", messages[0].path("from").asText())
			.putObject("profile")
			.put("name", "A");
		value.putArray("messages").addAll(List.of(messages));
		return root.toString();
	}

	static String sign(String body) {
		return signWith(APP_SECRET, body);
	}

	static String signWith(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---------------------------------------------------------------- helpers

	private List<Post> exchange(String payload) throws Exception {
		return exchangeUntil(payload, posts -> !posts.isEmpty() && last(posts).type().equals("interactive"));
	}

	private List<Post> exchangeUntil(String payload, Predicate<List<Post>> done) throws Exception {
		int before = graph.to(phone).size();
		HttpResponse<String> response = postSigned(payload);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> done.test(since(before)));
		return since(before);
	}

	private List<Post> since(int before) {
		List<Post> all = graph.to(phone);
		return all.subList(Math.min(before, all.size()), all.size());
	}

	private HttpResponse<String> postSigned(String body) throws Exception {
		return post(body, sign(body));
	}

	private HttpResponse<String> post(String body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-Hub-Signature-256", signature);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String query) throws Exception {
		return http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp?" + query)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void assertError(HttpResponse<String> response, int status, String code) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(json(response).path("error").asText()).isEqualTo(code);
	}

	private static JsonNode json(HttpResponse<String> response) throws Exception {
		return FakeGraphApi.json.readTree(response.body());
	}

	private static Post last(List<Post> posts) {
		return posts.get(posts.size() - 1);
	}

	private static String texts(List<Post> posts) {
		return String.join("\n", posts.stream().map(Post::text).toList());
	}

	private List<TranscriptEntry> transcript() {
		Conversation conversation = conversations.find(pseudonyms.of("WHATSAPP", phone), null).conversation();
		return conversation == null ? List.of() : conversations.transcript(conversation.id(), 500);
	}

	private List<String> userLines(String each) {
		Conversation conversation = conversations.find(pseudonyms.of("WHATSAPP", each), null).conversation();
		if (conversation == null) {
			return List.of();
		}
		return conversations.transcript(conversation.id(), 500)
			.stream()
			.filter(line -> line.author() == TranscriptEntry.Author.USER)
			.map(TranscriptEntry::text)
			.toList();
	}

}
