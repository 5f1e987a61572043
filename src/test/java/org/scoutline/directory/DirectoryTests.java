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
		List<Resource> forAdults = directory.find("GB", EnumSet.of(Resource.Kind.COUNSELLING, Resource.Kind.HOTLINE,
				Resource.Kind.HASH), adult, false, 20);
		assertThat(forAdults).allMatch(r -> r.ages() == null || r.ages().overlaps(adult));
		assertThat(names(forAdults)).noneMatch(n -> n.contains("Report Remove"));
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
