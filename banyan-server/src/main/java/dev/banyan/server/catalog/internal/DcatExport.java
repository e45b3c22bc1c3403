package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.identity.Department;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The published catalog as DCAT-AP 3.0.1 (Turtle and JSON-LD): a {@code dcat:Catalog} published by the platform,
 * one {@code dcat:Dataset} per resource with its publisher (a {@code foaf:Agent} named and identified by its
 * credit code), update frequency and access rights from the EU authority tables, and one distribution pointing
 * at the resource in Banyan's API. Both serialisations are written from the same list of statements.
 */
public final class DcatExport {

    static final String EU = "http://publications.europa.eu/resource/authority/";
    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("dcat", "http://www.w3.org/ns/dcat#");
        PREFIXES.put("dct", "http://purl.org/dc/terms/");
        PREFIXES.put("foaf", "http://xmlns.com/foaf/0.1/");
        PREFIXES.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        PREFIXES.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        PREFIXES.put("skos", "http://www.w3.org/2004/02/skos/core#");
    }

    /** An RDF term: an IRI, or a literal with a language or a datatype. */
    record Term(String iri, String literal, String language, String datatype) {
        static Term iri(String iri) {
            return new Term(iri, null, null, null);
        }

        static Term text(String value, String language) {
            return new Term(null, value, language, null);
        }

        static Term typed(String value, String datatype) {
            return new Term(null, value, null, datatype);
        }
    }

    record Statement(String subject, String predicate, Term object) {
    }

    private final String base;
    private final List<Statement> statements = new ArrayList<>();

    /** @param base the public address of this Banyan, e.g. {@code https://data.rongcheng.gov.cn} */
    public DcatExport(String base, Department platform, List<Resource> resources, Map<Long, Department> departments) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String catalog = this.base + "/catalog";
        add(catalog, "rdf:type", Term.iri(expand("dcat:Catalog")));
        // Named after the platform's department (e.g. 榕城市大数据管理局), so that each city's export says whose it is.
        String ownerZh = platform == null ? "" : platform.nameZh() + " · ";
        String ownerEn = platform == null ? "" : " — " + platform.nameEn();
        add(catalog, "dct:title", Term.text(ownerZh + "政务数据资源目录", "zh"));
        add(catalog, "dct:title", Term.text("Government data resource catalog" + ownerEn, "en"));
        add(catalog, "dct:description", Term.text("各部门登记并经审核发布的政务数据资源。", "zh"));
        add(catalog, "dct:description", Term.text("The government data resources registered by the departments and published after review.", "en"));
        Set<Long> publishers = new LinkedHashSet<>();
        if (platform != null) {
            add(catalog, "dct:publisher", Term.iri(agent(platform)));
            publishers.add(platform.id());
        }
        for (Resource r : resources) {
            String dataset = this.base + "/catalog/resources/" + r.code();
            add(catalog, "dcat:dataset", Term.iri(dataset));
            add(dataset, "rdf:type", Term.iri(expand("dcat:Dataset")));
            add(dataset, "dct:identifier", Term.typed(r.code(), expand("xsd:string")));
            add(dataset, "dct:title", Term.text(r.nameZh(), "zh"));
            if (r.nameEn() != null) {
                add(dataset, "dct:title", Term.text(r.nameEn(), "en"));
            }
            add(dataset, "dct:description", Term.text(r.summary() == null ? r.nameZh() : r.summary(), "zh"));
            Department provider = departments.get(r.providerId());
            if (provider != null) {
                add(dataset, "dct:publisher", Term.iri(agent(provider)));
                publishers.add(provider.id());
            }
            if (r.releaseDate() != null) {
                add(dataset, "dct:issued", Term.typed(r.releaseDate().toString(), expand("xsd:date")));
            }
            if (r.updateCycle() != null) {
                String frequency = EU + "frequency/" + r.updateCycle().frequency();
                add(dataset, "dct:accrualPeriodicity", Term.iri(frequency));
                add(frequency, "rdf:type", Term.iri(expand("dct:Frequency")));
                // Stated as in the EU vocabulary itself, so that validators need not load the whole table.
                add(frequency, "skos:inScheme", Term.iri(EU + "frequency"));
            }
            String rights = EU + "access-right/" + r.openType().accessRight();
            add(dataset, "dct:accessRights", Term.iri(rights));
            add(rights, "rdf:type", Term.iri(expand("dct:RightsStatement")));
            add(rights, "skos:inScheme", Term.iri(EU + "access-right"));
            for (ResourceField f : r.fields()) {
                add(dataset, "dcat:keyword", Term.text(f.name(), "zh"));
            }
            String distribution = dataset + "/distribution";
            add(dataset, "dcat:distribution", Term.iri(distribution));
            add(distribution, "rdf:type", Term.iri(expand("dcat:Distribution")));
            add(distribution, "dcat:accessURL", Term.iri(this.base + "/api/v1/catalog/resources/" + r.code()));
            add(distribution, "dct:title", Term.text(r.nameZh() + "（" + (r.format() == null ? "数据" : r.format()) + "）", "zh"));
        }
        for (Long id : publishers) {
            Department d = id.equals(platform == null ? null : platform.id()) ? platform : departments.get(id);
            String agent = agent(d);
            add(agent, "rdf:type", Term.iri(expand("foaf:Agent")));
            add(agent, "foaf:name", Term.text(d.nameZh(), "zh"));
            add(agent, "foaf:name", Term.text(d.nameEn(), "en"));
            add(agent, "dct:identifier", Term.typed(d.creditCode(), expand("xsd:string")));
        }
    }

    private String agent(Department d) {
        return base + "/departments/" + d.code();
    }

    private void add(String subject, String predicate, Term object) {
        Statement s = new Statement(subject, expand(predicate), object);
        if (!statements.contains(s)) {
            statements.add(s);
        }
    }

    private static String expand(String prefixed) {
        int colon = prefixed.indexOf(':');
        return PREFIXES.get(prefixed.substring(0, colon)) + prefixed.substring(colon + 1);
    }

    private static String compact(String iri) {
        for (var p : PREFIXES.entrySet()) {
            if (iri.startsWith(p.getValue()) && iri.substring(p.getValue().length()).matches("[A-Za-z][A-Za-z0-9_]*")) {
                return p.getKey() + ":" + iri.substring(p.getValue().length());
            }
        }
        return "<" + iri + ">";
    }

    /** RDF 1.1 Turtle, statements grouped by subject. */
    public String turtle() {
        StringBuilder out = new StringBuilder();
        PREFIXES.forEach((p, iri) -> out.append("@prefix ").append(p).append(": <").append(iri).append("> .\n"));
        out.append('\n');
        for (var entry : bySubject().entrySet()) {
            out.append('<').append(entry.getKey()).append('>');
            String sep = "\n    ";
            for (Statement s : entry.getValue()) {
                out.append(sep).append(s.predicate().equals(expand("rdf:type")) ? "a" : compact(s.predicate())).append(' ')
                        .append(turtleTerm(s.object()));
                sep = " ;\n    ";
            }
            out.append(" .\n\n");
        }
        return out.toString();
    }

    private static String turtleTerm(Term t) {
        if (t.iri() != null) {
            return compact(t.iri());
        }
        String quoted = "\"" + escape(t.literal()) + "\"";
        if (t.language() != null) {
            return quoted + "@" + t.language();
        }
        return quoted + "^^" + compact(t.datatype());
    }

    /** JSON-LD 1.1 with full IRIs, as a flattened {@code @graph}. */
    public String jsonLd() {
        StringBuilder out = new StringBuilder("{\n  \"@graph\": [\n");
        int n = 0;
        var subjects = bySubject();
        for (var entry : subjects.entrySet()) {
            out.append("    {\"@id\": ").append(json(entry.getKey()));
            Map<String, List<Term>> byPredicate = new LinkedHashMap<>();
            for (Statement s : entry.getValue()) {
                byPredicate.computeIfAbsent(s.predicate(), k -> new ArrayList<>()).add(s.object());
            }
            for (var p : byPredicate.entrySet()) {
                boolean type = p.getKey().equals(expand("rdf:type"));
                out.append(",\n      ").append(json(type ? "@type" : p.getKey())).append(": [");
                List<String> values = new ArrayList<>();
                for (Term t : p.getValue()) {
                    values.add(type ? json(t.iri()) : jsonTerm(t));
                }
                out.append(String.join(", ", values)).append(']');
            }
            out.append(++n < subjects.size() ? "},\n" : "}\n");
        }
        return out.append("  ]\n}\n").toString();
    }

    private static String jsonTerm(Term t) {
        if (t.iri() != null) {
            return "{\"@id\": " + json(t.iri()) + "}";
        }
        if (t.language() != null) {
            return "{\"@value\": " + json(t.literal()) + ", \"@language\": " + json(t.language()) + "}";
        }
        return "{\"@value\": " + json(t.literal()) + ", \"@type\": " + json(t.datatype()) + "}";
    }

    private Map<String, List<Statement>> bySubject() {
        Map<String, List<Statement>> m = new LinkedHashMap<>();
        for (Statement s : statements) {
            m.computeIfAbsent(s.subject(), k -> new ArrayList<>()).add(s);
        }
        return m;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String json(String s) {
        return "\"" + escape(s) + "\"";
    }
}
