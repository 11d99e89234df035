package org.coordination.exchange.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AtomicFilesTests {

	@TempDir
	Path dir;

	@Test
	void writesTheContent() throws IOException {
		Path target = this.dir.resolve("report.csv");
		AtomicFiles.write(target, (out) -> out.write("a,b\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(target).hasContent("a,b\n");
		assertThat(names()).containsExactly("report.csv");
	}

	@Test
	void writesThroughAHiddenTemporaryFileInTheSameDirectory() throws IOException {
		Path target = this.dir.resolve("report.csv");
		Files.writeString(target, "old\n");
		AtomicFiles.write(target, (out) -> {
			out.write("new\n".getBytes(StandardCharsets.UTF_8));
			out.flush();
			// while writing, readers still see the complete old report
			assertThat(target).hasContent("old\n");
			assertThat(names()).hasSize(2).contains("report.csv").anySatisfy((name) -> {
				assertThat(name).startsWith(".report.csv.tmp-");
				assertThat(this.dir.resolve(name)).hasContent("new\n");
			});
		});
		assertThat(target).hasContent("new\n");
		assertThat(names()).containsExactly("report.csv");
	}

	@Test
	void failureKeepsTheOldFileAndRemovesTheTemporaryOne() throws IOException {
		Path target = this.dir.resolve("report.csv");
		Files.writeString(target, "old\n");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> AtomicFiles.write(target, (out) -> {
			out.write("partial".getBytes(StandardCharsets.UTF_8));
			throw new IOException("disk full");
		})).withMessage("disk full");
		assertThat(target).hasContent("old\n");
		assertThat(names()).containsExactly("report.csv");
	}

	@Test
	void diskFullWhileWritingKeepsTheOldFileAndRemovesTheTemporaryOne() throws IOException {
		Path target = this.dir.resolve("report.csv");
		Files.writeString(target, "old\n");
		byte[] big = new byte[200_000];
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> AtomicFiles.write(target, (out) -> out.write(big), (file) -> new FullDisk(file, 100_000)))
			.withMessage("No space left on device");
		assertThat(target).hasContent("old\n");
		assertThat(names()).containsExactly("report.csv");
	}

	@Test
	void diskFullAtTheLastFlushKeepsTheOldFile() throws IOException {
		Path target = this.dir.resolve("report.csv");
		Files.writeString(target, "old\n");
		// the content fits the buffer: the disk fills only when it is flushed at the end
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> AtomicFiles.write(target,
				(out) -> out.write("new\n".getBytes(StandardCharsets.UTF_8)), (file) -> new FullDisk(file, 2)))
			.withMessage("No space left on device");
		assertThat(target).hasContent("old\n");
		assertThat(names()).containsExactly("report.csv");
	}

	@Test
	void runtimeFailureRemovesTheTemporaryFileAndCreatesNothing() throws IOException {
		Path target = this.dir.resolve("report.csv");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> AtomicFiles.write(target, (out) -> {
			out.write("partial".getBytes(StandardCharsets.UTF_8));
			throw new IllegalStateException("source failed");
		}));
		assertThat(names()).isEmpty();
	}

	@Test
	void uncheckedIOExceptionIsReportedAsItsCause() throws IOException {
		Path target = this.dir.resolve("report.csv");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> AtomicFiles.write(target, (out) -> {
			throw new UncheckedIOException(new IOException("stream failed"));
		})).withMessage("stream failed");
		assertThat(names()).isEmpty();
	}

	@Test
	void contentMayCloseItsStream() throws IOException {
		Path target = this.dir.resolve("report.csv");
		AtomicFiles.write(target, (out) -> {
			try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
				writer.write("closed early\n");
			}
		});
		assertThat(Files.readString(target)).isEqualTo("closed early\n");
		assertThat(names()).containsExactly("report.csv");
	}

	@Test
	void missingDirectoryFails() {
		Path target = this.dir.resolve("missing").resolve("report.csv");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> AtomicFiles.write(target, (out) -> out.write(1)));
	}

	@Test
	void relativeTargetIsWrittenNextToItself() throws IOException {
		Path target = Path.of("").toAbsolutePath().relativize(this.dir.resolve("report.csv"));
		AtomicFiles.write(target, (out) -> out.write('x'));
		assertThat(this.dir.resolve("report.csv")).hasContent("x");
		assertThat(names()).containsExactly("report.csv");
	}

	/** A disk with room for {@code room} more bytes, then "No space left on device". */
	static final class FullDisk extends FilterOutputStream {

		private long room;

		FullDisk(OutputStream out, long room) {
			super(out);
			this.room = room;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (length > this.room) {
				this.out.write(bytes, offset, (int) this.room);
				this.room = 0;
				throw new IOException("No space left on device");
			}
			this.room -= length;
			this.out.write(bytes, offset, length);
		}

	}

	private List<String> names() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
