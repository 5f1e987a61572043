package org.scoutline.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads {@code config/triage.yml}; a file that is not even well-formed is refused with
 * its line and column.
 */
final class ScriptLoader {

	private ScriptLoader() {
	}

	static TriageScript load(Resource resource) {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
		try (InputStream in = resource.getInputStream()) {
			TriageScript script = yaml.readValue(in, TriageScript.class);
			if (script == null) {
				throw new InvalidScriptException(List.of(name(resource) + ": the file is empty"));
			}
			return script;
		}
		catch (JsonProcessingException ex) {
			throw new InvalidScriptException(List.of(name(resource) + ": " + where(ex) + reason(ex)));
		}
		catch (IOException ex) {
			throw new InvalidScriptException(List.of(name(resource) + ": cannot be read (" + ex.getMessage() + ")"));
		}
	}

	static String name(Resource resource) {
		if (resource instanceof ClassPathResource classPath) {
			return classPath.getPath();
		}
		try {
			return resource.isFile() ? Path.of(resource.getURI()).toString() : resource.getDescription();
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
	}

	private static String reason(JsonProcessingException ex) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return "unknown field '" + unknown.getPropertyName() + "', expected one of "
					+ unknown.getKnownPropertyIds();
		}
		return ex.getOriginalMessage();
	}

	private static String where(JsonProcessingException ex) {
		StringBuilder place = new StringBuilder();
		if (ex instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			for (JsonMappingException.Reference ref : mapping.getPath()) {
				if (ref.getFieldName() != null) {
					place.append(place.isEmpty() ? "" : ".").append(ref.getFieldName());
				}
				else {
					place.append('[').append(ref.getIndex()).append(']');
				}
			}
			place.append(' ');
		}
		JsonLocation location = ex.getLocation();
		if (location != null) {
			place.append("(near line ").append(location.getLineNr()).append(")");
		}
		return place.toString().strip() + ": ";
	}

}
