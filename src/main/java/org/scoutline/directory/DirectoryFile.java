package org.scoutline.directory;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The directory file ({@code config/directory.yml}) as it is written: countries with
 * their resources, platforms with their report and help pages, each with its source and
 * the date it was last checked. {@link Directory} checks and indexes what is read here.
 */
final class DirectoryFile {

	private DirectoryFile() {
	}

	static FileModel read(DirectorySettings settings) {
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

	record FileModel(Map<String, CountryEntry> countries, Map<String, PlatformEntry> platforms) {

		Map<String, PlatformEntry> platformsOrEmpty() {
			return platforms == null ? Map.of() : platforms;
		}

	}

	record PlatformEntry(String name, Map<String, String> report, @JsonProperty("help_url") String helpUrl,
			@JsonProperty("in_hash_tools") boolean inHashTools, String source,
			@JsonProperty("verified_on") LocalDate verifiedOn, Set<String> languages) {

		Platform toPlatform(String id, String place) {
			Directory.require(name != null, place + ": name is required");
			Directory.require(report != null && report.containsKey("en"), place + ": report.en is missing");
			Directory.require(helpUrl != null && helpUrl.startsWith("https://"),
					place + ": help_url (https) is missing");
			Directory.require(source != null, place + ": source is missing");
			Directory.require(verifiedOn != null, place + ": verified_on is missing");
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
			@JsonProperty("verified_on") LocalDate verifiedOn, Set<String> languages) {

		Resource toResource(String place) {
			Directory.require(id != null && name != null, place + ": id and name are required");
			Directory.require(kinds != null && !kinds.isEmpty(), place + " (" + id + "): kinds is missing");
			Directory.require(source != null, place + " (" + id + "): source is missing");
			Directory.require(verifiedOn != null, place + " (" + id + "): verified_on is missing");
			Map<String, String> names = names(place);
			String plain = name.isTextual() ? name.asText() : names.get("en");
			return new Resource(id, plain, names, about == null ? Map.of() : Map.copyOf(about), Set.copyOf(kinds),
					ages == null ? null : ages.toRange(), imageAge == null ? Resource.ImageAge.ANY : imageAge,
					audience == null ? Resource.Audience.ANYONE : audience, phone, sms, url,
					hours == null ? Map.of() : Map.copyOf(hours), alwaysOpen, source, verifiedOn,
					languages == null ? Set.of() : Set.copyOf(languages));
		}

		private Map<String, String> names(String place) {
			if (name.isTextual()) {
				return Map.of();
			}
			Directory.require(name.isObject() && name.hasNonNull("en"),
					place + " (" + id + "): name is a text or a map with en");
			Map<String, String> names = new LinkedHashMap<>();
			name.fields().forEachRemaining(field -> names.put(field.getKey(), field.getValue().asText()));
			return Map.copyOf(names);
		}

	}

}
