/**
 * Process design: the designers' pages — definitions and versions, the bpmn-js modeler with the Camunda properties
 * panel, drafts, upload and download, validated deployment, version comparison and migration of running
 * instances. Every deployment and migration is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Designer")
package vn.tandem.designer;
