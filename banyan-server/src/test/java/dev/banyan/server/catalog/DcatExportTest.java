package dev.banyan.server.catalog;

import static dev.banyan.server.catalog.CatalogFixtures.ADMIN;
import static dev.banyan.server.catalog.CatalogFixtures.complete;
import static dev.banyan.server.catalog.CatalogFixtures.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.CatalogFixtures.Dept;
import dev.banyan.server.identity.DepartmentDirectory;
import java.io.StringReader;
import java.io.InputStream;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/** The DCAT-AP 3 export conforms to the SEMIC DCAT-AP 3.0.1 SHACL shapes, in Turtle and in JSON-LD. */
@BanyanServerTest
class DcatExportTest {

    /** The SEMIC shapes, copied into the test resources with their source and licence (see README.md there). */
    static final String SHAPES = "/dcat-ap-3.0.1/";
    static final String SHAPES_SOURCE = "https://semiceu.github.io/DCAT-AP/releases/3.0.1/html/shacl/";

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    private String export(String path, Dept d) throws Exception {
        return mvc.perform(get("/api/v1/catalog/" + path).param("department", d.department().code())
                        .with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_catalog.read"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void conformsToTheDcatApShapes() throws Exception {
        Dept market = CatalogFixtures.department(directory, "榕城市市场监管局（DCAT 测试）");
        for (String serial : List.of("001", "002")) {
            Resource r = catalog.draft(market.liaison(), complete(market, serial, "企业登记信息 \"" + serial + "\"", "Company register " + serial,
                    List.of(field("统一社会信用代码", "DE0010"), field("企业名称", "DE0011"))));
            catalog.submit(market.cdo(), r.id());
            catalog.publish(ADMIN, r.id(), null);
        }
        Shapes shapes = Shapes.parse(shapesGraph());

        Model turtle = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(export("export.ttl", market))).lang(Lang.TURTLE).parse(turtle.getGraph());
        assertConforms(shapes, turtle);
        assertThat(turtle.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type,
                turtle.createResource("http://www.w3.org/ns/dcat#Dataset")).toList()).hasSize(2);

        Model jsonLd = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(export("export.jsonld", market))).lang(Lang.JSONLD).parse(jsonLd.getGraph());
        assertConforms(shapes, jsonLd);
        assertThat(jsonLd.isIsomorphicWith(turtle)).isTrue();

        // The shapes do bite: a dataset without its mandatory description is a violation.
        Model broken = ModelFactory.createDefaultModel().add(turtle);
        broken.removeAll(null, org.apache.jena.vocabulary.DCTerms.description, null);
        assertThat(violations(shapes, broken)).isNotEmpty();
    }

    private static org.apache.jena.graph.Graph shapesGraph() throws java.io.IOException {
        Model m = ModelFactory.createDefaultModel();
        for (String file : List.of("shapes.ttl", "range.ttl", "shapes_recommended.ttl", "mdr-vocabularies.shape.ttl")) {
            try (InputStream in = DcatExportTest.class.getResourceAsStream(SHAPES + file)) {
                assertThat(in).as("test resource %s%s", SHAPES, file).isNotNull();
                RDFParser.create().source(in).lang(Lang.TURTLE).base(SHAPES_SOURCE + file).parse(m.getGraph());
            }
        }
        assertThat(m.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type,
                m.createResource("http://www.w3.org/ns/shacl#NodeShape")).toList()).as("node shapes").hasSizeGreaterThan(20);
        return m.getGraph();
    }

    private static void assertConforms(Shapes shapes, Model data) {
        var violations = violations(shapes, data);
        assertThat(violations).as(violations::toString).isEmpty();
    }

    private static List<org.apache.jena.shacl.validation.ReportEntry> violations(Shapes shapes, Model data) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data.getGraph());
        return report.getEntries().stream().filter(e -> e.severity().equals(Severity.Violation)).toList();
    }
}
