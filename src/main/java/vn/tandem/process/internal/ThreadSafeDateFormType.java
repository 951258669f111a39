package vn.tandem.process.internal;

import org.camunda.bpm.engine.impl.form.type.DateFormType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine's {@code date} form field type with its conversions serialized. Camunda's own keeps one {@code
 * SimpleDateFormat} per engine and parses every submitted day ("dd/MM/yyyy") with it from whatever thread submits:
 * two submissions at once garble each other's digits — the benchmark's four client threads saw {@code
 * NumberFormatException: For input string: ".22E1.22E1"} out of {@code DateFormType.convertToModelValue}, and a race
 * that does not throw stores a wrong day. Registered under the same name ({@link TandemEnginePlugin}), so every path
 * — Tandem's forms, the engine REST API's {@code submit-form}, form variables read back — goes through it.
 */
class ThreadSafeDateFormType extends DateFormType {

    ThreadSafeDateFormType(String datePattern) {
        super(datePattern);
    }

    @Override
    public synchronized TypedValue convertToModelValue(TypedValue propertyValue) {
        return super.convertToModelValue(propertyValue);
    }

    @Override
    public synchronized TypedValue convertToFormValue(TypedValue propertyValue) {
        return super.convertToFormValue(propertyValue);
    }

    @Override
    public synchronized Object convertFormValueToModelValue(Object propertyValue) {
        return super.convertFormValueToModelValue(propertyValue);
    }

    @Override
    public synchronized String convertModelValueToFormValue(Object modelValue) {
        return super.convertModelValueToFormValue(modelValue);
    }
}
