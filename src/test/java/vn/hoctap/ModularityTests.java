package vn.hoctap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module boundaries: each top-level package is a module whose sub-packages are internal; no
 * module reaches into another's internals and there are no cycles. Writes the module documentation
 * (PlantUML and a canvas per module) to target/spring-modulith-docs.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(HocTapApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void pureCoresUseNoFramework() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.hoctap");
        noClasses().that().haveSimpleNameEndingWith("History")
                .or().haveNameMatching("vn\\.hoctap\\.units\\.(UnitVersion|Succession|UnitLevel|HanoiReferenceData)")
                .or().haveNameMatching("vn\\.hoctap\\.cli\\..*")
                .or().haveNameMatching("vn\\.hoctap\\.standards\\..*")
                .or().haveNameMatching("vn\\.hoctap\\.synthetic\\..*")
                // the titles pure core is the package root; its Spring services and pages are in titles.internal and titles.web
                .or().haveNameMatching("vn\\.hoctap\\.titles\\.[A-Z][^.]*")
                .or().haveNameMatching("vn\\.hoctap\\.expressions\\..*")
                .or().haveNameMatching("vn\\.hoctap\\.indicators\\.expression\\.(?!package-info$).*")
                .or().haveNameMatching("vn\\.hoctap\\.analytics\\.(?!package-info$|live\\.).*")
                .or().haveNameMatching("vn\\.hoctap\\.reporting\\.rules\\..*")
                .or().haveNameMatching("vn\\.hoctap\\.fund\\.ledger\\..*")
                .or().haveNameMatching("vn\\.hoctap\\.cycle\\.rules\\..*")
                .or().haveNameMatching("vn\\.hoctap\\.indicators\\.(Progress|TargetSpec|MergerApportionment|IndicatorCatalogue|IndicatorDefinition|CommuneTargetRollup|CommuneTargetSource).*")
                // the gnlc pure core is the package root; its Spring services and pages are in gnlc.internal and gnlc.web
                .or().haveNameMatching("vn\\.hoctap\\.gnlc\\.[A-Z][^.]*")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void writeDocumentation() {
        // the module diagrams (PlantUML); the Javadoc-based canvases are left out: Modulith 2.0.3's
        // documentation source fails on nested records ("No signature found in source map")
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
