package org.scoutline.dialogue;

import java.util.Map;

/**
 * Renders the triage script as a Mermaid flowchart: states with their questions, guarded
 * transitions.
 */
final class MermaidDiagram {

	private MermaidDiagram() {
	}

	static String render(TriageScript script, Texts texts, String locale) {
		StringBuilder out = new StringBuilder("flowchart TD\n");
		out.append("  classDef plan fill:#e6f4ea,stroke:#2e7d32\n");
		out.append("  classDef risk fill:#fdecea,stroke:#c62828\n");
		out.append("  ").append(node(TriageScript.RESUME)).append("([back to where the crisis signal came])\n");
		if (script.crisis() != null) {
			out.append("  crisis_signal{{crisis signal in any message}} -.-> ")
				.append(node(script.crisis()))
				.append('\n');
		}
		for (Map.Entry<String, TriageScript.StateDef> entry : script.states().entrySet()) {
			String id = entry.getKey();
			TriageScript.StateDef state = entry.getValue();
			String question = state.asks() ? texts.get(locale, state.ask()) : state.showsPlan() ? "action plan" : "";
			out.append("  ")
				.append(node(id))
				.append("[\"<b>")
				.append(id)
				.append("</b><br/>")
				.append(escape(shorten(question)))
				.append("\"]\n");
			if (state.showsPlan()) {
				out.append("  class ").append(node(id)).append(" plan\n");
			}
			if (state.risk() != null) {
				out.append("  class ").append(node(id)).append(" risk\n");
			}
			for (TriageScript.NextDef next : state.next()) {
				out.append("  ").append(node(id));
				out.append(next.when() == null ? " --> " : " -- \"" + escape(next.when()) + "\" --> ");
				out.append(node(next.to())).append('\n');
			}
		}
		return out.toString();
	}

	private static String node(String id) {
		return TriageScript.RESUME.equals(id) ? "resume" : "s_" + id;
	}

	private static String shorten(String text) {
		return text.length() > 80 ? text.substring(0, 77) + "..." : text;
	}

	private static String escape(String text) {
		return text.replace("\"", "#quot;").replace("\n", " ");
	}

}
