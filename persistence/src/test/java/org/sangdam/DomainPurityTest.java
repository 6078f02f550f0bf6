package org.sangdam;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R1.3/R1.4/R1.5 domain rules are pure Java")
class DomainPurityTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sangdam");
    }

    @Test
    @DisplayName("R1.3/R1.4/R1.5 the import found the domain packages (the rule below is not vacuous)")
    void domainClassesImported() {
        assertThat(classes.stream().map(c -> c.getPackageName()))
                .contains("org.sangdam.phone.domain", "org.sangdam.callerid.domain",
                        "org.sangdam.common.domain", "org.sangdam.cti.domain");
    }

    @Test
    @DisplayName("R1.3/R1.4/R1.5 classes in ..domain.. depend on no jakarta.. or javax.. class")
    void domainHasNoJakartaOrJavax() {
        noClasses().that().resideInAPackage("org.sangdam..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax..")
                .because("domain rules are plain Java, testable without a container")
                .check(classes);
    }
}
