package org.scoutline.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scoutline.directory.Country;
import org.scoutline.directory.Directory;
import org.scoutline.directory.Resource;
import org.springframework.stereotype.Component;

/**
 * The console's canned answers for one chat, in the chat's language. Every link and
 * number in them comes from the directory ({@code config/directory.yml}): the hash tools
 * (Take It Down, StopNCII), the chat's country's emergency number and crisis lines, its
 * line for young people (or adults, when the user said they are 18 or older) and its
 * police number, each line in the chat's language where the country has one. A country
 * not known yet gets the international entries.
 */
@Component
class CannedReplies {

	record Reply(String label, String text) {
	}

	private static final Resource.AgeRange YOUNG = new Resource.AgeRange(0, 17);

	private static final Resource.AgeRange ADULT = new Resource.AgeRange(18, Resource.AgeRange.OLDEST);

	private static final Map<String, Map<String, String>> TEXTS = Map.of("de", Map.ofEntries(
			Map.entry("welcome.label", "Begrüßung"),
			Map.entry("welcome",
					"Hi, ich bin für dich da. Du hast nichts falsch gemacht. Erzähl mir in Ruhe, was passiert ist."),
			Map.entry("pay.label", "Nicht zahlen"),
			Map.entry("pay",
					"Bitte zahl nichts und schick keine weiteren Bilder. Zahlen beendet die Erpressung fast nie."),
			Map.entry("evidence.label", "Beweise sichern"),
			Map.entry("evidence",
					"Mach Screenshots vom Chat und vom Profil (keine Nacktbilder speichern!) und blockiere die Person danach."),
			Map.entry("minor.label", "%s (unter 18)"),
			Map.entry("minor",
					"Wenn du auf dem Bild unter 18 warst: Mit %s kannst du verhindern, dass es weiter verbreitet wird: %s"),
			Map.entry("adult.label", "%s (ab 18)"),
			Map.entry("adult", "Wenn du auf dem Bild 18 oder älter warst: %s hilft, die Verbreitung zu stoppen: %s"),
			Map.entry("line", "Du kannst dich auch an %s wenden: %s"), Map.entry("police.label", "Polizei"),
			Map.entry("police",
					"Das ist eine Straftat. Du kannst sie bei der Polizei anzeigen, in vielen Ländern auch online."),
			Map.entry("police.number", " Polizei (%s): %s"), Map.entry("crisis.label", "Krise"),
			Map.entry("crisis",
					"Wenn du gerade in Gefahr bist, ruf bitte %s an. Diese Stellen sind Tag und Nacht für dich da:"),
			Map.entry("crisis.line", "\n• %s: %s")), "en",
			Map.ofEntries(Map.entry("welcome.label", "Welcome"), Map.entry("welcome",
					"Hi, I'm here for you. You haven't done anything wrong. Tell me what happened, take your time."),
					Map.entry("pay.label", "Don't pay"),
					Map.entry("pay",
							"Please don't pay and don't send more pictures. Paying almost never ends the blackmail."),
					Map.entry("evidence.label", "Keep evidence"),
					Map.entry("evidence",
							"Take screenshots of the chat and the profile (never save nude images!), then block the person."),
					Map.entry("minor.label", "%s (under 18)"),
					Map.entry("minor", "If you were under 18 in the picture, %s helps stop it spreading: %s"),
					Map.entry("adult.label", "%s (18+)"),
					Map.entry("adult", "If you were 18 or older in the picture, %s helps stop it spreading: %s"),
					Map.entry("line", "You can also talk to %s: %s"), Map.entry("police.label", "Police"),
					Map.entry("police",
							"This is a crime. You can report it to the police; many countries have an online police station."),
					Map.entry("police.number", " Police (%s): %s"), Map.entry("crisis.label", "Crisis"),
					Map.entry("crisis",
							"If you are in danger right now, please call %s. These lines are there for you day and night:"),
					Map.entry("crisis.line", "\n• %s: %s")),
			"nl",
			Map.ofEntries(Map.entry("welcome.label", "Welkom"), Map.entry("welcome",
					"Hoi, ik ben er voor je. Je hebt niets verkeerd gedaan. Vertel me rustig wat er gebeurd is."),
					Map.entry("pay.label", "Niet betalen"),
					Map.entry("pay",
							"Betaal alsjeblieft niets en stuur geen foto's meer. Betalen maakt bijna nooit een einde aan de afpersing."),
					Map.entry("evidence.label", "Bewijs bewaren"),
					Map.entry("evidence",
							"Maak screenshots van de chat en het profiel (bewaar nooit naaktfoto's!) en blokkeer de persoon daarna."),
					Map.entry("minor.label", "%s (onder 18)"),
					Map.entry("minor",
							"Was je jonger dan 18 op de foto? Dan helpt %s om te stoppen dat hij verder verspreid wordt: %s"),
					Map.entry("adult.label", "%s (18+)"),
					Map.entry("adult", "Was je 18 of ouder op de foto? Dan helpt %s om de verspreiding te stoppen: %s"),
					Map.entry("line", "Je kunt ook terecht bij %s: %s"), Map.entry("police.label", "Politie"),
					Map.entry("police", "Dit is strafbaar. Je kunt aangifte doen bij de politie."),
					Map.entry("police.number", " Politie (%s): %s"), Map.entry("crisis.label", "Crisis"),
					Map.entry("crisis",
							"Ben je nu in gevaar? Bel dan meteen %s. Deze lijnen zijn er dag en nacht voor je:"),
					Map.entry("crisis.line", "\n• %s: %s")),
			"fr",
			Map.ofEntries(Map.entry("welcome.label", "Accueil"), Map.entry("welcome",
					"Salut, je suis là pour toi. Tu n'as rien fait de mal. Raconte-moi ce qui s'est passé, prends ton temps."),
					Map.entry("pay.label", "Ne pas payer"),
					Map.entry("pay",
							"Ne paie rien et n'envoie plus de photos, s'il te plaît. Payer ne met presque jamais fin au chantage."),
					Map.entry("evidence.label", "Garder des preuves"),
					Map.entry("evidence",
							"Fais des captures d'écran du chat et du profil (ne garde jamais de photos nues !), puis bloque la personne."),
					Map.entry("minor.label", "%s (moins de 18)"),
					Map.entry("minor", "Si tu avais moins de 18 ans sur la photo, %s aide à arrêter sa diffusion : %s"),
					Map.entry("adult.label", "%s (18+)"),
					Map.entry("adult", "Si tu avais 18 ans ou plus sur la photo, %s aide à arrêter sa diffusion : %s"),
					Map.entry("line", "Tu peux aussi contacter %s : %s"), Map.entry("police.label", "Police"),
					Map.entry("police", "C'est un délit. Tu peux porter plainte à la police."),
					Map.entry("police.number", " Police (%s) : %s"), Map.entry("crisis.label", "Crise"),
					Map.entry("crisis",
							"Si tu es en danger maintenant, appelle tout de suite le %s. Ces lignes sont là pour toi jour et nuit :"),
					Map.entry("crisis.line", "\n• %s : %s")),
			"ko",
			Map.ofEntries(Map.entry("welcome.label", "인사"),
					Map.entry("welcome", "안녕하세요, 제가 곁에 있을게요. 당신은 잘못한 게 없어요. 무슨 일이 있었는지 천천히 말해 주세요."),
					Map.entry("pay.label", "돈 보내지 않기"),
					Map.entry("pay", "돈을 보내지 말고 사진도 더 보내지 마세요. 돈을 보내도 협박은 거의 끝나지 않아요."),
					Map.entry("evidence.label", "증거 남기기"),
					Map.entry("evidence", "채팅과 프로필을 캡처하고(노출 사진은 절대 저장하지 마세요!) 그다음 상대를 차단하세요."),
					Map.entry("minor.label", "%s (18세 미만)"),
					Map.entry("minor", "사진 속 나이가 18세 미만이었다면, 더 퍼지는 걸 막아 주는 도구예요: %s %s"),
					Map.entry("adult.label", "%s (18세 이상)"),
					Map.entry("adult", "사진 속 나이가 18세 이상이었다면, 더 퍼지는 걸 막아 주는 도구예요: %s %s"),
					Map.entry("line", "%s에도 연락할 수 있어요: %s"), Map.entry("police.label", "경찰"),
					Map.entry("police", "이건 범죄예요. 경찰에 신고할 수 있어요."), Map.entry("police.number", " 경찰 (%s): %s"),
					Map.entry("crisis.label", "위기"),
					Map.entry("crisis", "지금 위험하다면 바로 %s에 전화해 주세요. 아래 상담 전화는 밤낮없이 열려 있어요:"),
					Map.entry("crisis.line", "\n• %s: %s")));

