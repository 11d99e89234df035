package org.coordination.exchange.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.coordination.exchange.ExchangeReportsApplication;
import org.coordination.exchange.input.ExchangeFileReader;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The store option shared by the commands that use it, and how they open the store.
 * <p>
 * The store holds personal data, so a new store folder, the store file and the log file
 * beside it are created readable by their owner only. With {@value #KEY_VARIABLE} set,
 * the store is encrypted at rest (H2 {@code CIPHER=AES}) with that key; an encrypted
 * store without the key, a plain store with a key, and a wrong key each stop the command
 * with one line and exit status 2, never an empty store in its place.
 */
class StoreOptions {

	/** The environment variable holding the store's encryption key. */
	static final String KEY_VARIABLE = "EXCHANGE_DB_KEY";

	/** The environment variables holding the user and password of a server store. */
	static final String USER_VARIABLE = "EXCHANGE_DB_USER";

	static final String PASSWORD_VARIABLE = "EXCHANGE_DB_PASSWORD";

	static final String STORE_SUFFIX = ".mv.db";

	// a password in a JDBC URL: a password parameter, or user:password@ before the host
	private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;]password=)|(//[^/?#@]*:[^/?#@]*@)");

	static final String LOG_FILE = "exchange-reports.log";

	// H2's error code for a file it cannot decrypt: the key is wrong
	private static final int H2_FILE_ENCRYPTION_ERROR = 90049;

	// the first bytes of an H2 file encrypted with CIPHER
	private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

	@Option(names = "--db", paramLabel = "PATH|URL",
			defaultValue = "${sys:exchange.db:-${env:EXCHANGE_DB:-data/exchanges}}",
			description = "The store: an H2 database file path without extension (default: ${DEFAULT-VALUE}; " + "set "
					+ KEY_VARIABLE + " to keep it encrypted), or a JDBC URL such as "
					+ "jdbc:postgresql://HOST:PORT/DB with the user and password in " + USER_VARIABLE + " and "
					+ PASSWORD_VARIABLE + ", never in the URL. Also the property exchange.db or the "
					+ "variable EXCHANGE_DB.")
	String db;

	/** Where the key is looked up; tests give their own environment. */
	UnaryOperator<String> environment = System::getenv;

	/** Starts the application context on this store; migrations run on start. */
	ConfigurableApplicationContext open(String... extraProperties) {
		boolean server = this.db.startsWith("jdbc:");
		if (server) {
			checkUrl();
		}
		String key = server ? null : key();
		if (!server) {
			prepareFiles(key);
		}
		SpringApplication application = new SpringApplication(ExchangeReportsApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setWebApplicationType(WebApplicationType.NONE);
		// a stop signal must not close the database under a running chunk: the context is
		// closed by the command when its run has stopped (see GracefulShutdown)
		application.setRegisterShutdownHook(false);
		if (key != null) {
			// H2 takes the file key and the user password in one: "<key> <password>";
			// given as a property source, not an argument, so it is never echoed
			application.addInitializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("exchangeStoreKey", Map.of("spring.datasource.password", key + " "))));
		}
		Map<String, Object> credentials = serverCredentials();
		if (!credentials.isEmpty()) {
			// from the environment, never the command line: they win over the defaults
			application.addInitializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("exchangeStoreCredentials", credentials)));
		}
		List<String> args = new ArrayList<>();
		args.add("--spring.datasource.url=" + jdbcUrl(key != null));
		args.addAll(List.of(extraProperties));
		try {
			return application.run(args.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			if (key != null && hasErrorCode(ex, H2_FILE_ENCRYPTION_ERROR)) {
				throw new UnusableStoreException(this.db + ": cannot open the store: wrong key in " + KEY_VARIABLE, ex);
			}
			throw ex;
		}
	}

	String jdbcUrl(boolean encrypted) {
		if (this.db.startsWith("jdbc:")) {
			return this.db;
		}
		// DB_CLOSE_ON_EXIT: H2 would close the database in its own shutdown hook, under a
		// stopping run. WRITE_DELAY=0: a committed chunk is in the file at once, so a
		// process killed right after it resumes after it, not a second earlier.
		// TRACE_LEVEL_FILE=4: H2's own trace file would be created world-readable; its
		// messages go to the log file instead.
		return "jdbc:h2:file:" + base() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=4"
				+ (encrypted ? ";CIPHER=AES" : "");
	}

	/**
	 * A URL given on the command line is seen by everyone on the machine (the process
	 * list, the shell's history): it must not carry a password.
	 * @throws UnusableStoreException when it does
	 */
	void checkUrl() {
		if (URL_PASSWORD.matcher(this.db).find()) {
			throw new UnusableStoreException("--db: the URL holds a password; it would be visible to every user of "
					+ "the machine. Put the user and password in " + USER_VARIABLE + " and " + PASSWORD_VARIABLE
					+ " (or a Spring profile's spring.datasource.username and .password) instead", null);
		}
	}

	/** The user and password of a server store, from the environment, if set there. */
	Map<String, Object> serverCredentials() {
		Map<String, Object> credentials = new java.util.HashMap<>();
		if (!this.db.startsWith("jdbc:") || this.db.startsWith("jdbc:h2:")) {
			return credentials;
		}
		String user = this.environment.apply(USER_VARIABLE);
		String password = this.environment.apply(PASSWORD_VARIABLE);
		if (user != null) {
			credentials.put("spring.datasource.username", user);
		}
		if (password != null) {
			credentials.put("spring.datasource.password", password);
		}
		return credentials;
	}

	/**
	 * The key, or {@code null} when the store is not encrypted.
	 * @throws UnusableStoreException for a key H2 cannot take
	 */
	String key() {
		String key = this.environment.apply(KEY_VARIABLE);
		if (key == null) {
			return null;
		}
		if (key.isEmpty()) {
			throw new UnusableStoreException(KEY_VARIABLE + " is set but empty", null);
		}
		if (key.chars().anyMatch(Character::isWhitespace)) {
			throw new UnusableStoreException(KEY_VARIABLE + " must not contain spaces", null);
		}
		return key;
	}

	Path storeFile() {
		Path base = base();
		return base.resolveSibling(base.getFileName() + STORE_SUFFIX);
	}

	private Path base() {
		return Path.of(this.db).toAbsolutePath().normalize();
	}

	/**
	 * Create the store's folder and files owner-only when they are new, and check that an
	 * existing store matches the key before H2 opens it.
	 */
	private void prepareFiles(String key) {
		Path storeFile = storeFile();
		Path dir = storeFile.getParent();
		Path logFile = dir.resolve(LOG_FILE);
		try {
			if (!Files.isDirectory(dir)) {
				Files.createDirectories(dir, ownerOnly("rwx------"));
			}
			createOwnerOnly(logFile);
			// the log file (library messages, stack traces) lives beside the store
			System.setProperty("exchange.log.file", logFile.toString());
			checkEncryption(storeFile, key);
			// an empty file is a new store to H2, which keeps the file's permissions
			createOwnerOnly(storeFile);
		}
		catch (IOException ex) {
			LoggerFactory.getLogger(StoreOptions.class).debug("Cannot prepare the store", ex);
			// no cause: the command line's handler shows the innermost message
			throw new IllegalStateException(this.db + ": cannot create the store: " + ExchangeFileReader.reason(ex));
		}
	}

	private void checkEncryption(Path storeFile, String key) throws IOException {
		if (!Files.isRegularFile(storeFile) || Files.size(storeFile) == 0) {
			return;
		}
		boolean encrypted;
		try (InputStream in = Files.newInputStream(storeFile)) {
			encrypted = Arrays.equals(in.readNBytes(ENCRYPTED_HEADER.length), ENCRYPTED_HEADER);
		}
		if (encrypted && key == null) {
			throw new UnusableStoreException(this.db + ": the store is encrypted: set " + KEY_VARIABLE + " to its key",
					null);
		}
		if (!encrypted && key != null) {
			throw new UnusableStoreException(this.db + ": the store is not encrypted, but " + KEY_VARIABLE
					+ " is set: unset it, or encrypt the store first (see README)", null);
		}
	}

	private static void createOwnerOnly(Path file) throws IOException {
		if (Files.exists(file)) {
			return;
		}
		try {
			Files.createFile(file, ownerOnly("rw-------"));
		}
		catch (FileAlreadyExistsException ex) {
			// made meanwhile by another process: its permissions stand
		}
	}

	private static FileAttribute<?>[] ownerOnly(String permissions) {
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[0];
		}
		return new FileAttribute<?>[] {
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) };
	}

	private static boolean hasErrorCode(Throwable ex, int errorCode) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof SQLException sql && sql.getErrorCode() == errorCode) {
				return true;
			}
		}
		return false;
	}

}
