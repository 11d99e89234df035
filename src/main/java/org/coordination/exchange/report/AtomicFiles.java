package org.coordination.exchange.report;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Writes report files so that a reader never sees a half written one: the content goes to
 * a temporary file in the target's directory, which is then moved into place.
 */
public final class AtomicFiles {

	private static final int MAX_NAME_ATTEMPTS = 100;

	private AtomicFiles() {
	}

	/**
	 * Write {@code target} with the bytes {@code content} produces. The target is
	 * replaced only when {@code content} completes; on any failure it is left as it was
	 * and the temporary file is deleted.
	 * @param target the file to write; its directory must exist
	 * @param content writes the file's bytes; closing the stream it is given is harmless
	 * @throws IOException when writing or moving fails
	 */
	public static void write(Path target, IOConsumer<OutputStream> content) throws IOException {
		write(target, content, UnaryOperator.identity());
	}

	/**
	 * As {@link #write(Path, IOConsumer)}, with the file's own stream passed through
	 * {@code device} first: tests make it fail as a full disk does.
	 */
	static void write(Path target, IOConsumer<OutputStream> content, UnaryOperator<OutputStream> device)
			throws IOException {
		Path absolute = target.toAbsolutePath();
		Path dir = absolute.getParent();
		Path temp = createTemp(dir, absolute.getFileName().toString());
		boolean done = false;
		try {
			// a FileOutputStream so the data can be forced to disk before the move: after
			// a power loss the report is the old or the new one, never an empty one
			try (FileOutputStream file = new FileOutputStream(temp.toFile());
					OutputStream out = new BufferedOutputStream(device.apply(file), 64 * 1024)) {
				try {
					content.accept(new NonClosingOutputStream(out));
				}
				catch (UncheckedIOException ex) {
					throw ex.getCause();
				}
				out.flush();
				file.getChannel().force(true);
			}
			move(temp, absolute);
			done = true;
		}
		finally {
			if (!done) {
				deleteQuietly(temp);
			}
		}
	}

	/**
	 * A new, empty temporary file next to the target. Not Files.createTempFile: its
	 * owner-only permissions would be carried into the finished report.
	 */
	private static Path createTemp(Path dir, String name) throws IOException {
		for (int attempt = 0;; attempt++) {
			Path temp = dir
				.resolve("." + name + ".tmp-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
			try {
				return Files.createFile(temp);
			}
			catch (FileAlreadyExistsException ex) {
				if (attempt >= MAX_NAME_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(Path temp) {
		try {
			Files.deleteIfExists(temp);
		}
		catch (IOException ex) {
			// the original failure matters more; a leftover temp name is hidden
		}
	}

	/**
	 * Keeps the file open when a content writer closes its stream (as try-with-resources
	 * around a Writer does), so it can still be forced to disk and moved.
	 */
	private static final class NonClosingOutputStream extends FilterOutputStream {

		NonClosingOutputStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

	/**
	 * Produces a file's content; unlike {@link java.util.function.Consumer} it may throw
	 * {@link IOException}.
	 *
	 * @param <T> what it consumes
	 */
	@FunctionalInterface
	public interface IOConsumer<T> {

		void accept(T value) throws IOException;

	}

}
