package org.coordination.exchange.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;

/**
 * The benchmark's floor: a minimal single pass over a CSV file with the same CSV parser
 * the job uses, doing nothing else. The job's time is reported as a multiple of this. Not
 * in the jar: bench/benchmark.sh compiles it against the OpenCSV of the jar it measures
 * and runs it through that jar's launcher, so an older jar gets the same floor.
 */
public final class FloorReader {

	private FloorReader() {
	}

	public static void main(String[] args) throws IOException {
		RFC4180Parser parser = new RFC4180ParserBuilder().withSeparator(',').build();
		long rows = 0;
		long fields = 0;
		try (BufferedReader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				fields += parser.parseLine(line).length;
				rows++;
			}
		}
		System.out.println(rows + " rows, " + fields + " fields");
	}

}
