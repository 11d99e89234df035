package org.coordination.exchange;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Dependencies run one way: cli → run → job → input, validation, store, report, export,
 * sample → record. A rule broken here is a class reaching back up: move the class down,
 * or pass what it needs in.
 */
@AnalyzeClasses(packages = "org.coordination.exchange", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final String ROOT = "org.coordination.exchange.";

	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching(ROOT + "(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule onlyTheProcessUsesTheCommandLine = noClasses().that()
		.resideOutsideOfPackage(ROOT + "cli..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage(ROOT + "cli..");

	@ArchTest
	static final ArchRule onlyTheCommandLineStartsRuns = noClasses().that()
		.resideOutsideOfPackages(ROOT + "cli..", ROOT + "run..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage(ROOT + "run..");

	@ArchTest
	static final ArchRule jobsAreStartedFromAbove = noClasses().that()
		.resideOutsideOfPackages(ROOT + "cli..", ROOT + "run..", ROOT + "job..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage(ROOT + "job..");

	@ArchTest
	static final ArchRule theFeaturesDoNotKnowTheReports = noClasses().that()
		.resideInAnyPackage(ROOT + "input..", ROOT + "validation..", ROOT + "store..", ROOT + "sample..",
				ROOT + "job..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(ROOT + "report..", ROOT + "export..");

	@ArchTest
	static final ArchRule recordsDependOnNothingOfOurs = noClasses().that()
		.resideInAPackage(ROOT + "record..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(ROOT + "cli..", ROOT + "run..", ROOT + "job..", ROOT + "input..", ROOT + "validation..",
				ROOT + "store..", ROOT + "report..", ROOT + "export..", ROOT + "sample..");

	@ArchTest
	static final ArchRule inputAndValidationDoNotTouchTheStore = noClasses().that()
		.resideInAnyPackage(ROOT + "input..", ROOT + "validation..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(ROOT + "store..");

}
