package shop.slides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a region is cut out of a file, and how a missing or broken one is reported. */
class RegionTest {
    @TempDir
    Path root;

    private static final List<String> SOURCE = List.of(
            "class A {",
            "    // tag::outer[]",
            "    void a() {",
            "        // tag::inner[]",
            "        call();   ",
            "        // end::inner[]",
            "    }",
            "    // end::outer[]",
            "}");

    @Test
    void cutsTheRegionDedentsItAndDropsMarkerLines() {
        assertThat(Region.extract(SOURCE, "outer", "A.java")).isEqualTo("void a() {\n    call();\n}");
        assertThat(Region.extract(SOURCE, "inner", "A.java")).isEqualTo("call();");
    }

    @Test
    void dropsTheLinesThatMarkALabsTodoRegion() {
        List<String> solution = List.of(
                "    // tag::gauge[]",
                "    int gauge() {",
                "        // TODO 5: register a gauge",
                "        //   once per impl",
                "        // tag::inner[]",
                "        //   (still the TODO's comment)",
                "        return 1; // a comment of the answer stays",
                "        // a comment line of the answer stays too",
                "        // end TODO 5",
                "        // TODO 6: another one, on one line",
                "        return 2;",
                "        // end::inner[]",
                "        // end TODO 6",
                "    }",
                "    // end::gauge[]");
        assertThat(Region.extract(solution, "gauge", "A.java")).isEqualTo(
                "int gauge() {\n    return 1; // a comment of the answer stays\n    // a comment line of the answer stays too\n"
                        + "    return 2;\n}");
    }

    @Test
    void hashAndXmlMarkersWorkToo() {
        List<String> yaml = List.of("# tag::rule[]", "expr: up == 0", "# end::rule[]",
                "<!-- tag::dep[] -->", "<dependency/>", "<!-- end::dep[] -->");
        assertThat(Region.extract(yaml, "rule", "rules.yml")).isEqualTo("expr: up == 0");
        assertThat(Region.extract(yaml, "dep", "pom.xml")).isEqualTo("<dependency/>");
    }

    @Test
    void aMissingRegionSaysHowToAddIt() {
        assertThatThrownBy(() -> Region.extract(SOURCE, "gone", "A.java"))
                .hasMessageContaining("A.java has no region \"gone\"")
                .hasMessageContaining("// tag::gone[]");
    }

    @Test
    void anUnclosedRegionIsReported() {
        assertThatThrownBy(() -> Region.extract(List.of("// tag::x[]", "a"), "x", "A.java"))
                .hasMessageContaining("never closes it");
    }

    @Test
    void aMissingFileIsReported() {
        assertThatThrownBy(() -> Region.read(root, "solutions/nope/A.java#x"))
                .hasMessageContaining("no file solutions/nope/A.java");
        assertThatThrownBy(() -> Region.read(root, "../outside.java#x"))
                .hasMessageContaining("no file");
    }

    @Test
    void aReferenceWithoutRegionIsRefused() {
        assertThatThrownBy(() -> Region.read(root, "A.java")).hasMessageContaining("names no region");
    }
}
