package org.sangdam.media;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Issue 5 part 5: the media engine is pure Java (no Jakarta, no SIP stack)")
class MediaPurityTest {

    @Test
    @DisplayName("org.sangdam.media depends on no jakarta.*, javax.sip.*, javax.sdp.*, gov.nist.* nor the SIP layer")
    void pure() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        JavaClasses media;
        try {
            media = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.sangdam.media");
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
        assertThat(media.contain(RtpMediaEngine.class)).isTrue();
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "javax.sip..", "javax.sdp..", "gov.nist..", "org.sangdam.sip..", "org.sangdam.registrar..")
                .because("the media engine runs and is tested without a container or a SIP stack; the SIP layer uses it, not the other way round")
                .check(media);
    }
}
