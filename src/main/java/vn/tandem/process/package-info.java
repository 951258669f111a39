/**
 * The engine. The only module that imports {@code org.camunda}: BPMN deployment from {@code bpmn/}, delegates
 * and listeners, the task and form facade ({@link vn.tandem.process.Workflow}) and the record events other
 * modules use to keep their read models in the same transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Process")
package vn.tandem.process;
