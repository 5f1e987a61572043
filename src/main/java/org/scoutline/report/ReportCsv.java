package org.scoutline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Session reports as CSV (RFC 4180: comma separated, CRLF line ends, a cell with a comma,
 * quote or line break in double quotes, quotes doubled). A cell that a spreadsheet would
 * run as a formula (starting with {@code = + - @}, a tab or a carriage return) gets a
 * leading apostrophe first: titles are typed by coordinators. One header line, then one
 * line per report; an {@code outcome_<name>} column for every outcome that occurs in the
 * reports.
 */
final class ReportCsv {

	static final List<String> COLUMNS = List.of("occurrence", "title", "start", "end", "escalations", "refused",
			"waited", "gave_up", "unreached", "chats", "crisis", "median_wait_s", "p90_wait_s", "median_chat_s");

	private static final String OUTCOME = "outcome_";

	private static final String REFUSED = "refused_";

	private static final String LINE_END = "\r\n";

	private ReportCsv() {
	}

	static String of(List<SessionReport> reports) {
		TreeSet<String> outcomes = new TreeSet<>();
		TreeSet<String> reasons = new TreeSet<>();
		reports.forEach(report -> outcomes.addAll(report.outcomes().keySet()));
		reports.forEach(report -> reasons.addAll(report.refusedBy().keySet()));
		StringBuilder csv = new StringBuilder();
		List<String> header = new ArrayList<>(COLUMNS);
		reasons.forEach(reason -> header.add(REFUSED + reason));
		outcomes.forEach(outcome -> header.add(OUTCOME + outcome));
		line(csv, header);
		for (SessionReport report : reports) {
			line(csv, row(report, reasons, outcomes));
		}
		return csv.toString();
	}

	private static List<String> row(SessionReport r, TreeSet<String> reasons, TreeSet<String> outcomes) {
		List<String> cells = new ArrayList<>(List.of(r.occurrence(), r.title(), text(r.start()), text(r.end()),
				text(r.escalations()), text(r.refused()), text(r.waited()), text(r.gaveUp()), text(r.unreached()),
				text(r.chats()), text(r.crisis()), text(r.medianWaitSeconds()), text(r.p90WaitSeconds()),
				text(r.medianChatSeconds())));
		reasons.forEach(reason -> cells.add(text(r.refusedBy().getOrDefault(reason, 0L))));
		outcomes.forEach(outcome -> cells.add(text(r.outcomes().getOrDefault(outcome, 0L))));
		return cells;
	}

	private static void line(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(cell(cells.get(i)));
		}
		csv.append(LINE_END);
	}

	/**
	 * @return the value as one CSV cell: neutralised as a formula, then quoted where RFC
	 * 4180 needs it
	 */
	static String cell(String value) {
		String cell = value == null ? "" : value;
		if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
			cell = "'" + cell;
		}
		if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
			return '"' + cell.replace("\"", "\"\"") + '"';
		}
		return cell;
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
