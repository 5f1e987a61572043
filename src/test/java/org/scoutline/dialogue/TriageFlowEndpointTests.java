package org.scoutline.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scoutline.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The flow diagram for the counselling team, and the plain HTTP answers around it. */
@IntegrationTest
class TriageFlowEndpointTests {

	@Autowired
	TestRestTemplate http;

	@Test
	void rendersTheFlowAsMermaid() {
		ResponseEntity<String> flow = http.getForEntity("/triage/flow.mmd", String.class);
		assertThat(flow.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(flow.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
		assertThat(flow.getBody()).startsWith("flowchart TD")
			.contains("s_welcome --> s_situation")
			.contains("s_situation -- \"situation == 'E'\" --> s_helper_role")
			.contains("crisis_signal{{")
			.contains("class s_plan plan");
	}

	@Test
	void unknownPathsAndUploadsGetAJsonErrorWithoutAStackTrace() {
		ResponseEntity<String> missing = http.getForEntity("/no/such/page", String.class);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<String> upload = http.postForEntity("/chat/upload", "fake image bytes", String.class);
		assertThat(upload.getStatusCode().is4xxClientError()).isTrue();
		assertThat(upload.getBody()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void healthIncludesRedis() {
		ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).contains("\"status\":\"UP\"");
	}

}
