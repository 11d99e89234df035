package org.coordination.exchange.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.coordination.exchange.store.RunHistory;
import org.coordination.exchange.store.RunHistory.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code history}: past runs, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
		description = "Lists past runs: when, inputs, status and counts, newest first.")
class HistoryCommand implements Callable<Integer>, StoreCommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Mixin
	StoreOptions store;

	@Option(names = "--last", paramLabel = "N", defaultValue = "20",
			description = "How many runs to list (default: ${DEFAULT-VALUE}).")
	int last;

	@Override
	public StoreOptions store() {
		return this.store;
	}

	@Override
	public Integer call() {
		if (this.last < 1) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--last must be at least 1");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = this.store.open()) {
			List<RunRecord> runs = context.getBean(RunHistory.class).last(this.last);
			if (runs.isEmpty()) {
				out.println("No runs yet.");
				return 0;
			}
			out.printf("%-5s %-19s %-19s %-11s %5s %5s %5s %9s %9s %9s %9s  %s%n", "run", "started", "finished",
					"status", "imp", "skip", "fail", "read", "accepted", "rejected", "updated", "inputs");
			for (RunRecord run : runs) {
				out.printf("%-5d %-19s %-19s %-11s %5d %5d %5d %9d %9d %9d %9d  %s%n", run.runId(),
						TIME.format(run.startedAt()), (run.finishedAt() != null) ? TIME.format(run.finishedAt()) : "-",
						run.status(), run.filesImported(), run.filesSkipped(), run.filesFailed(), run.rowsRead(),
						run.accepted(), run.rejected(), run.updated(), run.inputs());
				if (run.message() != null) {
					out.println("      " + run.message());
				}
				if (run.notes() != null) {
					out.println("      " + run.notes());
				}
			}
			return 0;
		}
	}

}
