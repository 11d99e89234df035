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
		List<String> args = new ArrayList<>();
		args.add("--spring.datasource.url=" + jdbcUrl());
		args.addAll(List.of(extraProperties));
		return application.run(args.toArray(String[]::new));
	}

	String jdbcUrl() {
		if (this.db.startsWith("jdbc:")) {
			return this.db;
		}
		return "jdbc:h2:file:" + Path.of(this.db).toAbsolutePath().normalize();
	}

}
