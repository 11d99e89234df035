package org.coordination.exchange.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.coordination.exchange.input.ExchangeFileReader;
import org.coordination.exchange.input.InputFileException;
import org.coordination.exchange.input.InputFiles;

/**
 * A run's input files in the order of SPEC §2, each with its content hash, or why an
 * input cannot be used. Hashing first lets files of the same content be imported one
 * after the other (the second is then skipped as already imported), never side by side.
 *
 * @param files the planned files, in order
 */
record RunPlan(List<PlannedFile> files) {

	static RunPlan of(List<Path> inputs) {
		List<PlannedFile> files = new ArrayList<>();
		for (Path input : inputs) {
			try {
				for (Path file : InputFiles.expand(List.of(input))) {
					files.add(hashed(file));
				}
			}
			catch (InputFileException ex) {
				files.add(new PlannedFile(null, null, ex.getMessage()));
			}
		}
		return new RunPlan(files);
	}

	/** Whether two files of the plan have the same content. */
	boolean sameContentTwice() {
		List<String> hashes = this.files.stream().map(PlannedFile::sha256).filter(Objects::nonNull).toList();
		return new HashSet<>(hashes).size() < hashes.size();
	}

	/** How many files of the plan can be imported. */
	long importable() {
		return this.files.stream().filter(PlannedFile::importable).count();
	}

	private static PlannedFile hashed(Path file) {
		try {
			return new PlannedFile(file, sha256(file), null);
		}
		catch (IOException ex) {
			// listed, then gone (or unreadable) before it could be read
			return new PlannedFile(file, null, file + ": cannot read file: " + ExchangeFileReader.reason(ex));
		}
	}

	static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * One planned file.
	 *
	 * @param file the file, {@code null} when the input itself is unusable
	 * @param sha256 its content hash, {@code null} when it could not be read
	 * @param problem why it cannot be imported, {@code null} when it can
	 */
	record PlannedFile(Path file, String sha256, String problem) {

		boolean importable() {
			return this.problem == null;
		}

	}

}
