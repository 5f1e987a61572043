package org.scoutline.dialogue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Guards over the facts: a small, safe subset of the Spring Expression Language
 * ({@code ==}, {@code !=}, {@code and}, {@code or}, {@code not}, {@code matches},
 * literals and fact names). Method calls, types, assignments and the like are refused
 * when the script is loaded. A fact never set reads as {@code null}.
 */
final class FactGuards {

	private static final Set<String> ALLOWED_NODES = Set.of("PropertyOrFieldReference", "StringLiteral", "NullLiteral",
			"BooleanLiteral", "IntLiteral", "OpEQ", "OpNE", "OpAnd", "OpOr", "OperatorNot", "OperatorMatches");

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	private static final EvaluationContext CONTEXT = SimpleEvaluationContext.forPropertyAccessors(new FactAccessor())
		.build();

	private FactGuards() {
	}

	/**
	 * @throws IllegalArgumentException with the reason when the guard does not parse or
	 * is not allowed
	 */
	static Expression compile(String guard) {
		SpelExpression expression;
		try {
			expression = PARSER.parseRaw(guard);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("does not parse: " + ex.getSimpleMessage());
		}
		check(expression.getAST());
		return expression;
	}

	/**
	 * @return the fact names a compiled guard reads
	 */
	static Set<String> factNames(Expression guard) {
		Set<String> names = new TreeSet<>();
		collect(((SpelExpression) guard).getAST(), names);
		return names;
	}

	private static void collect(SpelNode node, Set<String> names) {
		if (node instanceof PropertyOrFieldReference reference) {
			names.add(reference.getName());
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			collect(node.getChild(i), names);
		}
	}

	/**
	 * @return whether the guard holds; an expression that fails to evaluate (e.g. matches
	 * on null) is false
	 */
	static boolean holds(Expression guard, Map<String, String> facts) {
		try {
			return Boolean.TRUE.equals(guard.getValue(CONTEXT, new FactView(facts), Boolean.class));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static void check(SpelNode node) {
		String type = node.getClass().getSimpleName();
		if (!ALLOWED_NODES.contains(type)) {
			throw new IllegalArgumentException("uses '" + node.toStringAST() + "' (" + type
					+ "); only fact names, quoted strings, ==, !=, and, or, not and matches are allowed");
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			check(node.getChild(i));
		}
	}

	/** The facts plus the derived facts of {@code docs/triage-script.md}. */
	record FactView(Map<String, String> facts) {

		String get(String name) {
			return switch (name) {
				case Facts.MINOR_NOW -> Facts.minorNow(facts);
				case Facts.MINOR_IN_IMAGE -> Facts.minorInImage(facts);
				default -> facts.get(name);
			};
		}

	}

	static final class FactAccessor implements PropertyAccessor {

		@Override
		public Class<?>[] getSpecificTargetClasses() {
			return new Class<?>[] { FactView.class };
		}

		@Override
		public boolean canRead(EvaluationContext context, Object target, String name) {
			return target instanceof FactView;
		}

		@Override
		public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
			return new TypedValue(((FactView) target).get(name));
		}

		@Override
		public boolean canWrite(EvaluationContext context, Object target, String name) {
			return false;
		}

		@Override
		public void write(EvaluationContext context, Object target, String name, Object newValue)
				throws AccessException {
			throw new AccessException("facts are read-only in guards");
		}

	}

}
