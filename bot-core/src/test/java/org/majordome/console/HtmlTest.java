package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void textFromOutsideIsEscaped() {
        assertThat(Html.text("<script>alert('x')</script> & \"q\"").toString())
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    }

    @Test
    void aTemplateEscapesItsArgumentsButNotItsHtmlParts() {
        Html nick = Html.text("<b>");
        assertThat(Html.format("<td title=\"{}\">{}</td>", "a\"b", Html.of(Html.markup("<em>"), nick)).toString())
                .isEqualTo("<td title=\"a&quot;b\"><em>&lt;b&gt;</td>");
    }

    @Test
    void aTemplateWithTheWrongNumberOfArgumentsIsABug() {
        assertThatThrownBy(() -> Html.format("{} {}", "one")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Html.format("{}", "one", "two")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullIsNothing() {
        assertThat(Html.text(null).toString()).isEmpty();
        assertThat(Html.format("[{}]", (Object) null).toString()).isEqualTo("[]");
    }
}
