package org.scoutline.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DirectoryTests {

	static final Directory directory = ShippedDirectory.load();

	@Test
	void coversEveryCountryOfTheContentSpecWithEmergencyNumbersAndCrisisLines() {
		assertThat(directory.countryCodes()).contains("DE", "AT", "CH", "BE", "NL", "FR", "GB", "IE", "US", "CA", "AU",
				"KR", "INT");
		for (String code : directory.countryCodes()) {
			assertThat(directory.country(code).emergency()).as(code).isNotBlank();
			if (!code.equals(Directory.INTERNATIONAL)) {
				assertThat(directory.find(code, Set.of(Resource.Kind.CRISIS), null, null, 3)).as(code).isNotEmpty();
			}
		}
	}

	@Test
	void hashToolsFollowTheAgeInThePicture() {
		List<String> minor = names(directory.find("DE", EnumSet.of(Resource.Kind.HASH), null, true, 5));
		List<String> adult = names(directory.find("DE", EnumSet.of(Resource.Kind.HASH), null, false, 5));
		assertThat(minor).anyMatch(n -> n.contains("Take It Down")).noneMatch(n -> n.contains("StopNCII"));
		assertThat(adult).anyMatch(n -> n.contains("StopNCII")).noneMatch(n -> n.contains("Take It Down"));
		assertThat(names(directory.find("GB", EnumSet.of(Resource.Kind.HASH), null, true, 5)))
			.anyMatch(n -> n.contains("Report Remove"));
	}

	@Test
	void linesWithAnAgeLimitAreOnlyOfferedToThatAge() {
		Resource.AgeRange adult = new Resource.AgeRange(18, 25);
		List<Resource> forAdults = directory.find("GB",
				EnumSet.of(Resource.Kind.COUNSELLING, Resource.Kind.HOTLINE, Resource.Kind.HASH), adult, false, 20);
		assertThat(forAdults).allMatch(r -> r.ages() == null || r.ages().overlaps(adult));
		assertThat(names(forAdults)).noneMatch(n -> n.contains("Report Remove"));
	}

	@Test
	void anAdultsOnlyLineReachesAdultsAndNoMinor() {
		Resource.AgeRange adult = new Resource.AgeRange(18, 25);
		Resource.AgeRange teen = new Resource.AgeRange(13, 15);
		Set<Resource.Kind> counselling = EnumSet.of(Resource.Kind.COUNSELLING);
		assertThat(names(directory.find("GB", counselling, adult, null, 20))).anyMatch(n -> n.contains("Revenge Porn"));
		assertThat(names(directory.find("GB", counselling, teen, null, 20))).noneMatch(n -> n.contains("Revenge Porn"));
		assertThat(names(directory.find("DE", counselling, adult, null, 20))).contains("HateAid",
				"Hilfetelefon Gewalt gegen Frauen");
		assertThat(names(directory.find("DE", counselling, teen, null, 20))).doesNotContain("HateAid",
				"Hilfetelefon Gewalt gegen Frauen");
	}

	@Test
	void aParentsLineIsOfferedToParentsOnlyAndThemFirst() {
		Resource.AgeRange teen = new Resource.AgeRange(13, 15);
		Set<Resource.Kind> counselling = EnumSet.of(Resource.Kind.COUNSELLING);
		assertThat(names(directory.find("DE", counselling, teen, null, 20)))
			.noneMatch(n -> n.contains("Elterntelefon"));
		assertThat(names(directory.find("DE", counselling, teen, null, true, 2)).get(0)).contains("Elterntelefon");
	}

	@Test
	void namesAndDescriptionsComeInTheUsersLanguage() {
		Resource police = directory.resources("DE")
			.stream()
			.filter(r -> r.id().equals("de-polizei"))
			.findFirst()
			.orElseThrow();
		assertThat(police.nameIn("de")).isEqualTo("Polizei");
		assertThat(police.nameIn("en")).isEqualTo("Police");
		assertThat(police.aboutIn("en")).contains("police station").doesNotContain("Wache");
		assertThat(directory.platform("instagram")).hasValueSatisfying(p -> {
			assertThat(p.reportIn("de")).contains("Melden");
			assertThat(p.reportIn("en")).contains("Report");
			assertThat(p.inHashTools()).isTrue();
		});
		assertThat(directory.platform("whatsapp")).hasValueSatisfying(p -> assertThat(p.inHashTools()).isFalse());
		assertThat(directory.platform("other")).isEmpty();
	}

	@Test
	void anUnknownCountryFallsBackToInternationalEntries() {
		assertThat(directory.country("XX").code()).isEqualTo(Directory.INTERNATIONAL);
		assertThat(directory.find(null, EnumSet.of(Resource.Kind.HASH), null, null, 5)).isNotEmpty();
	}

	/**
	 * Country and language are separate: in Belgium a French speaker gets the French
	 * lines, a Dutch speaker the Dutch ones, both Child Focus; a German or English
	 * speaker all of them.
	 */
	@Test
	void aBelgianLineIsOfferedInTheLanguageItAnswersIn() {
		Set<Resource.Kind> talk = EnumSet.of(Resource.Kind.COUNSELLING, Resource.Kind.CRISIS);
		Resource.AgeRange teen = new Resource.AgeRange(13, 15);
		List<String> french = names(directory.find("BE", "fr", talk, teen, null, false, 20));
		List<String> dutch = names(directory.find("BE", "nl", talk, teen, null, false, 20));
		List<String> english = names(directory.find("BE", "en", talk, teen, null, false, 20));
		assertThat(french).contains("Child Focus", "Écoute-Enfants").doesNotContain("Awel");
		assertThat(dutch).contains("Child Focus", "Awel", "Zelfmoordlijn 1813").doesNotContain("Écoute-Enfants");
		assertThat(english).contains("Child Focus", "Awel", "Écoute-Enfants", "Zelfmoordlijn 1813");
	}

	/**
	 * The spec names no French-speaking suicide line for Belgium: the crisis card of a
	 * French speaker there still lists the one crisis line there is (its hours say it
	 * answers in Dutch), never nothing.
	 */
	@Test
	void aCrisisLineInAnotherLanguageIsKeptWhenThereIsNoneInTheUsersLanguage() {
		List<Resource> crisis = directory.find("BE", "fr", EnumSet.of(Resource.Kind.CRISIS), null, null, false, 3);
		assertThat(names(crisis)).containsExactly("Zelfmoordlijn 1813");
		assertThat(crisis.get(0).hoursIn("fr")).contains("néerlandais");
	}

	@Test
	void aKoreanSpeakerInKoreaGetsTheKoreanLinesWithTheirSources() {
		Set<Resource.Kind> all = EnumSet.of(Resource.Kind.COUNSELLING, Resource.Kind.CRISIS, Resource.Kind.REMOVAL);
		List<Resource> lines = directory.find("KR", "ko", all, new Resource.AgeRange(13, 15), null, false, 10);
		assertThat(lines).extracting(Resource::id).contains("kr-d4u", "kr-1388", "kr-109");
		assertThat(lines).allSatisfy(line -> {
			assertThat(line.source()).isNotBlank();
			assertThat(line.verifiedOn()).isNotNull();
		});
	}

	private static List<String> names(List<Resource> resources) {
		return resources.stream().map(Resource::name).toList();
	}

}
