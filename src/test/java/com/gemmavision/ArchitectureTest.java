package com.gemmavision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Arrows point one way: each feature's web code → the shared web package and feature services → charts and
 * repositories. A feature's own web code lives in its {@code web} sub-package.
 */
@AnalyzeClasses(packages = "com.gemmavision", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURE_WEB = {
        "com.gemmavision.catalog.web..",
        "com.gemmavision.memory.web..",
        "com.gemmavision.benchmarks.web..",
        "com.gemmavision.documents.web..",
        "com.gemmavision.advisor.web..",
        "com.gemmavision.views.web..",
        "com.gemmavision.tokens.web..",
        "com.gemmavision.workload.web..",
        "com.gemmavision.evaluation.web.."
    };

    @ArchTest
    static final ArchRule featureServicesKnowNoWebCode = noClasses()
            .that()
            .resideOutsideOfPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..web..");

    @ArchTest
    static final ArchRule theSharedWebPackageKnowsNoFeaturesWebCode = noClasses()
            .that()
            .resideInAPackage("com.gemmavision.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURE_WEB);

    /**
     * Issue 30.11: the shared web code knows no feature, so no feature and the web code depend on each other
     * both ways; features tell it what they offer through {@code SidebarSection}, {@code SelectionChoice},
     * {@code PageSection} and {@code UserSection}.
     */
    @ArchTest
    static final ArchRule theSharedWebCodeKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("com.gemmavision.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.gemmavision.catalog..",
                    "com.gemmavision.memory..",
                    "com.gemmavision.benchmarks..",
                    "com.gemmavision.advisor..",
                    "com.gemmavision.documents..",
                    "com.gemmavision.evaluation..",
                    "com.gemmavision.views..",
                    "com.gemmavision.tokens..",
                    "com.gemmavision.workload..",
                    "com.gemmavision.pricing..");

    /** The web code and the features it serves (catalog, benchmarks, memory, ...) form no cycle. */
    @ArchTest
    static final ArchRule theWebCodeAndTheFeaturesHaveNoCycle =
            com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                    .matching("com.gemmavision.(*)..")
                    .should()
                    .beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersLiveInTheirFeatureOrTheLayout = ArchRuleDefinition.classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .should()
            .resideInAnyPackage(concat(FEATURE_WEB, "com.gemmavision.web.."));

    /** The shared web code in parts: the selection, the page, HTTP, the session; nothing loose beside them. */
    @ArchTest
    static final ArchRule theSharedWebPackageIsInParts = ArchRuleDefinition.classes()
            .that()
            .resideInAPackage("com.gemmavision.web..")
            .should()
            .resideInAnyPackage(
                    "com.gemmavision.web.selection",
                    "com.gemmavision.web.page",
                    "com.gemmavision.web.http",
                    "com.gemmavision.web.session");

    @ArchTest
    static final ArchRule noControllerImportsAnother = noClasses()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat(DescribedPredicate.describe(
                    "another controller",
                    (JavaClass c) -> !c.isAnnotation()
                            && (c.isAnnotatedWith(Controller.class) || c.isAnnotatedWith(RestController.class))));

    /** The shared web code's four parts depend one way (issue 30.11: web.http knew web.page, and back). */
    @ArchTest
    static final ArchRule theSharedWebPartsHaveNoCycles =
            com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                    .matching("com.gemmavision.web.(*)..")
                    .should()
                    .beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOthersWebCode =
            com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                    .matching("com.gemmavision.(*).web..")
                    .should()
                    .notDependOnEachOther()
                    // the workload page continues the advisor's deployment: it reads the same deployment parameters
                    .ignoreDependency(
                            com.tngtech.archunit.base.DescribedPredicate.describe(
                                    "the workload's web code",
                                    (JavaClass c) -> c.getPackageName().startsWith("com.gemmavision.workload.web")),
                            com.tngtech.archunit.base.DescribedPredicate.describe(
                                    "the advisor's form and its checks",
                                    (JavaClass c) ->
                                            c.getName().startsWith("com.gemmavision.advisor.web.AdvisorParameters")
                                                    || c.getName().equals("com.gemmavision.advisor.web.AdvisorForm")));

    @ArchTest
    static final ArchRule chartsKnowNoFeatureAndNoSpring = noClasses()
            .that()
            .resideInAPackage("com.gemmavision.charts..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.gemmavision.catalog..",
                    "com.gemmavision.memory..",
                    "com.gemmavision.benchmarks..",
                    "com.gemmavision.documents..",
                    "com.gemmavision.advisor..",
                    "org.springframework..");

    @ArchTest
    static final ArchRule catalogDependsOnNoOtherFeature = noClasses()
            .that()
            .resideInAPackage("com.gemmavision.catalog..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.gemmavision.memory..",
                    "com.gemmavision.benchmarks..",
                    "com.gemmavision.documents..",
                    "com.gemmavision.advisor..");

    /**
     * Field extraction is plain Java over page text: no Spring, no database, no web, nothing of the intake and
     * queue code. It may read the text package (pages, OCR words) and the libraries that parse what it reads.
     */
    @ArchTest
    static final ArchRule extractionDependsOnlyOnText = ArchRuleDefinition.classes()
            .that()
            .resideInAPackage("com.gemmavision.documents.extraction..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "com.gemmavision.documents.extraction..",
                    "com.gemmavision.documents.text..",
                    "java..",
                    "javax.xml.stream..",
                    "de.bwaldvogel.liblinear..",
                    "org.apache.pdfbox..",
                    "org.iban4j..",
                    "org.slf4j..");

    /** Issue 28.4: the text package (PDF text, OCR) is given its settings and knows nothing of the documents'. */
    @ArchTest
    static final ArchRule textKnowsNothingOfTheDocuments = noClasses()
            .that()
            .resideInAPackage("com.gemmavision.documents.text..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.gemmavision.documents",
                    "com.gemmavision.documents.intake..",
                    "com.gemmavision.documents.processing..",
                    "com.gemmavision.documents.extraction..",
                    "com.gemmavision.documents.llm..",
                    "com.gemmavision.documents.web..");

    private static String[] concat(String[] packages, String more) {
        String[] all = Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = more;
        return all;
    }
}
