package vn.hoctap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
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

    /** The modules whose rules and computations are a pure core, each in its sub-package {@code core}. */
    static final List<String> MODULES_WITH_A_CORE = List.of("accounts", "analytics", "cycle", "expressions", "fund",
            "gnlc", "indicators", "reporting", "standards", "synthetic", "titles", "units");

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.hoctap");

    /**
     * Pure cores are found by package, not by class name: everything under {@code vn.hoctap.<module>.core} (and the
     * command-line launcher {@code vn.hoctap.cli}) uses no Spring and no servlet API, so it runs in the server, the
     * command line, the benchmarks and on Apache Spark. Only the package-info files carry Modulith's
     * {@code @NamedInterface}. A class renamed or added in a core is checked without a list to keep up to date.
     */
    @Test
    void pureCoresUseNoFramework() {
        noClasses().that().resideInAnyPackage("vn.hoctap.*.core..", "vn.hoctap.cli..")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .check(PRODUCTION);
    }

    /** Every module that has a core still has one (a core moved out of its package would leave the check above). */
    @Test
    void everyCoreIsWhereTheCheckLooks() {
        for (String module : MODULES_WITH_A_CORE) {
            String core = "vn.hoctap." + module + ".core";
            long classes = PRODUCTION.stream()
                    .filter(c -> c.getPackageName().equals(core) || c.getPackageName().startsWith(core + "."))
                    .filter(c -> !c.getSimpleName().equals("package-info")).count();
            assertThat(classes).as("classes in %s", core).isGreaterThan(0);
        }
        // and nothing calls itself a core elsewhere: a package named like a core sits at a module's second level
        assertThat(PRODUCTION.stream().map(JavaClass::getPackageName)
                .filter(p -> p.matches("vn\\.hoctap\\..+\\.core(\\..*)?") && !p.matches("vn\\.hoctap\\.[a-z]+\\.core(\\..*)?")))
                .isEmpty();
    }

    /** The pure cores are named interfaces of their modules, so other modules may use them. */
    @Test
    void coresAreNamedInterfaces() {
        for (String module : MODULES_WITH_A_CORE) {
            var m = MODULES.getModuleByName(module).orElseThrow();
            assertThat(m.getNamedInterfaces().getByName("core")).as("named interface core of %s", module).isPresent();
        }
    }

    @Test
    void writeDocumentation() {
        // the module diagrams (PlantUML); the Javadoc-based canvases are left out: Modulith 2.0.3's
        // documentation source fails on nested records ("No signature found in source map")
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
