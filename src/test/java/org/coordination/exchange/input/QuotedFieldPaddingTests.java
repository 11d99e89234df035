package org.coordination.exchange.input;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotedFieldPaddingTests {

	@Test
	void spacesAndTabsAroundQuotedFieldsAreTakenAway() {
		assertThat(QuotedFieldPadding.mayBePadded("a, \"b,c\" ,d", ',')).isTrue();
		assertThat(QuotedFieldPadding.unpadQuotedFields("a, \"b,c\" ,d", ',')).isEqualTo("a,\"b,c\",d");
		assertThat(QuotedFieldPadding.unpadQuotedFields("\t\"a\"\t; \"b \"\"c\"\" \" ", ';'))
			.isEqualTo("\"a\";\"b \"\"c\"\" \"");
	}

	@Test
	void unquotedFieldsAndSpacesInsideQuotesAreLeftAlone() {
		String record = "a b,\" c \",d ";
		assertThat(QuotedFieldPadding.mayBePadded(record, ',')).isTrue();
		assertThat(QuotedFieldPadding.unpadQuotedFields(record, ',')).isSameAs(record);
		assertThat(QuotedFieldPadding.mayBePadded("a,\"b\",c", ',')).isFalse();
	}

	@Test
	void whatCannotBeMadeSenseOfIsLeftForTheParser() {
		// text after the closing quote, an unterminated quote
		assertThat(QuotedFieldPadding.unpadQuotedFields("a, \"b\" x,c", ',')).isEqualTo("a, \"b\" x,c");
		assertThat(QuotedFieldPadding.unpadQuotedFields("a, \"b,c", ',')).isEqualTo("a, \"b,c");
	}

	@Test
	void aTabSeparatorIsNoPadding() {
		assertThat(QuotedFieldPadding.unpadQuotedFields("a\t \"b\" \tc", '\t')).isEqualTo("a\t\"b\"\tc");
	}

}
