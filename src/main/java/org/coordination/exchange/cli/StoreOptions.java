package org.coordination.exchange.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.coordination.exchange.ExchangeReportsApplication;
import picocli.CommandLine.Option;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The store option shared by the commands that use it, and how they open the store. */
class StoreOptions {

	@Option(names = "--db", paramLabel = "PATH", defaultValue = "data/exchanges",
			description = "The store: an H2 database file path without extension (default: ${DEFAULT-VALUE}).")
	String db;

	/** Starts the application context on this store; migrations run on start. */
	ConfigurableApplicationContext open(String... extraProperties) {
		if (!this.db.startsWith("jdbc:")) {
			// the log file (library messages, stack traces) lives beside the store
			Path dir = Path.of(this.db).toAbsolutePath().getParent();
			System.setProperty("exchange.log.file", dir.resolve("exchange-reports.log").toString());
		}
		SpringApplication application = new SpringApplication(ExchangeReportsApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setWebApplicationType(WebApplicationType.NONE);
		// a stop signal must not close the database under a running chunk: the context is
		// closed by the command when its run has stopped (see GracefulShutdown)
		application.setRegisterShutdownHook(false);
		List<String> args = new ArrayList<>();
		args.add("--spring.datasource.url=" + jdbcUrl());
		args.addAll(List.of(extraProperties));
		return application.run(args.toArray(String[]::new));
	}

	String jdbcUrl() {
		if (this.db.startsWith("jdbc:")) {
			return this.db;
		}
		// DB_CLOSE_ON_EXIT: H2 would close the database in its own shutdown hook, under a
		// stopping run. WRITE_DELAY=0: a committed chunk is in the file at once, so a
		// process killed right after it resumes after it, not a second earlier.
		return "jdbc:h2:file:" + Path.of(this.db).toAbsolutePath().normalize()
				+ ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
	}

}
