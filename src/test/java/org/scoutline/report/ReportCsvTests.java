package org.scoutline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CSV cells as RFC 4180 wants them, formulas neutralised, outcome columns for every
 * outcome that occurs.
 */
class ReportCsvTests {

	@ParameterizedTest(name = "[{0}] -> [{1}]")
	@CsvSource(delimiter = '|', quoteCharacter = '~',
			value = { "Evening|Evening", "Tuesday, Thursday|~\"Tuesday, Thursday\"~",
					"The \"big\" one|~\"The \"\"big\"\" one\"~", "=1+1|'=1+1", "+49 30|'+49 30", "-3|'-3",
					"@SUM(A1)|'@SUM(A1)", "=HYPERLINK(\"x\",\"y\")|~\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"~",
					"a = b|a = b" })
	void escapesCellsAndNeutralisesFormulas(String value, String cell) {
		assertThat(ReportCsv.cell(value)).isEqualTo(cell);
	}

	@Test
	void lineBreaksStayInsideOneQuotedCell() {
		assertThat(ReportCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(ReportCsv.cell("\rstart")).isEqualTo("\"'\rstart\"");
		assertThat(ReportCsv.cell("\tstart")).isEqualTo("'\tstart");
		assertThat(ReportCsv.cell(null)).isEmpty();
	}

	@Test
	void oneHeaderLineAndOneLinePerReportWithEveryOutcomeAsAColumn() {
		OffsetDateTime start = OffsetDateTime.parse("2026-02-10T19:00+01:00");
		SessionReport first = new SessionReport("s1:1", "s1", "Evening", start, start.plusHours(2), 5, 1, 4, 1, 0, 3, 1,
				60L, 120L, 900L, Map.of("helped", 2L), Map.of("limited", 1L));
		SessionReport second = new SessionReport("s2:2", "s2", "Morning", start, start.plusHours(1), 0, 0, 0, 0, 0, 0,
				0, null, null, null, Map.of("referred", 1L), Map.of());
		String csv = ReportCsv.of(List.of(first, second));
		assertThat(csv).endsWith("\r\n");
		assertThat(csv.split("\r\n")).containsExactly(
				"occurrence,title,start,end,escalations,refused,waited,gave_up,unreached,chats,crisis,median_wait_s,"
						+ "p90_wait_s,median_chat_s,refused_limited,outcome_helped,outcome_referred",
				"s1:1,Evening,2026-02-10T19:00+01:00,2026-02-10T21:00+01:00,5,1,4,1,0,3,1,60,120,900,1,2,0",
				"s2:2,Morning,2026-02-10T19:00+01:00,2026-02-10T20:00+01:00,0,0,0,0,0,0,0,,,,0,0,1");
	}

	@Test
	void withoutReportsOnlyTheHeader() {
		assertThat(ReportCsv.of(List.of())).isEqualTo(String.join(",", ReportCsv.COLUMNS) + "\r\n");
	}

}
