package vn.tandem.process.internal;

import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager in Tandem (replacing the Spring starter's, which exposes every bean of the
 * application context to every expression). Two jobs:
 * <ul>
 * <li>every evaluation goes through {@link ExpressionSandbox} first, and only the allowlisted beans
 * ({@link ExpressionAllowlist}) resolve by name;
 * <li>while a new deployment is parsed, every expression the engine creates is recorded, so the deployment check
 * judges exactly the expressions the engine will evaluate ({@link TandemBpmnParse}).
 * </ul>
 */
public class TandemExpressionManager extends JuelExpressionManager {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    private final Function<String, Object> beans;
    private final Set<String> beanNames;
    private final Map<String, Object> resolved = new ConcurrentHashMap<>();

    /** @param beans looks up a bean by name (the Spring context, or a plain engine's bean map) */
    public TandemExpressionManager(Function<String, Object> beans) {
        this.beans = beans;
        this.beanNames = Stream.concat(
                        ExpressionAllowlist.METHODS.keySet().stream(), ExpressionAllowlist.DELEGATES.stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Expression createExpression(String expression) {
        List<String> recording = RECORDING.get();
        if (recording != null && expression != null) {
            recording.add(expression);
        }
        return super.createExpression(expression);
    }

    /** Starts recording the expressions this thread creates; returns the list they are added to. */
    static List<String> startRecording() {
        List<String> list = new ArrayList<>();
        RECORDING.set(list);
        return list;
    }

    static void stopRecording() {
        RECORDING.remove();
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new ExpressionSandbox(this::allowlistedBeanName));
        resolver.add(new AllowlistedBeans());
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new BeanELResolver(true));
        return resolver;
    }

    private Object bean(String name) {
        if (!beanNames.contains(name)) {
            return null;
        }
        Object bean = resolved.get(name);
        if (bean == null) {
            bean = beans.apply(name);
            if (bean != null) {
                resolved.put(name, bean);
            }
        }
        return bean;
    }

    private String allowlistedBeanName(Object object) {
        for (String name : beanNames) {
            if (object == bean(name)) {
                return name;
            }
        }
        return null;
    }

    /** Resolves the allowlisted bean names, and only those. */
    private final class AllowlistedBeans extends ELResolver {

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property instanceof String name) {
                Object bean = bean(name);
                if (bean != null) {
                    context.setPropertyResolved(true);
                    return bean;
                }
            }
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            // beans are never written
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return Object.class;
        }
    }
}
