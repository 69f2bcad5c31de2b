package cn.ecoaid.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of STYLE.md, rule 1. docs/architecture.md names each of these tests. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.ecoaid");
    }

    @Test
    void onlyUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("cn.ecoaid.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void nothingDependsOnUiCliOrPlatformButTheEntryPoint() {
        noClasses().that().resideOutsideOfPackages("cn.ecoaid.ui..").and().doNotHaveFullyQualifiedName("cn.ecoaid.Launcher")
                .should().dependOnClassesThat().resideInAPackage("cn.ecoaid.ui..").check(classes);
        noClasses().that().resideOutsideOfPackages("cn.ecoaid.cli..").and().doNotHaveFullyQualifiedName("cn.ecoaid.Launcher")
                .should().dependOnClassesThat().resideInAPackage("cn.ecoaid.cli..").check(classes);
        noClasses().that().resideOutsideOfPackages("cn.ecoaid.platform..", "cn.ecoaid.cli..")
                .and().doNotHaveFullyQualifiedName("cn.ecoaid.Launcher")
                .should().dependOnClassesThat().resideInAPackage("cn.ecoaid.platform..").allowEmptyShould(true).check(classes);
    }

    @Test
    void domainDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("cn.ecoaid.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cn.ecoaid.standards..", "cn.ecoaid.store..", "cn.ecoaid.air..", "cn.ecoaid.water..",
                        "cn.ecoaid.inventory..", "cn.ecoaid.geo..", "cn.ecoaid.report..", "cn.ecoaid.protocol..",
                        "cn.ecoaid.sync..", "cn.ecoaid.platform..", "cn.ecoaid.cli..", "cn.ecoaid.ui..",
                        "cn.ecoaid.l10n..", "cn.ecoaid.io..", "cn.ecoaid.sites..", "cn.ecoaid.pmf..")
                .check(classes);
    }

    @Test
    void platformUsesNeitherClientStoreNorSync() {
        noClasses().that().resideInAPackage("cn.ecoaid.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.ecoaid.store..", "cn.ecoaid.sync..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void platformUsesOnlyDomainProtocolAndItsOwnStore() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("cn.ecoaid.platform..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("cn.ecoaid.platform..", "cn.ecoaid.protocol..",
                        "cn.ecoaid.domain..", "java..", "javax..", "jakarta..", "io.javalin..", "org.eclipse.jetty..",
                        "com.fasterxml.jackson..", "org.slf4j..", "org.sqlite..", "org.postgresql..", "kotlin..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void protocolIsPlainWireTypes() {
        noClasses().that().resideInAPackage("cn.ecoaid.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.ecoaid.store..", "cn.ecoaid.sync..",
                        "cn.ecoaid.platform..", "cn.ecoaid.ui..", "cn.ecoaid.cli..", "java.sql..", "java.net.http..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void airAndWaterNeverImportEachOther() {
        noClasses().that().resideInAPackage("cn.ecoaid.air..")
                .should().dependOnClassesThat().resideInAPackage("cn.ecoaid.water..").allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("cn.ecoaid.water..")
                .should().dependOnClassesThat().resideInAPackage("cn.ecoaid.air..").allowEmptyShould(true).check(classes);
    }

    @Test
    void poiOnlyInReport() {
        noClasses().that().resideOutsideOfPackage("cn.ecoaid.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "org.openxmlformats..")
                .check(classes);
    }

    @Test
    void sqlOnlyInStoreAndPlatform() {
        noClasses().that().resideOutsideOfPackages("cn.ecoaid.store..", "cn.ecoaid.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(classes);
    }

    @Test
    void httpClientOnlyInSyncAndServerLibraryOnlyInPlatform() {
        noClasses().that().resideOutsideOfPackage("cn.ecoaid.sync..")
                .should().dependOnClassesThat().resideInAPackage("java.net.http..").check(classes);
        noClasses().that().resideOutsideOfPackage("cn.ecoaid.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..").check(classes);
    }

    @Test
    void noConsoleOutputOutsideCli() {
        noClasses().that().resideOutsideOfPackage("cn.ecoaid.cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("cn.ecoaid.cli..")
                .should().callMethod(Throwable.class, "printStackTrace").check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("cn.ecoaid.(*)..").should().beFreeOfCycles().check(classes);
    }
}
