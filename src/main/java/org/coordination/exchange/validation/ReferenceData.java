package org.coordination.exchange.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coordination.exchange.record.Names;

/**
 * The service branches of SPEC §2 and their aliases. They are reference data, read from
 * the classpath resource {@value #DEFAULT_RESOURCE}, and an operator can add branches and
 * aliases with a file of the same format without rebuilding. The other code lists are
 * fixed by the SPEC and live in {@link CodedValueRules}.
 * <p>
 * Format: UTF-8 (a byte-order mark is allowed), one record per line, fields separated by
 * {@code ,} and quoted per RFC 4180 when needed (a quoted field cannot span lines); a
 * header {@code code,aliases}; then one line per branch: its canonical code and its
 * aliases separated by {@code |}. Lines starting with {@code #} and blank lines are
 * ignored. A code is written in reports as its {@link Names#key matching key}, so it must
 * consist of letters, digits and {@code _} (or {@code -} and spaces, which become
 * {@code _}). A code always matches itself. A line naming a known code adds its aliases
 * to that branch; an alias that already stands for another branch is an error.
 */
public final class ReferenceData {

	static final String DEFAULT_RESOURCE = "reference/service-branches.csv";

	private final Set<String> branchCodes;

	private final CodeTable<String> branches;

	private ReferenceData(Builder builder) {
		this.branchCodes = Collections.unmodifiableSet(new LinkedHashSet<>(builder.codes));
		this.branches = CodeTable.ofKeys(builder.byKey);
	}

	/** The branches and aliases shipped with the application. */
	public static ReferenceData defaults() {
		Builder builder = new Builder();
		builder.addDefaults();
		return new ReferenceData(builder);
	}

	/**
	 * The defaults plus an operator's file of the same format.
	 * @param operatorFile the operator's file
	 * @return the combined reference data
	 * @throws UncheckedIOException if the file cannot be read
	 * @throws IllegalArgumentException if its content is wrong; the message names the
	 * file, the line and the problem
	 */
	public static ReferenceData withExtension(Path operatorFile) {
		Builder builder = new Builder();
		builder.addDefaults();
		List<String> lines;
		try {
			lines = Files.readAllLines(operatorFile, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read service branch file " + operatorFile + ": " + ex, ex);
		}
		builder.add(operatorFile.toString(), lines);
		return new ReferenceData(builder);
	}

	/**
	 * The canonical branch code for a code or alias, matched case-insensitively with
	 * {@code _}, {@code -} and space alike.
	 */
	public Optional<String> branch(String value) {
		return Optional.ofNullable(branchOrNull(value));
	}

	/** The canonical codes of all branches, in the order they were defined. */
	public Set<String> branchCodes() {
		return this.branchCodes;
	}

	/** {@link #branch(String)} without the allocation, for the validator's hot path. */
	String branchOrNull(String value) {
		return this.branches.lookup(value);
	}

	private static final class Builder {

		private final Set<String> codes = new LinkedHashSet<>();

		private final Map<String, String> byKey = new HashMap<>();

		void addDefaults() {
			InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
			if (in == null) {
				throw new IllegalStateException("Missing classpath resource " + DEFAULT_RESOURCE);
			}
			List<String> lines = new ArrayList<>();
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					lines.add(line);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read classpath resource " + DEFAULT_RESOURCE, ex);
			}
			add("classpath:" + DEFAULT_RESOURCE, lines);
		}

		void add(String source, List<String> lines) {
			boolean headerSeen = false;
			for (int index = 0; index < lines.size(); index++) {
				String line = lines.get(index);
				if (index == 0 && line.startsWith("\uFEFF")) {
					line = line.substring(1);
				}
				String trimmed = Values.trim(line);
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				String where = source + ": line " + (index + 1) + ": ";
				List<String> fields = fields(line);
				if (fields == null) {
					throw new IllegalArgumentException(where + "unterminated or misplaced quote");
				}
				if (fields.size() > 2) {
					throw new IllegalArgumentException(
							where + "expected 2 fields (code,aliases), found " + fields.size());
				}
				if (!headerSeen) {
					if (fields.size() != 2 || !"CODE".equals(Names.key(fields.get(0)))
							|| !"ALIASES".equals(Names.key(fields.get(1)))) {
						throw new IllegalArgumentException(where + "expected the header code,aliases");
					}
					headerSeen = true;
					continue;
				}
				addBranch(where, Values.trim(fields.get(0)), (fields.size() > 1) ? fields.get(1) : "");
			}
			if (!headerSeen) {
				throw new IllegalArgumentException(source + ": no header code,aliases");
			}
		}

		private void addBranch(String where, String codeText, String aliasText) {
			if (codeText.isEmpty()) {
				throw new IllegalArgumentException(where + "missing branch code");
			}
			String code = Names.key(codeText);
			for (int i = 0; i < code.length(); i++) {
				char c = code.charAt(i);
				if (c != '_' && !Character.isLetterOrDigit(c)) {
					throw new IllegalArgumentException(
							where + "branch code '" + codeText + "' may hold only letters, digits and _");
				}
			}
			this.codes.add(code);
			register(where, codeText, code);
			int start = 0;
			while (start <= aliasText.length()) {
				int end = aliasText.indexOf('|', start);
				if (end < 0) {
					end = aliasText.length();
				}
				String alias = Values.trim(aliasText.substring(start, end));
				if (!alias.isEmpty()) {
					register(where, alias, code);
				}
				start = end + 1;
			}
		}

		private void register(String where, String name, String code) {
			String existing = this.byKey.putIfAbsent(Names.key(name), code);
			if (existing != null && !existing.equals(code)) {
				throw new IllegalArgumentException(
						where + "'" + name + "' already stands for branch " + existing + ", cannot also mean " + code);
			}
		}

		/**
		 * The fields of one line per RFC 4180 (comma-separated, {@code "} quoting with
		 * doubled quotes inside), {@code null} for an unterminated quote or text after a
		 * closing quote. Spaces and tabs around a quoted field are allowed.
		 */
		private static List<String> fields(String line) {
			List<String> fields = new ArrayList<>(2);
			StringBuilder field = new StringBuilder();
			int length = line.length();
			int i = 0;
			while (true) {
				field.setLength(0);
				int start = i;
				while (i < length && Values.isSpaceOrTab(line.charAt(i))) {
					i++;
				}
				if (i < length && line.charAt(i) == '"') {
					i++;
					while (true) {
						if (i >= length) {
							return null;
						}
						char c = line.charAt(i++);
						if (c != '"') {
							field.append(c);
						}
						else if (i < length && line.charAt(i) == '"') {
							field.append('"');
							i++;
						}
						else {
							break;
						}
					}
					while (i < length && Values.isSpaceOrTab(line.charAt(i))) {
						i++;
					}
					if (i < length && line.charAt(i) != ',') {
						return null;
					}
				}
				else {
					i = start;
					while (i < length && line.charAt(i) != ',') {
						field.append(line.charAt(i++));
					}
				}
				fields.add(field.toString());
				if (i >= length) {
					return fields;
				}
				i++;
			}
		}

	}

}
