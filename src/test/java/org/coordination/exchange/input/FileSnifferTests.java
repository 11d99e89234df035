package org.coordination.exchange.input;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileSnifferTests {

	@Test
	void utf8CheckIgnoresACharacterCutAtTheEndOfTheWindow() {
		byte[] head = new byte[1 << 16];
		Arrays.fill(head, (byte) 'a');
		byte[] cyrillic = "ж".getBytes(StandardCharsets.UTF_8);
		head[10] = cyrillic[0];
		head[11] = cyrillic[1];
		head[head.length - 1] = cyrillic[0];
		Charset cp1251 = Charset.forName("windows-1251");
		assertThat(FileSniffer.sniff(head, head.length, cp1251)).startsWith("the file looks like UTF-8");
		assertThat(FileSniffer.sniff(head, head.length, StandardCharsets.UTF_8)).isNull();
		head[11] = 'a';
		assertThat(FileSniffer.sniff(head, head.length, cp1251)).isNull();
	}

}
