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

	private static List<String> names(List<Resource> resources) {
		return resources.stream().map(Resource::name).toList();
	}

}
