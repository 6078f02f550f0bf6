package org.sangdam.routing.domain;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R2–R4 the agent, call, routing, access and start-up rules are pure Java")
class CtiDomainPurityTest {
    private static final String[] PACKAGES = {"org.sangdam.agent.domain", "org.sangdam.call.domain", "org.sangdam.routing.domain",
            "org.sangdam.access.domain", "org.sangdam.setup.domain", "org.sangdam.scenario.domain"};

    private static JavaClasses domain;

    /** Dependencies are checked by name, so the JDK need not be imported from the class path (seconds saved). */
    @BeforeAll
    static void importDomain() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            domain = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(PACKAGES);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    @DisplayName("R2–R4 the import found every domain package of this module (the rule below is not vacuous)")
    void packagesImported() {
        assertThat(domain.stream().map(JavaClass::getPackageName).distinct()).containsExactlyInAnyOrder(PACKAGES);
    }

    @Test
    @DisplayName("R2–R4 they use only the JDK and other domain packages: no Jakarta, no container, no threads of their own")
    void onlyJdkAndDomain() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java.lang..", "java.time..", "java.util..", "org.sangdam..domain..")
                .because("state machines and routing are decided in plain Java, testable without a container")
                .check(domain);
    }
}
