package com.gemmavision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Arrows point one way: web → features → charts and repositories. */
@AnalyzeClasses(packages = "com.gemmavision", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotKnowTheWebLayer = noClasses()
            .that().resideOutsideOfPackage("com.gemmavision.web..")
            .should().dependOnClassesThat().resideInAPackage("com.gemmavision.web..");

    @ArchTest
    static final ArchRule chartsKnowNoFeatureAndNoSpring = noClasses()
            .that().resideInAPackage("com.gemmavision.charts..")
            .should().dependOnClassesThat().resideInAnyPackage("com.gemmavision.catalog..", "com.gemmavision.memory..",
                    "com.gemmavision.benchmarks..", "com.gemmavision.documents..", "com.gemmavision.advisor..",
                    "org.springframework..");

    @ArchTest
    static final ArchRule catalogDependsOnNoOtherFeature = noClasses()
            .that().resideInAPackage("com.gemmavision.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage("com.gemmavision.memory..",
                    "com.gemmavision.benchmarks..", "com.gemmavision.documents..", "com.gemmavision.advisor..");
}
