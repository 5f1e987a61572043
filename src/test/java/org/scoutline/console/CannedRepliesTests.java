package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scoutline.directory.ShippedDirectory;
import org.springframework.core.io.ByteArrayResource;

/**
 * The console's canned answers take their links and numbers from the directory: the
 * shipped one, and one whose entries differ, which the answers follow.
 */
class CannedRepliesTests {

	final CannedReplies shipped = new CannedReplies(ShippedDirectory.load());

	@Test
	void aGermanChatInGermanyGetsTheHashToolsAndTheNummerGegenKummerFromTheDirectory() {
		List<CannedReplies.Reply> replies = shipped.of("de", "DE", false);
		assertThat(replies).extracting(CannedReplies.Reply::label)
			.contains("Begrüßung", "Take It Down (NCMEC) (unter 18)", "StopNCII.org (ab 18)", "Nummer gegen Kummer",
					"Polizei");
		assertThat(text(replies, "Take It Down (NCMEC) (unter 18)")).contains("https://takeitdown.ncmec.org");
		assertThat(text(replies, "StopNCII.org (ab 18)")).contains("https://stopncii.org");
		assertThat(text(replies, "Nummer gegen Kummer")).contains("116 111")
			.contains("https://www.nummergegenkummer.de");
		assertThat(text(replies, "Polizei")).contains("Deutschland").contains("110");
		// an adults' line is not offered to a young person, a parents' line not to them
		// either
		assertThat(replies).extracting(CannedReplies.Reply::label).doesNotContain("HateAid");
		assertThat(replies).extracting(CannedReplies.Reply::text).noneMatch(t -> t.contains("0800 111 0 550"));
	}

	@Test
	void anAdultGetsTheAdultsLineAndAnUnknownCountryTheInternationalOnesInEnglish() {
		assertThat(shipped.of("de", "DE", true)).extracting(CannedReplies.Reply::label).contains("HateAid");
		List<CannedReplies.Reply> unknown = shipped.of("en", null, null);
		assertThat(unknown).extracting(CannedReplies.Reply::label)
			.contains("Welcome", "Take It Down (NCMEC) (under 18)", "116 111 (child helplines in Europe)");
		assertThat(text(unknown, "Police")).doesNotContain("Police (");
	}

	/**
	 * a French chat in Belgium: French answers and the Belgian lines that answer in
	 * French
	 */
	@Test
	void aFrenchChatInBelgiumGetsFrenchAnswersAndTheFrenchSpeakingLines() {
		List<CannedReplies.Reply> replies = shipped.of("fr", "BE", false);
		assertThat(replies).extracting(CannedReplies.Reply::label)
			.contains("Accueil", "Ne pas payer", "Take It Down (NCMEC) (moins de 18)", "Child Focus", "Police")
			.doesNotContain("Awel");
		assertThat(text(replies, "Child Focus")).contains("116 000").contains("24/7");
		assertThat(shipped.of("nl", "BE", false)).extracting(CannedReplies.Reply::label)
			.contains("Welkom", "Child Focus", "Awel")
			.doesNotContain("Écoute-Enfants");
		assertThat(shipped.of("ko", "KR", false)).extracting(CannedReplies.Reply::text)
			.anyMatch(t -> t.contains("1388"))
			.anyMatch(t -> t.contains("경찰") && t.contains("112"));
	}

	@Test
	void theLinksFollowTheDirectoryFile() {
		String file = """
				countries:
				  INT:
				    name: {en: International}
				    emergency: "112"
				    resources:
				      - id: int-take-it-down
				        name: Take It Down
				        kinds: [hash]
				        image_age: minor
				        url: https://tid.example.org/new
				        hours: {de: "online", en: "online"}
				        always_open: false
				        source: test
				        verified_on: 2026-12-01
				  AT:
				    name: {de: Österreich, en: Austria}
				    emergency: "112"
				    police: "133"
				    resources:
				      - id: at-line
				        name: Rat auf Draht
				        kinds: [counselling]
				        phone: "147"
				        url: https://line.example.at
				        always_open: true
				        source: test
				        verified_on: 2026-12-01
				""";
		CannedReplies replies = new CannedReplies(
				ShippedDirectory.from(new ByteArrayResource(file.getBytes(StandardCharsets.UTF_8), "test directory")));
		List<CannedReplies.Reply> austria = replies.of("de", "AT", false);
		assertThat(text(austria, "Take It Down (unter 18)")).endsWith("https://tid.example.org/new");
		assertThat(text(austria, "Rat auf Draht")).contains("147, https://line.example.at (24/7)");
		assertThat(text(austria, "Polizei")).endsWith("Polizei (Österreich): 133");
		assertThat(austria).extracting(CannedReplies.Reply::text).noneMatch(t -> t.contains("stopncii"));
	}

	private static String text(List<CannedReplies.Reply> replies, String label) {
		return replies.stream()
			.filter(r -> r.label().equals(label))
			.findFirst()
			.map(CannedReplies.Reply::text)
			.orElseThrow(() -> new AssertionError("no canned reply " + label + " in " + replies));
	}

}
