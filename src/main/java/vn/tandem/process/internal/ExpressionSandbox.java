package vn.tandem.process.internal;

import java.beans.FeatureDescriptor;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The run-time half of "deploying BPMN is deploying code": sits in front of every other EL resolver of the engine
 * and refuses, on every evaluation (deployment, run time, queries), any method call or property read that is not
 * on the allowlisted beans' allowlisted methods or a read method of a plain value type — strings, numbers,
 * booleans, dates and java.time values, collections and maps, enums, and the read methods of the engine's
 * {@code execution} and {@code task}. So {@code getClass}, the {@code class} property, reflection, class loaders,
 * {@code Runtime}, {@code ProcessBuilder}, {@code System}, threads, script engines, JNDI, method handles and the
 * engine's services are out of reach whatever an expression looks like. Writing through an expression
 * ({@code a.b = x}, a map put) is refused as well.
 */
final class ExpressionSandbox extends ELResolver {

    /** Thrown for a refused call or read; the engine reports it as an expression evaluation error. */
    static final class Refused extends ELException {

        Refused(String what, Object base) {
            super(what + " on " + (base == null ? "null" : base.getClass().getSimpleName())
                    + " is not allowed in Tandem expressions");
        }
    }

    private static final Set<String> ANY = Set.of("toString", "equals", "hashCode", "compareTo");
    private static final Set<String> STRING = Set.of(
            "length",
            "isEmpty",
            "isBlank",
            "contains",
            "startsWith",
            "endsWith",
            "indexOf",
            "lastIndexOf",
            "substring",
            "toUpperCase",
            "toLowerCase",
            "trim",
            "strip",
            "charAt",
            "equalsIgnoreCase",
            "compareToIgnoreCase",
            "concat",
            "replace");
    private static final Set<String> NUMBER = Set.of(
            "intValue",
            "longValue",
            "doubleValue",
            "floatValue",
            "shortValue",
            "byteValue",
            "booleanValue",
            "charValue",
            "signum",
            "abs",
            "negate",
            "add",
            "subtract",
            "multiply",
            "scale",
            "stripTrailingZeros",
            "toPlainString");
    private static final Set<String> DATE = Set.of("getTime", "before", "after", "toInstant");
    private static final Set<String> TIME = Set.of(
            "isBefore",
            "isAfter",
            "isEqual",
            "plusDays",
            "minusDays",
            "plusWeeks",
            "minusWeeks",
            "plusMonths",
            "minusMonths",
            "plusYears",
            "minusYears",
            "plusHours",
            "minusHours",
            "plusMinutes",
            "minusMinutes",
            "plusSeconds",
            "minusSeconds",
            "toLocalDate",
            "toLocalTime",
            "toLocalDateTime",
            "toInstant",
            "toEpochMilli",
            "getYear",
            "getMonthValue",
            "getMonth",
            "getDayOfMonth",
            "getDayOfWeek",
            "getDayOfYear",
            "getHour",
            "getMinute",
            "getSecond",
            "toDays",
            "toHours",
            "toMinutes",
            "toMillis",
            "isNegative",
            "isZero",
            "getDays",
            "getMonths",
            "getYears",
            "getValue");
    private static final Set<String> JODA = Set.of(
            "plusDays",
            "minusDays",
            "plusWeeks",
            "minusWeeks",
            "plusMonths",
            "minusMonths",
            "plusYears",
            "minusYears",
            "plusHours",
            "minusHours",
            "plusMinutes",
            "minusMinutes",
            "toDate",
            "isBefore",
            "isAfter",
            "isEqual",
            "isBeforeNow",
            "isAfterNow",
            "getMillis",
            "withTimeAtStartOfDay",
            "getYear",
            "getMonthOfYear",
            "getDayOfMonth",
            "getDayOfWeek",
            "getHourOfDay",
            "getMinuteOfHour");
    private static final Set<String> COLLECTION =
            Set.of("size", "isEmpty", "contains", "containsAll", "get", "indexOf", "lastIndexOf");
    private static final Set<String> MAP =
            Set.of("size", "isEmpty", "containsKey", "containsValue", "get", "getOrDefault", "keySet", "values");
    private static final Set<String> ENUM = Set.of("name", "ordinal");
    private static final Set<String> VARIABLES = Set.of(
            "getVariable",
            "getVariableLocal",
            "getVariables",
            "getVariablesLocal",
            "getVariableNames",
            "getVariableNamesLocal",
            "hasVariable",
            "hasVariableLocal",
            "hasVariables",
            "hasVariablesLocal",
            "getId",
            "getEventName",
            "getTenantId",
            "getProcessInstanceId",
            "getProcessDefinitionId");
    private static final Set<String> EXECUTION = Set.of(
            "getProcessBusinessKey",
            "getBusinessKey",
            "getActivityInstanceId",
            "getCurrentActivityId",
            "getCurrentActivityName",
            "getParentId",
            "getParentActivityInstanceId",
            "getCurrentTransitionId",
            "getProcessInstance",
            "getSuperExecution",
            "isCanceled");
    private static final Set<String> TASK = Set.of(
            "getName",
            "getDescription",
            "getPriority",
            "getAssignee",
            "getOwner",
            "getTaskDefinitionKey",
            "getExecutionId",
            "getExecution",
            "getDueDate",
            "getFollowUpDate",
            "getCreateTime",
            "getDeleteReason",
            "getCaseInstanceId");