	private final Directory directory;

	CannedReplies(Directory directory) {
		this.directory = directory;
	}

	/**
	 * @param locale the chat's language ({@code de}, {@code en}, {@code nl}, {@code fr},
	 * {@code ko}; anything else: English)
	 * @param country the chat's country code, or {@code null}
	 * @param adult whether the user said they are 18 or older ({@code null}: unknown)
	 */
	List<Reply> of(String locale, String country, Boolean adult) {
		String lang = TEXTS.containsKey(locale) ? locale : "en";
		Map<String, String> t = TEXTS.get(lang);
		List<Reply> replies = new ArrayList<>();
		replies.add(new Reply(t.get("welcome.label"), t.get("welcome")));
		replies.add(crisis(t, lang, country));
		replies.add(new Reply(t.get("pay.label"), t.get("pay")));
		replies.add(new Reply(t.get("evidence.label"), t.get("evidence")));
		for (Resource tool : directory.find(country, Set.of(Resource.Kind.HASH), null, null, 4)) {
			String key = tool.imageAge() == Resource.ImageAge.ADULT ? "adult" : "minor";
			String name = tool.nameIn(lang);
			replies.add(new Reply(t.get(key + ".label").formatted(name), t.get(key).formatted(name, tool.url())));
		}
		Resource.AgeRange age = Boolean.TRUE.equals(adult) ? ADULT : YOUNG;
		for (Resource line : directory.find(country, lang, Set.of(Resource.Kind.COUNSELLING), age, null, false, 2)) {
			String name = line.nameIn(lang);
			replies.add(new Reply(name, t.get("line").formatted(name, contact(line, lang))));
		}
		Country place = directory.country(country);
		String police = t.get("police");
		if (place.police() != null) {
			police += t.get("police.number").formatted(place.nameIn(lang), place.police());
		}
		replies.add(new Reply(t.get("police.label"), police));
		return replies;
	}

	/**
	 * the emergency number and the country's crisis lines (the international ones when
	 * unknown), those in the chat's language first
	 */
	private Reply crisis(Map<String, String> t, String lang, String country) {
		StringBuilder text = new StringBuilder(t.get("crisis").formatted(directory.country(country).emergency()));
		for (Resource line : directory.find(country, lang, Set.of(Resource.Kind.CRISIS), null, null, false,
				CrisisHelp.LINES)) {
			text.append(t.get("crisis.line").formatted(line.nameIn(lang), contact(line, lang)));
		}
		return new Reply(t.get("crisis.label"), text.toString());
	}

	/** "116 111, https://… (Mo–Sa 14–20)" */
	static String contact(Resource line, String lang) {
		List<String> parts = new ArrayList<>();
		if (line.phone() != null) {
			parts.add(line.phone());
		}
		if (line.url() != null) {
			parts.add(line.url());
		}
		String hours = line.alwaysOpen() ? "24/7" : line.hoursIn(lang);
		return String.join(", ", parts) + (hours == null ? "" : " (" + hours + ")");
	}

}
