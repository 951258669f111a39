package vn.tandem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Architecture rules checked on every build. */
@AnalyzeClasses(packages = "vn.tandem", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyProcessImportsCamunda = noClasses()
            .that()
            .resideOutsideOfPackage("vn.tandem.process..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.camunda..")
            .because("only the process module touches the engine");

    @ArchTest
    static final ArchRule delegatesAreNamedBeans = classes()
            .that()
            .implement(JavaDelegate.class)
            .should()
            .haveSimpleNameEndingWith("Delegate")
            .andShould()
            .beAnnotatedWith(Component.class)
            .because("BPMN references delegates as ${beanName}");

    @ArchTest
    static final ArchRule listenersAreNamedBeans = classes()
            .that()
            .implement(TaskListener.class)
            .or()
            .implement(ExecutionListener.class)
            .should()
            .haveSimpleNameEndingWith("Listener")
            .andShould()
            .beAnnotatedWith(Component.class);

    @ArchTest
    static final ArchRule noFieldInjection =
            fields().should().notBeAnnotatedWith(Autowired.class).because("dependencies are constructor-injected");

    @ArchTest
    static final ArchRule domainDoesNotDependOnWeb = noClasses()
            .that()
            .resideOutsideOfPackage("..web..")
            .and()
            .resideOutsideOfPackage("vn.tandem.system..")
            .and()
            .resideOutsideOfPackage("vn.tandem.identity..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.web.servlet..");
}
