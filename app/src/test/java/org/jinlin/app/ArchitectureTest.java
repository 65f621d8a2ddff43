package org.jinlin.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module arrows of ARCHITECTURE.md: the kernel stands alone, and the two sides never see each other. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                         .importPackages("org.jinlin");
    }

    @Test
    void theSharedKernelHasNoSpringAndKnowsNeitherSide() {
        noClasses().that().resideInAPackage("org.jinlin.kernel..")
                   .should().dependOnClassesThat()
                   .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.jinlin.command..",
                                       "org.jinlin.query..", "org.jinlin.app..")
                   .check(classes);
    }

    @Test
    void theCommandSideNeverSeesTheQuerySide() {
        noClasses().that().resideInAPackage("org.jinlin.command..")
                   .should().dependOnClassesThat().resideInAnyPackage("org.jinlin.query..", "org.jinlin.app..")
                   .check(classes);
    }

    @Test
    void theQuerySideNeverSeesTheCommandSide() {
        noClasses().that().resideInAPackage("org.jinlin.query..")
                   .should().dependOnClassesThat().resideInAnyPackage("org.jinlin.command..", "org.jinlin.app..")
                   .check(classes);
    }

    @Test
    void theSharedKernelIsPlainJavaWithAxonAnnotationsOnly() {
        noClasses().that().resideInAPackage("org.jinlin.kernel..")
                   .should().dependOnClassesThat()
                   .resideInAnyPackage("org.axonframework.eventsourcing..", "org.axonframework.spring..",
                                       "org.axonframework.config..", "com.fasterxml..")
                   .check(classes);
    }
}
