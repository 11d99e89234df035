package org.coordination.exchange.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code run}: import new input, then write all reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Imports new input into the store, then writes all reports from the store.",
				"Exit status: 0 completed, 1 failed (reject limit, I/O error, stopped, store in use), "
						+ "2 unusable command line or input." })
class RunCommand implements Callable<Integer>, StoreCommand {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Mixin
	RunOptions options;

	@Override
	public Integer call() {
		this.options.check(this.spec.commandLine());
		return this.options.runOnce(this.spec.commandLine().getOut(), this.spec.commandLine().getErr());
	}

	@Override
	public StoreOptions store() {
		return this.options.store;
	}

}
