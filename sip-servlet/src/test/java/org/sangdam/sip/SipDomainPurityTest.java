package org.sangdam.sip;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Issue 5 the registrar's, trunks', B2BUA's and the SIP layer's rules are pure Java")
class SipDomainPurityTest {
    private static final String[] PACKAGES = {"org.sangdam.registrar.domain", "org.sangdam.sip.domain", "org.sangdam.trunk.domain", "org.sangdam.b2bua.domain"};

    private static JavaClasses domain;

    @BeforeAll
    static void importDomain() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            domain = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(PACKAGES);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    @DisplayName("R1.4 the import found every domain package (the rule below is not vacuous)")
    void packagesImported() {
        assertThat(domain.stream().map(JavaClass::getPackageName).distinct()).containsExactlyInAnyOrder(PACKAGES);
    }

    @Test
    @DisplayName("R1.4 no Jakarta, no SIP stack, no logging framework, no container in the domain packages")
    void noInfrastructure() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "javax.sip..", "javax.sdp..", "gov.nist..", "org.jboss..", "org.sangdam.sip", "org.sangdam.registrar", "org.sangdam.trunk", "org.sangdam.b2bua", "org.sangdam.media")
                .because("registrar and dispatch rules are decided in plain Java, testable without a container or a SIP stack")
                .check(domain);
    }
}
