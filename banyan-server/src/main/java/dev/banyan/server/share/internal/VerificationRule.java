package dev.banyan.server.share.internal;

import dev.banyan.server.platform.InputProblem;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelVariableResolver;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A verification rule compiled once per service version (核验规则引擎): the CEL {@code rule} and the ordered
 * {@code reasons}, type-checked against the facts' types and the subject's built-in variables, then evaluated per
 * subject from the facts' values. Plain Java, no Spring; thread-safe, so that a batch evaluates on every core.
 *
 * <p>Built-in variables: {@code subject} (the standardised identity number), {@code age} (whole years on
 * {@code today}, from the birth date in the identity number), {@code birth_date} and {@code today}
 * ({@code YYYY-MM-DD}), {@code sex} ({@code "M"} or {@code "F"}). Function: {@code years_between(from, to)}, whole years
 * between two {@code YYYY-MM-DD} dates (0 if either is empty or not a date). Numbers of both kinds compare with each
 * other ({@code income < 36000} with a double {@code income}).
 */
final class VerificationRule {

    /** The reason of a no when no reason's condition holds. */
    static final String NOT_MET = "RULE_NOT_MET";

    static final List<String> BUILT_INS = List.of("subject", "age", "birth_date", "sex", "today");

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    // CEL's reserved words may not name a variable.
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const", "continue",
            "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void",
            "while", "int", "uint", "double", "bool", "string", "bytes", "list", "map", "type", "dyn", "has", "all",
            "exists", "exists_one", "filter", "years_between");

    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final String YEARS_BETWEEN = "years_between_string_string";
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS)
            .addFunctionBindings(CelFunctionBinding.from(YEARS_BETWEEN, String.class, String.class,
                    (from, to) -> (long) yearsBetween(from, to)))
            .build();

    private final List<String> factNames;
    private final Map<String, Integer> variables = new HashMap<>();
    private final FactType[] types;
    private final CelRuntime.Program rule;
    private final List<Map.Entry<String, CelRuntime.Program>> reasons;

    private VerificationRule(List<String> factNames, FactType[] types, CelRuntime.Program rule,
                             List<Map.Entry<String, CelRuntime.Program>> reasons) {
        this.factNames = List.copyOf(factNames);
        this.types = types;
        this.rule = rule;
        this.reasons = List.copyOf(reasons);
        for (int i = 0; i < BUILT_INS.size(); i++) {
            variables.put(BUILT_INS.get(i), -1 - i);
        }
        for (int i = 0; i < factNames.size(); i++) {
            variables.put(factNames.get(i), i);
        }
    }

    /**
     * Compiles a rule, adding every problem to {@code problems} (at {@code verification.rule},
     * {@code verification.reasons.CODE}).
     *
     * @param facts the facts' names and types, in the order their values will be given to {@link #evaluate}
     * @return the rule, or empty if there was a problem
     */
    static Optional<VerificationRule> compile(String rule, Map<String, String> reasons, Map<String, FactType> facts,
                                              List<InputProblem> problems) {
        int before = problems.size();
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
                .addVar("subject", SimpleType.STRING).addVar("age", SimpleType.INT)
                .addVar("birth_date", SimpleType.STRING).addVar("sex", SimpleType.STRING)
                .addVar("today", SimpleType.STRING)
                .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration("years_between",
                        CelOverloadDecl.newGlobalOverload(YEARS_BETWEEN, SimpleType.INT, SimpleType.STRING, SimpleType.STRING)));
        facts.forEach((name, type) -> builder.addVar(name, type.celType()));
        CelCompiler compiler = builder.build();

        CelRuntime.Program ruleProgram = program(compiler, rule, "verification.rule", problems);
        List<Map.Entry<String, CelRuntime.Program>> reasonPrograms = new ArrayList<>();
        reasons.forEach((code, condition) -> {
            String at = "verification.reasons." + code;
            if (code == null || !REASON_CODE.matcher(code).matches()) {
                problems.add(new InputProblem(at, "share.verification.error.reason.code", new Object[] {code}));
                return;
            }
            CelRuntime.Program p = program(compiler, condition, at, problems);
            if (p != null) {
                reasonPrograms.add(Map.entry(code, p));
            }
        });
        if (problems.size() > before || ruleProgram == null) {
            return Optional.empty();
        }
        return Optional.of(new VerificationRule(new ArrayList<>(facts.keySet()),
                facts.values().toArray(FactType[]::new), ruleProgram, reasonPrograms));
    }

    /** Whether a fact may have this name: a CEL identifier, neither reserved nor a built-in variable. */
    static boolean validFactName(String name) {
        return name != null && NAME.matcher(name).matches() && !RESERVED.contains(name) && !BUILT_INS.contains(name);
    }

    private static CelRuntime.Program program(CelCompiler compiler, String expression, String at,
                                              List<InputProblem> problems) {
        if (expression == null || expression.isBlank()) {
            problems.add(new InputProblem(at, "error.required", new Object[0]));
            return null;
        }
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            problems.add(new InputProblem(at, "share.verification.error.cel", new Object[] {result.getErrorString()}));
            return null;
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            if (!ast.getResultType().equals(SimpleType.BOOL)) {
                problems.add(new InputProblem(at, "share.verification.error.notBool", new Object[] {ast.getResultType().name()}));
                return null;
            }
            return RUNTIME.createProgram(ast);
        } catch (dev.cel.common.CelValidationException | CelEvaluationException e) {
            problems.add(new InputProblem(at, "share.verification.error.cel", new Object[] {e.getMessage()}));
            return null;
        }
    }

    List<String> factNames() {
        return factNames;
    }

    FactType type(int fact) {
        return types[fact];
    }

    /**
     * Evaluates the rule for one subject.
     *
     * @param subject a valid, standardised 18-character identity number
     * @param facts   the facts' values in the order of {@link #factNames()}, as {@link FactType#fromJdbc} gives them
     * @param today   the day of the verification (China Standard Time)
     * @throws CelEvaluationException if the rule fails at run time (e.g. a division by zero)
     */
    VerificationResult evaluate(String subject, Object[] facts, LocalDate today) throws CelEvaluationException {
        Subject s = new Subject(subject, today);
        CelVariableResolver resolver = name -> {
            Integer i = variables.get(name);
            if (i == null) {
                return Optional.empty();
            }
            if (i >= 0) {
                Object v = facts[i];
                return Optional.of(v == null ? types[i].zero() : v);
            }
            return Optional.of(s.builtIn(-1 - i));
        };
        if (Boolean.TRUE.equals(rule.eval(resolver))) {
            return VerificationResult.YES;
        }
        for (Map.Entry<String, CelRuntime.Program> reason : reasons) {
            if (Boolean.TRUE.equals(reason.getValue().eval(resolver))) {
                return VerificationResult.no(reason.getKey());
            }
        }
        return VerificationResult.no(NOT_MET);
    }

    /** Evaluates with facts by name (tests, single calls); a fact left out is its zero value. */
    VerificationResult evaluate(String subject, Map<String, ?> facts, LocalDate today) throws CelEvaluationException {
        Object[] values = new Object[factNames.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = facts.get(factNames.get(i));
            values[i] = v == null ? null : types[i].fromJdbc(v);
        }
        return evaluate(subject, values, today);
    }

    /** Whole years from one {@code YYYY-MM-DD} date to another; 0 if either is not a date. */
    static int yearsBetween(String from, String to) {
        try {
            return Period.between(LocalDate.parse(date(from)), LocalDate.parse(date(to))).getYears();
        } catch (DateTimeParseException | NullPointerException e) {
            return 0;
        }
    }

    private static String date(String s) {
        return s != null && s.length() > 10 ? s.substring(0, 10) : s;
    }

    /** The built-in variables of one subject, computed on first use. */
    private static final class Subject {

        private final String id;
        private final LocalDate today;
        private LocalDate birth;

        Subject(String id, LocalDate today) {
            this.id = id;
            this.today = today;
        }

        Object builtIn(int i) {
            return switch (i) {
                case 0 -> id;
                case 1 -> (long) Period.between(birth(), today).getYears();
                case 2 -> birth().toString();
                case 3 -> (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
                default -> today.toString();
            };
        }

        private LocalDate birth() {
            if (birth == null) {
                birth = LocalDate.of(Integer.parseInt(id, 6, 10, 10), Integer.parseInt(id, 10, 12, 10),
                        Integer.parseInt(id, 12, 14, 10));
            }
            return birth;
        }
    }

    /** For the console and docs: the facts with their CEL types, in order. */
    Map<String, FactType> facts() {
        Map<String, FactType> m = new LinkedHashMap<>();
        for (int i = 0; i < factNames.size(); i++) {
            m.put(factNames.get(i), types[i]);
        }
        return m;
    }
}
