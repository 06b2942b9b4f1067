package org.ecabinet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Package by feature: a feature uses another only through its public surface, the features do not
 * depend on each other in a cycle, and the shared platform depends on no feature.
 */
@AnalyzeClasses(packages = "org.ecabinet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] FEATURES = {"session", "ballot", "dispatch", "audit", "identity", "signing", "reporting", "administration"};

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.ecabinet.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule thePlatformKnowsNoFeature = noClasses().that().resideInAPackage("org.ecabinet.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(featurePackages());

    @ArchTest
    static final ArchRule sessionsUseOnlyThePublicSurfaceOfIdentity = noClasses().that().resideOutsideOfPackage("org.ecabinet.identity..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("non-public identity classes",
                    c -> c.getPackageName().startsWith("org.ecabinet.identity") && !c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)));

    @ArchTest
    static final ArchRule onlyTheSessionFeatureTouchesSessionEvents = noClasses().that().resideOutsideOfPackages("org.ecabinet.session..", "org.ecabinet.audit..", "org.ecabinet.events..")
            .should().dependOnClassesThat().resideInAPackage("org.ecabinet.events.session..");

    @ArchTest
    static final ArchRule onlyTheBallotFeatureTouchesBallotEvents = noClasses().that().resideOutsideOfPackages("org.ecabinet.ballot..", "org.ecabinet.audit..", "org.ecabinet.events..")
            .should().dependOnClassesThat().resideInAPackage("org.ecabinet.events.ballot..");

    /** Reports read the documents' projection, whose fields speak the events' value types. */
    @ArchTest
    static final ArchRule onlyTheDispatchFeatureTouchesDispatchEvents = noClasses()
            .that().resideOutsideOfPackages("org.ecabinet.dispatch..", "org.ecabinet.audit..", "org.ecabinet.reporting..", "org.ecabinet.events..")
            .should().dependOnClassesThat().resideInAPackage("org.ecabinet.events.dispatch..");

    @ArchTest
    static final ArchRule theAuditReachesNoBusinessFeature = noClasses().that().resideInAPackage("org.ecabinet.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ecabinet.session..", "org.ecabinet.ballot..", "org.ecabinet.dispatch..");

    @ArchTest
    static final ArchRule signingKnowsNoBusinessFeature = noClasses().that().resideInAPackage("org.ecabinet.signing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ecabinet.session..", "org.ecabinet.ballot..", "org.ecabinet.dispatch..");

    private static String[] featurePackages() {
        return java.util.Arrays.stream(FEATURES).map(f -> "org.ecabinet." + f + "..").toArray(String[]::new);
    }
}