    private final Function<Object, String> allowlistedBean;

    /** @param allowlistedBean the allowlisted bean name of an object, or null when it is not one of those beans */
    ExpressionSandbox(Function<Object, String> allowlistedBean) {
        this.allowlistedBean = allowlistedBean;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null || base instanceof Map || isIndex(base, property)) {
            return null; // identifiers, map keys and list/array items: resolved by the resolvers behind this one
        }
        String name = String.valueOf(property);
        if (name.isEmpty()
                || "class".equals(name)
                || !(allowed(base, "get" + capitalized(name)) || allowed(base, "is" + capitalized(name)))) {
            throw new Refused("Reading '" + name + "'", base);
        }
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        String name = String.valueOf(method);
        if (!allowed(base, name)) {
            throw new Refused("Calling '" + name + "'", base);
        }
        return null; // allowed: the bean resolver behind this one calls it
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base != null) {
            throw new Refused("Writing '" + property + "'", base);
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }

    /** Whether a method of this name may be called on this object. */
    boolean allowed(Object base, String method) {
        if (base == null || "getClass".equals(method)) {
            return false;
        }
        String bean = allowlistedBean.apply(base);
        if (bean != null) {
            return ExpressionAllowlist.METHODS.getOrDefault(bean, Set.of()).contains(method);
        }
        if (base instanceof DelegateTask) {
            return VARIABLES.contains(method) || TASK.contains(method);
        }
        if (base instanceof DelegateExecution) {
            return VARIABLES.contains(method) || EXECUTION.contains(method);
        }
        if (base instanceof String) {
            return ANY.contains(method) || STRING.contains(method);
        }
        if (base instanceof Number || base instanceof Boolean || base instanceof Character) {
            return ANY.contains(method) || NUMBER.contains(method);
        }
        if (base instanceof Date) {
            return ANY.contains(method) || DATE.contains(method);
        }
        if (base instanceof TemporalAccessor
                || base instanceof TemporalAmount
                || base instanceof DayOfWeek
                || base instanceof Month) {
            return ANY.contains(method) || TIME.contains(method);
        }
        if (base.getClass().getName().startsWith("org.joda.time.")) {
            return ANY.contains(method) || JODA.contains(method);
        }
        if (base instanceof Map) {
            return ANY.contains(method) || MAP.contains(method);
        }
        if (base instanceof Collection) {
            return ANY.contains(method) || COLLECTION.contains(method);
        }
        if (base instanceof Enum) {
            return ANY.contains(method) || ENUM.contains(method);
        }
        return false;
    }

    private static boolean isIndex(Object base, Object property) {
        return (base instanceof List || base.getClass().isArray())
                && (property instanceof Number
                        || (property instanceof String s
                                && !s.isEmpty()
                                && s.chars().allMatch(Character::isDigit)));
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
