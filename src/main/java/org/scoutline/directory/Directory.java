package org.scoutline.directory;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

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
		FileModel model = read(settings);
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
		String code = countries.containsKey(country) ? country : INTERNATIONAL;
		List<Resource> found = new ArrayList<>();
		for (Resource.Kind kind : kinds) {
			List<Resource> local = matching(code, kind, age, minorInImage, forParents);
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

	private static boolean fitsImage(Resource resource, Boolean minorInImage) {
		return minorInImage == null || resource.imageAge() == Resource.ImageAge.ANY
				|| resource.imageAge() == (minorInImage ? Resource.ImageAge.MINOR : Resource.ImageAge.ADULT);
	}

	private static FileModel read(DirectorySettings settings) {
		ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
			.addModule(new JavaTimeModule())
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		try (InputStream in = settings.file().getInputStream()) {
			return yaml.readValue(in, FileModel.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(settings.file().getDescription() + " is not valid: " + ex.getMessage(), ex);
		}
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	record FileModel(Map<String, CountryEntry> countries, Map<String, PlatformEntry> platforms) {

		Map<String, PlatformEntry> platformsOrEmpty() {
			return platforms == null ? Map.of() : platforms;
		}

	}

	record PlatformEntry(String name, Map<String, String> report, @JsonProperty("help_url") String helpUrl,
			@JsonProperty("in_hash_tools") boolean inHashTools, String source,
			@JsonProperty("verified_on") LocalDate verifiedOn) {

		Platform toPlatform(String id, String place) {
			require(name != null, place + ": name is required");
			require(report != null && report.containsKey("en"), place + ": report.en is missing");
			require(helpUrl != null && helpUrl.startsWith("https://"), place + ": help_url (https) is missing");
			require(source != null, place + ": source is missing");
			require(verifiedOn != null, place + ": verified_on is missing");
			return new Platform(id, name, Map.copyOf(report), helpUrl, inHashTools, source, verifiedOn);
		}

	}

	record CountryEntry(Map<String, String> name, String emergency, String police, String zone,
			List<ResourceEntry> resources) {

		List<ResourceEntry> resourcesOrEmpty() {
			return resources == null ? List.of() : resources;
		}

	}

	/**
	 * An age limit as written: {@code {min: 18}} has no upper end, {@code {max: 17}} no
	 * lower one.
	 */
	record AgesEntry(Integer min, Integer max) {

		Resource.AgeRange toRange() {
			return new Resource.AgeRange(min == null ? 0 : min, max == null ? Resource.AgeRange.OLDEST : max);
		}

	}

	/**
	 * @param name a text (the same in every language) or a map of the name per locale
	 * with at least {@code en}
	 */
	record ResourceEntry(String id, JsonNode name, Map<String, String> about, Set<Resource.Kind> kinds, AgesEntry ages,
			@JsonProperty("image_age") Resource.ImageAge imageAge, Resource.Audience audience, String phone, String sms,
			String url, Map<String, String> hours, @JsonProperty("always_open") boolean alwaysOpen, String source,
			@JsonProperty("verified_on") LocalDate verifiedOn) {

		Resource toResource(String place) {
			require(id != null && name != null, place + ": id and name are required");
			require(kinds != null && !kinds.isEmpty(), place + " (" + id + "): kinds is missing");
			require(source != null, place + " (" + id + "): source is missing");
			require(verifiedOn != null, place + " (" + id + "): verified_on is missing");
			Map<String, String> names = names(place);
			String plain = name.isTextual() ? name.asText() : names.get("en");
			return new Resource(id, plain, names, about == null ? Map.of() : Map.copyOf(about), Set.copyOf(kinds),
					ages == null ? null : ages.toRange(), imageAge == null ? Resource.ImageAge.ANY : imageAge,
					audience == null ? Resource.Audience.ANYONE : audience, phone, sms, url,
					hours == null ? Map.of() : Map.copyOf(hours), alwaysOpen, source, verifiedOn);
		}

		private Map<String, String> names(String place) {
			if (name.isTextual()) {
				return Map.of();
			}
			require(name.isObject() && name.hasNonNull("en"), place + " (" + id + "): name is a text or a map with en");
			Map<String, String> names = new LinkedHashMap<>();
			name.fields().forEachRemaining(field -> names.put(field.getKey(), field.getValue().asText()));
			return Map.copyOf(names);
		}

	}

}
