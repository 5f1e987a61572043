package org.scoutline.directory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Helplines and resources by country, and the platforms users name with how to report
 * there. Entries of a kind the user's country lacks come from {@code INT}; hash tools
 * from {@code INT} (they work worldwide) are always offered. The file is checked at
 * start-up: every entry needs a name, a kind, a source and a {@code verified_on} date (a
 * phone number, text number or address where the source gives one); every platform a
 * name, a reporting path, a help page, a source and a {@code verified_on} date.
 */
@Component
public class Directory {

	/** the pseudo-country used when the country is unknown */
	public static final String INTERNATIONAL = "INT";

	private final Map<String, Country> countries = new LinkedHashMap<>();

	private final Map<String, List<Resource>> resources = new LinkedHashMap<>();

	private final Map<String, Platform> platforms = new LinkedHashMap<>();

	Directory(DirectorySettings settings) {
		String file = settings.file().getDescription();
		DirectoryFile.FileModel model = DirectoryFile.read(settings);
		model.countries().forEach((code, entry) -> {
			String place = file + ": countries." + code;
			require(entry.emergency() != null, place + ".emergency is missing");
			require(entry.name() != null && entry.name().containsKey("en"), place + ".name.en is missing");
			countries.put(code, new Country(code, entry.name(), entry.emergency(), entry.police(),
					zone(entry.zone(), place + ".zone")));
			List<Resource> list = new ArrayList<>();
			for (int i = 0; i < entry.resourcesOrEmpty().size(); i++) {
				list.add(entry.resourcesOrEmpty().get(i).toResource(place + ".resources[" + i + "]"));
			}
			resources.put(code, List.copyOf(list));
		});
		require(countries.containsKey(INTERNATIONAL), file + ": countries.INT is missing");
		model.platformsOrEmpty()
			.forEach((id, entry) -> platforms.put(id, entry.toPlatform(id, file + ": platforms." + id)));
	}

	private static ZoneId zone(String value, String place) {
		if (value == null) {
			return null;
		}
		try {
			return ZoneId.of(value);
		}
		catch (java.time.DateTimeException ex) {
			throw new IllegalStateException(place + ": unknown time zone '" + value + "'");
		}
	}

	/**
	 * @return the country with this code, or {@code INT} when it is unknown
	 */
	public Country country(String code) {
		return Optional.ofNullable(code).map(countries::get).orElse(countries.get(INTERNATIONAL));
	}

	/**
	 * @return every country code in the directory, {@code INT} included
	 */
	public Set<String> countryCodes() {
		return countries.keySet();
	}

	/**
	 * @return the platform with this id ({@code instagram}), if the directory knows how
	 * to report there
	 */
	public Optional<Platform> platform(String id) {
		return Optional.ofNullable(id).map(platforms::get);
	}

	/**
	 * @return every platform id in the directory
	 */
	public Set<String> platformIds() {
		return platforms.keySet();
	}

	/**
	 * @return every entry of a country ({@code INT} included), in file order
	 */
	public List<Resource> resources(String country) {
		return resources.getOrDefault(country, List.of());
	}

	/**
	 * @param country the user's country code, or {@code null}
	 * @param kinds what is wanted
	 * @param age the person's current age range, or {@code null} when unknown
	 * @param minorInImage whether the image shows a minor ({@code null}: unknown, both
	 * tools fit)
	 * @param limit the most entries to return
	 * @return matching entries, lines open day and night first within each kind (for
	 * parents: parents' lines first)
	 */
	public List<Resource> find(String country, Set<Resource.Kind> kinds, Resource.AgeRange age, Boolean minorInImage,
			int limit) {
		return find(country, kinds, age, minorInImage, false, limit);
	}

	/**
	 * @param forParents whether a parent helping their child asks: parents' lines are
	 * offered only then
	 * @see #find(String, Set, Resource.AgeRange, Boolean, int)
	 */
	public List<Resource> find(String country, Set<Resource.Kind> kinds, Resource.AgeRange age, Boolean minorInImage,
			boolean forParents, int limit) {
		return find(country, null, kinds, age, minorInImage, forParents, limit);
	}

	/**
	 * Country and language are separate: where a country's lines answer in different
	 * languages ({@code languages}), a user who speaks one of them gets the lines in
	 * their language, and a line in another language only when no line of that kind
	 * speaks theirs; a user who speaks none of them gets all.
	 * @param locale the user's language, or {@code null} for every language
	 * @see #find(String, Set, Resource.AgeRange, Boolean, int)
	 */
	public List<Resource> find(String country, String locale, Set<Resource.Kind> kinds, Resource.AgeRange age,
			Boolean minorInImage, boolean forParents, int limit) {
		String code = countries.containsKey(country) ? country : INTERNATIONAL;
		List<Resource> found = new ArrayList<>();
		for (Resource.Kind kind : kinds) {
			List<Resource> local = inLanguage(code, locale, matching(code, kind, age, minorInImage, forParents));
			found.addAll(local);
			if (!code.equals(INTERNATIONAL) && (local.isEmpty() || kind == Resource.Kind.HASH)) {
				matching(INTERNATIONAL, kind, age, minorInImage, forParents).stream()
					.filter(r -> !found.contains(r))
					.forEach(found::add);
			}
		}
		return found.stream().distinct().limit(limit).toList();
	}

	private List<Resource> matching(String code, Resource.Kind kind, Resource.AgeRange age, Boolean minorInImage,
			boolean forParents) {
		return resources.getOrDefault(code, List.of())
			.stream()
			.filter(r -> r.kinds().contains(kind))
			.filter(r -> forParents || r.audience() != Resource.Audience.PARENTS)
			.filter(r -> r.ages() == null || r.ages().overlaps(age))
			.filter(r -> kind != Resource.Kind.HASH || fitsImage(r, minorInImage))
			.sorted(Comparator.comparing((Resource r) -> forParents && r.audience() != Resource.Audience.PARENTS)
				.thenComparing(r -> !r.alwaysOpen()))
			.toList();
	}

	private List<Resource> inLanguage(String code, String locale, List<Resource> lines) {
		boolean spoken = locale != null
				&& resources.getOrDefault(code, List.of()).stream().anyMatch(r -> r.languages().contains(locale));
		if (!spoken) {
			return lines;
		}
		List<Resource> theirs = lines.stream()
			.filter(r -> r.languages().isEmpty() || r.languages().contains(locale))
			.toList();
		return theirs.isEmpty() ? lines : theirs;
	}

	private static boolean fitsImage(Resource resource, Boolean minorInImage) {
		return minorInImage == null || resource.imageAge() == Resource.ImageAge.ANY
				|| resource.imageAge() == (minorInImage ? Resource.ImageAge.MINOR : Resource.ImageAge.ADULT);
	}

	static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

}
