package org.coordination.exchange.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.coordination.exchange.store.RunHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StoreOptionsTests {

	@TempDir
	Path dir;

	private String logFileProperty;

	@BeforeEach
	void rememberLogFile() {
		this.logFileProperty = System.getProperty("exchange.log.file");
	}

	@AfterEach
	void restoreLogFile() {
		if (this.logFileProperty != null) {
			System.setProperty("exchange.log.file", this.logFileProperty);
		}
		else {
			System.clearProperty("exchange.log.file");
		}
	}

	@Test
	void keyComesFromTheEnvironmentAndMustBeUsableByH2() {
		assertThat(options("data/exchanges", null).key()).isNull();
		assertThat(options("data/exchanges", "s3cret-Key_1").key()).isEqualTo("s3cret-Key_1");
		assertThatExceptionOfType(UnusableStoreException.class).isThrownBy(() -> options("data/exchanges", "").key())
			.withMessage("EXCHANGE_DB_KEY is set but empty");
		assertThatExceptionOfType(UnusableStoreException.class)
			.isThrownBy(() -> options("data/exchanges", "two words").key())
			.withMessage("EXCHANGE_DB_KEY must not contain spaces");
	}

	@Test
	void urlAsksForEncryptionAndSendsH2TracesToTheLog() {
		Path base = Path.of("data/exchanges").toAbsolutePath();
		assertThat(options("data/exchanges", null).jdbcUrl(false))
			.isEqualTo("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=4");
		assertThat(options("data/exchanges", "k").jdbcUrl(true))
			.isEqualTo("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=4;CIPHER=AES");
		assertThat(options("jdbc:h2:mem:x", null).jdbcUrl(false)).isEqualTo("jdbc:h2:mem:x");
	}

	@Test
	void newStoreIsOwnerOnlyEncryptedAndOpensOnlyWithItsKey() throws IOException {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
		String db = this.dir.resolve("store/exchanges").toString();
		try (ConfigurableApplicationContext context = options(db, "s3cret").open()) {
			context.getBean(RunHistory.class).start(Instant.parse("2025-06-10T10:00:00Z"), "input/");
		}
		Path store = this.dir.resolve("store");
		assertThat(permissions(store)).isEqualTo("rwx------");
		assertThat(permissions(store.resolve("exchanges.mv.db"))).isEqualTo("rw-------");
		assertThat(permissions(store.resolve("exchange-reports.log"))).isEqualTo("rw-------");
		try (Stream<Path> files = Files.list(store)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("exchanges.mv.db",
					"exchange-reports.log");
		}
		try (InputStream in = Files.newInputStream(store.resolve("exchanges.mv.db"))) {
			assertThat(new String(in.readNBytes(10), StandardCharsets.US_ASCII)).isEqualTo("H2encrypt\n");
		}

		assertThatExceptionOfType(UnusableStoreException.class).isThrownBy(() -> options(db, "wrong").open())
			.withMessage(db + ": cannot open the store: wrong key in EXCHANGE_DB_KEY");
		assertThatExceptionOfType(UnusableStoreException.class).isThrownBy(() -> options(db, null).open())
			.withMessage(db + ": the store is encrypted: set EXCHANGE_DB_KEY to its key");
		// a wrong key changed nothing: the right one still opens the same store
		try (ConfigurableApplicationContext context = options(db, "s3cret").open()) {
			assertThat(context.getBean(RunHistory.class).last(5)).singleElement()
				.satisfies((run) -> assertThat(run.inputs()).isEqualTo("input/"));
		}
	}

	@Test
	void plainStoreWithAKeyIsRefusedRatherThanReplaced() throws IOException, SQLException {
		Path store = Files.createDirectories(this.dir.resolve("plain"));
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + store.resolve("exchanges"), "sa",
				"")) {
			connection.createStatement().execute("CREATE TABLE marker (x INT)");
		}
		long size = Files.size(store.resolve("exchanges.mv.db"));
		String db = store.resolve("exchanges").toString();

		assertThatExceptionOfType(UnusableStoreException.class).isThrownBy(() -> options(db, "s3cret").open())
			.withMessage(db + ": the store is not encrypted, but EXCHANGE_DB_KEY is set: unset it, or encrypt the "
					+ "store first (see README)");
		assertThat(Files.size(store.resolve("exchanges.mv.db"))).isEqualTo(size);
	}

	@Test
	void aServerUrlMustNotHoldAPassword() {
		for (String url : new String[] { "jdbc:postgresql://db:5432/exchange?user=x&password=y",
				"jdbc:postgresql://db:5432/exchange?ssl=true&PASSWORD=y", "jdbc:postgresql://x:y@db:5432/exchange" }) {
			assertThatExceptionOfType(UnusableStoreException.class).as(url)
				.isThrownBy(() -> options(url, null).checkUrl())
				.withMessageStartingWith("--db: the URL holds a password; ");
		}
		options("jdbc:postgresql://db:5432/exchange?user=x&sslmode=verify-full", null).checkUrl();
		options("jdbc:postgresql://[::1]:5432/exchange", null).checkUrl();
	}

	@Test
	void serverCredentialsComeFromTheEnvironmentForServerStoresOnly() {
		StoreOptions server = options("jdbc:postgresql://db:5432/exchange", null);
		server.environment = Map.of("EXCHANGE_DB_USER", "exchange", "EXCHANGE_DB_PASSWORD", "secret")::get;
		assertThat(server.serverCredentials()).containsOnly(Map.entry("spring.datasource.username", "exchange"),
				Map.entry("spring.datasource.password", "secret"));
		StoreOptions file = options("data/exchanges", null);
		file.environment = server.environment;
		assertThat(file.serverCredentials()).isEmpty();
	}

	private static StoreOptions options(String db, String key) {
		StoreOptions options = new StoreOptions();
		options.db = db;
		Map<String, String> environment = (key != null) ? Map.of(StoreOptions.KEY_VARIABLE, key) : Map.of();
		options.environment = environment::get;
		return options;
	}

	private static String permissions(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
