package org.scoutline.report;

import org.scoutline.schedule.LiveSessions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.scoutline.platform.ApiProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the sessions went, for coordinators: the reports of the occurrences that started in
 * the last {@code days} (default 60, at most 400) up to now, newest first, one report by
 * its occurrence key ({@code <session>:<second>}), and both as CSV downloads. Reports
 * hold counts and durations only, nothing about a person.
 */
@RestController
@RequestMapping("/console/api/sessions/reports")
class SessionReportsApi {

	static final int DEFAULT_DAYS = 60;

	static final int MOST_DAYS = 400;

	private static final Pattern OCCURRENCE = Pattern.compile("[A-Za-z0-9-]{1,64}:\\d{1,12}");

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final SessionReports reports;

	private final LiveSessions sessions;

	private final Clock clock;

	SessionReportsApi(SessionReports reports, LiveSessions sessions, Clock clock) {
		this.reports = reports;
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping
	List<ReportView> recent(@RequestParam(required = false) String days) {
		return inLastDays(days).stream().map(ReportView::of).toList();
	}

	@GetMapping("/csv")
	ResponseEntity<String> recentAsCsv(@RequestParam(required = false) String days) {
		List<SessionReport> recent = inLastDays(days);
		return csv(ReportCsv.of(recent), LocalDate.ofInstant(clock.instant(), sessions.defaultZone()));
	}

	@GetMapping("/{occurrence}")
	ReportView one(@PathVariable String occurrence) {
		return ReportView.of(find(occurrence));
	}

	@GetMapping("/{occurrence}/csv")
	ResponseEntity<String> oneAsCsv(@PathVariable String occurrence) {
		SessionReport report = find(occurrence);
		return csv(ReportCsv.of(List.of(report)), report.start().toLocalDate());
	}

	private List<SessionReport> inLastDays(String days) {
		Instant now = clock.instant();
		return reports.between(now.minus(Duration.ofDays(days(days))), now.plusSeconds(1));
	}

	private SessionReport find(String occurrence) {
		if (!OCCURRENCE.matcher(occurrence).matches()) {
			throw unknown();
		}
		return reports.report(occurrence).orElseThrow(SessionReportsApi::unknown);
	}

	/**
	 * @return the number of days asked for, {@link #DEFAULT_DAYS} when none
	 */
	static int days(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_DAYS;
		}
		try {
			int days = Integer.parseInt(value.strip());
			if (days >= 1 && days <= MOST_DAYS) {
				return days;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_days",
				"days must be a whole number from 1 to " + MOST_DAYS + " (the default is " + DEFAULT_DAYS + ")");
	}

	private static ApiProblem unknown() {
		return new ApiProblem(HttpStatus.NOT_FOUND, "unknown_report",
				"There is no report for that session date (reports are kept for " + SessionReports.KEEP.toDays()
						+ " days).");
	}

	private static ResponseEntity<String> csv(String body, LocalDate date) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition",
					ContentDisposition.attachment().filename("scoutline-report-" + date + ".csv").build().toString())
			.body(body);
	}

}
