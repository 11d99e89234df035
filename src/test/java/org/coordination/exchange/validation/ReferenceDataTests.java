package org.coordination.exchange.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.coordination.exchange.record.Column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReferenceDataTests {

	@TempDir
	Path dir;

	@Test
	void defaultsHoldEveryBranchOfTheSpecInOrder() {
		assertThat(ReferenceData.defaults().branchCodes()).containsExactly("NAVY", "GROUND_FORCES", "NATIONAL_GUARD",
				"UNMANNED_SYSTEMS_FORCES", "AIR_ASSAULT_FORCES", "BORDER_GUARD_SERVICE", "TERRITORIAL_DEFENSE",
				"STATE_SPECIAL_TRANSPORT_SERVICE", "AIR_FORCE", "MARINE_CORPS", "SPECIAL_OPERATIONS_FORCES", "OTHER",
				"UNKNOWN");
	}

	@Test
	void defaultsMatchEveryCodeAndAliasOfTheSpec() {
		ReferenceData data = ReferenceData.defaults();
		for (String code : data.branchCodes()) {
			assertThat(data.branch(code)).contains(code);
			assertThat(data.branch(code.toLowerCase().replace('_', ' '))).contains(code);
		}
		assertThat(data.branch("Naval Forces")).contains("NAVY");
		assertThat(data.branch("ВМС")).contains("NAVY");
		assertThat(data.branch("Land Forces")).contains("GROUND_FORCES");
		assertThat(data.branch("СВ")).contains("GROUND_FORCES");
		assertThat(data.branch("НГУ")).contains("NATIONAL_GUARD");
		assertThat(data.branch("USF")).contains("UNMANNED_SYSTEMS_FORCES");
		assertThat(data.branch("ДШВ")).contains("AIR_ASSAULT_FORCES");
		assertThat(data.branch("State Border Guard Service")).contains("BORDER_GUARD_SERVICE");
		assertThat(data.branch("ДПСУ")).contains("BORDER_GUARD_SERVICE");
		assertThat(data.branch("Territorial Defense Forces")).contains("TERRITORIAL_DEFENSE");
		assertThat(data.branch("Territorial Defence")).contains("TERRITORIAL_DEFENSE");
		assertThat(data.branch("ТрО")).contains("TERRITORIAL_DEFENSE");
	}

	@Test
	void defaultsMatchCaseInsensitivelyWithUnderscoreDashAndSpaceAlike() {
		ReferenceData data = ReferenceData.defaults();
		assertThat(data.branch("naval-forces")).contains("NAVY");
		assertThat(data.branch("NAVAL_FORCES")).contains("NAVY");
		assertThat(data.branch("state-border guard_service")).contains("BORDER_GUARD_SERVICE");
		assertThat(data.branch("вмс")).contains("NAVY");
		assertThat(data.branch("тРо")).contains("TERRITORIAL_DEFENSE");
		assertThat(data.branch(" Air Force ")).contains("AIR_FORCE");
	}

	@Test
	void unknownBranchIsEmpty() {
		ReferenceData data = ReferenceData.defaults();
		assertThat(data.branch("SPACE_FORCE")).isEmpty();
		assertThat(data.branch("")).isEmpty();
		assertThat(data.branch("code")).isEmpty();
	}

	@Test
	void extensionAddsBranchesAndAliases() throws IOException {
		Path file = write("""
				# local additions
				code,aliases

				Coast Guard,Морська охорона|MO
				NAVY,"ВМСУ|Navy, Ukraine"
				  # indented comment
				SPECIAL_OPERATIONS_FORCES,ССО
				""");
		ReferenceData data = ReferenceData.withExtension(file);
		assertThat(data.branchCodes()).hasSize(14).endsWith("COAST_GUARD");
		assertThat(data.branch("coast-guard")).contains("COAST_GUARD");
		assertThat(data.branch("морська охорона")).contains("COAST_GUARD");
		assertThat(data.branch("mo")).contains("COAST_GUARD");
		assertThat(data.branch("ВМСУ")).contains("NAVY");
		assertThat(data.branch("Navy, Ukraine")).contains("NAVY");
		assertThat(data.branch("ВМС")).contains("NAVY");
		assertThat(data.branch("ССО")).contains("SPECIAL_OPERATIONS_FORCES");
		assertThat(ReferenceData.defaults().branch("ССО")).isEmpty();
	}

	@Test
	void extensionIsUsedByTheValidator() throws IOException {
		ReferenceData data = ReferenceData.withExtension(write("code,aliases\nCOAST_GUARD,MO\n"));
		ExchangeRecordValidator validator = new ExchangeRecordValidator(data, LocalDate.of(2025, 6, 15));
		RowVerdict verdict = validator.validate((column) -> switch (column) {
			case RECORD_ID -> "R1";
			case EXCHANGE_DATE -> "2025-06-10";
			case STAGE -> "1";
			case SIDE -> "UA";
			case CATEGORY -> "MILITARY";
			case SERVICE_BRANCH -> "mo";
			case RANK_GROUP -> "OFFICER";
			default -> "";
		}, (Column column) -> true);
		assertThat(verdict.record().serviceBranch()).isEqualTo("COAST_GUARD");
	}

	@Test
	void extensionMayStartWithByteOrderMarkAndUseCrlf() throws IOException {
		Path file = write("\uFEFFcode,aliases\r\nCOAST_GUARD,MO\r\n");
		assertThat(ReferenceData.withExtension(file).branch("MO")).contains("COAST_GUARD");
	}

	@Test
	void extensionAliasOfAnotherBranchIsRejected() throws IOException {
		Path file = write("code,aliases\nCOAST_GUARD,MO\nNAVY,mo\n");
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceData.withExtension(file))
			.withMessage(file + ": line 3: 'mo' already stands for branch COAST_GUARD, cannot also mean NAVY");
	}

	@Test
	void extensionCodeThatIsAnAliasOfAnotherBranchIsRejected() throws IOException {
		Path file = write("code,aliases\nLand Forces,\n");
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceData.withExtension(file))
			.withMessage(file + ": line 2: 'Land Forces' already stands for branch GROUND_FORCES, cannot also mean "
					+ "LAND_FORCES");
	}

	@Test
	void extensionWithoutHeaderIsRejected() throws IOException {
		Path file = write("# only a comment\nCOAST_GUARD,MO\n");
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceData.withExtension(file))
			.withMessage(file + ": line 2: expected the header code,aliases");
		Path empty = write("");
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceData.withExtension(empty))
			.withMessage(empty + ": no header code,aliases");
	}

	@Test
	void extensionWithBadLineIsRejected() throws IOException {
		Path tooMany = write("code,aliases\nCOAST_GUARD,MO,extra\n");
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceData.withExtension(tooMany))
			.withMessage(tooMany + ": line 2: expected 2 fields (code,aliases), found 3");
		Path unterminated = write("code,aliases\nCOAST_GUARD,\"MO\n");
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceData.withExtension(unterminated))
			.withMessage(unterminated + ": line 2: unterminated or misplaced quote");
		Path noCode = write("code,aliases\n,MO\n");
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceData.withExtension(noCode))
			.withMessage(noCode + ": line 2: missing branch code");
		Path badCode = write("code,aliases\n=COAST,MO\n");
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceData.withExtension(badCode))
			.withMessage(badCode + ": line 2: branch code '=COAST' may hold only letters, digits and _");
	}

	@Test
	void missingExtensionFileIsAnIoProblem() {
		Path missing = this.dir.resolve("missing.csv");
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> ReferenceData.withExtension(missing))
			.withMessageStartingWith("Cannot read service branch file " + missing);
	}

	private Path write(String content) throws IOException {
		Path file = Files.createTempFile(this.dir, "branches", ".csv");
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

}
