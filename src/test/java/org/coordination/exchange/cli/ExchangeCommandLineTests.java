package org.coordination.exchange.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeCommandLineTests {

	@Test
	void theSubcommandNamedFirstIsTheOnlyOneBuilt() {
		assertThat(ExchangeCommandLine.subcommandsFor("validate", "--input", "x"))
			.containsExactly(ValidateCommand.class);
		assertThat(ExchangeCommandLine.subcommandsFor("migrate-store")).containsExactly(MigrateStoreCommand.class);
	}

	@Test
	void anythingElseGetsEverySubcommand() {
		assertThat(ExchangeCommandLine.subcommandsFor()).hasSize(7);
		assertThat(ExchangeCommandLine.subcommandsFor("--help")).hasSize(7);
		assertThat(ExchangeCommandLine.subcommandsFor("valdate")).hasSize(7);
		assertThat(ExchangeCommandLine.subcommandsFor("--input", "validate")).hasSize(7);
	}

	@Test
	void usageListsEverySubcommandInOrder() {
		StringWriter out = new StringWriter();
		int exit = ExchangeCommandLine.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
				"--help");
		assertThat(exit).isZero();
		assertThat(out.toString()
			.lines()
			.filter((line) -> line.matches("  [a-z-]+ .*"))
			.map((line) -> line.strip().split(" ")[0]))
			.containsExactly("run", "validate", "history", "schedule", "export", "generate", "migrate-store");
	}

	@Test
	void aMistypedSubcommandIsOneLineAndStatusTwo() {
		StringWriter err = new StringWriter();
		int exit = ExchangeCommandLine.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
				"valdate");
		assertThat(exit).isEqualTo(2);
		assertThat(err.toString().lines())
			.containsExactly("error: Unmatched argument at index 0: 'valdate' (see 'exchange-reports --help')");
	}

}
