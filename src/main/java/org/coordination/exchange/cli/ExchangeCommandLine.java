package org.coordination.exchange.cli;

import java.io.PrintWriter;
import java.util.List;

import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of SPEC §6: one subcommand per verb, and one handler that turns any
 * failure into one line on stderr and an exit status.
 */
@Command(name = "exchange-reports", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Imports exchange record CSV files into a store and writes the stakeholders' reports.")
public final class ExchangeCommandLine implements Runnable {

	// in the order of the usage text
	private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, ValidateCommand.class,
			HistoryCommand.class, ScheduleCommand.class, ExportCommand.class, GenerateCommand.class,
			MigrateStoreCommand.class);

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing command: run, validate or history");
	}

	public static int execute(String... args) {
		return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
	}

	public static int execute(PrintWriter out, PrintWriter err, String... args) {
		CommandLine commandLine = new CommandLine(new ExchangeCommandLine());
		for (Class<?> subcommand : subcommandsFor(args)) {
			commandLine.addSubcommand(subcommand);
		}
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler(ExchangeCommandLine::handle);
		commandLine.setParameterExceptionHandler(ExchangeCommandLine::handleParameters);
		return commandLine.execute(args);
	}

	/**
	 * The subcommand named first on the command line, or all of them: picocli reads the
	 * annotations of every command it is given, a tenth of a second for the seven, which
	 * every {@code validate} would pay before reading a row.
	 */
	static List<Class<?>> subcommandsFor(String... args) {
		if (args.length > 0) {
			for (Class<?> subcommand : SUBCOMMANDS) {
				if (subcommand.getAnnotation(Command.class).name().equals(args[0])) {
					return List.of(subcommand);
				}
			}
		}
		return SUBCOMMANDS;
	}

	// One line, not the whole usage text: scripts and logs read the first line.
	private static int handleParameters(CommandLine.ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		commandLine.getErr()
			.printf("error: %s (see '%s --help')%n", ex.getMessage(), commandLine.getCommandSpec().qualifiedName());
		return 2;
	}

	// Known causes get their own exit status; anything else is a failed run. The stack
	// trace goes to the log file, never to the user.
	private static int handle(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
		LoggerFactory.getLogger(ExchangeCommandLine.class).debug("Command failed", ex);
		Object command = commandLine.getCommand();
		String store = (command instanceof StoreCommand storeCommand) ? storeCommand.store().db : "";
		Failures.Failure failure = Failures.of(ex, store);
		commandLine.getErr().println("error: " + failure.message());
		return failure.exitCode();
	}

}
