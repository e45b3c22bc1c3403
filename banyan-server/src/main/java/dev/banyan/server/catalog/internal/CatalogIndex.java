package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.CatalogHits;
import dev.banyan.server.catalog.CatalogQuery;
import dev.banyan.server.catalog.DataElement;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The catalog's full-text index (目录检索索引): Apache Lucene with the SmartChineseAnalyzer over each resource's
 * names, summary, fields and the names and aliases of the data elements its fields carry — so that 身份证 finds a
 * resource with a 公民身份号码 field — with facets by department, domain, share type, open type, grade and status.
 * It lives in memory and is rebuilt from the database at start (see ADR 0007).
 */
public final class CatalogIndex implements AutoCloseable {

    /** Facet dimensions, in the order pages show them. */
    public static final List<String> DIMENSIONS = List.of("department", "domain", "shareType", "openType", "grade", "status");

    private static final Map<String, Float> BOOSTS = Map.of("name", 4f, "element", 2.5f, "field", 2f, "summary", 1f);

    /**
     * What being the authoritative source (一数一源) of a matching data element adds to a resource's score, so that a
     * query for the element finds the source before the resources that copy it. A constant rather than BM25: few
     * resources are sources, which would make the term's weight in that field (its idf) almost nothing.
     */
    private static final float AUTHORITY_BONUS = 3f;

    private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();
    private final FacetsConfig facets = new FacetsConfig();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile FacetState facetState;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    public CatalogIndex() {
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the whole index. */
    public synchronized void rebuild(Collection<Resource> resources, Function<Long, String> departmentCodes,
                                     Map<String, DataElement> elements) {
        try {
            writer.deleteAll();
            for (Resource r : resources) {
                writer.addDocument(facets.build(document(r, departmentCodes.apply(r.providerId()), elements)));
            }
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces one resource. */
    public synchronized void put(Resource r, String departmentCode, Map<String, DataElement> elements) {
        try {
            writer.updateDocument(new Term("id", Long.toString(r.id())), facets.build(document(r, departmentCode, elements)));
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refresh() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    public CatalogHits search(CatalogQuery q) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query query = query(q);
                var result = FacetsCollectorManager.search(searcher, query, q.limit(), new FacetsCollectorManager());
                List<CatalogHits.Hit> hits = new ArrayList<>();
                var stored = searcher.storedFields();
                for (ScoreDoc sd : result.topDocs().scoreDocs) {
                    Document doc = stored.document(sd.doc);
                    hits.add(new CatalogHits.Hit(Long.parseLong(doc.get("id")), doc.get("code"), doc.get("nameZh"),
                            doc.get("nameEn"), sd.score));
                }
                Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
                if (searcher.getIndexReader().numDocs() > 0) {
                    var facetCounts = new SortedSetDocValuesFacetCounts(state(searcher.getIndexReader()), result.facetsCollector());
                    for (String dim : DIMENSIONS) {
                        Map<String, Integer> values = new LinkedHashMap<>();
                        FacetResult fr = facetCounts.getTopChildren(100, dim);
                        if (fr != null) {
                            for (LabelAndValue lv : fr.labelValues) {
                                values.put(lv.label, lv.value.intValue());
                            }
                        }
                        counts.put(dim, values);
                    }
                }
                return new CatalogHits(result.topDocs().totalHits.value(), hits, counts);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facet ordinals of a reader are built once per reader, not per query. */
    private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current == null || current.reader() != reader) {
            current = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, facets));
            facetState = current;
        }
        return current.state();
    }

    private Query query(CatalogQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (q.text() == null || q.text().isBlank()) {
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        } else {
            MultiFieldQueryParser parser = new MultiFieldQueryParser(BOOSTS.keySet().toArray(String[]::new), analyzer, BOOSTS);
            try {
                String text = QueryParser.escape(q.text().strip());
                b.add(parser.parse(text), BooleanClause.Occur.MUST);
                b.add(new BoostQuery(new ConstantScoreQuery(new QueryParser("authority", analyzer).parse(text)), AUTHORITY_BONUS),
                        BooleanClause.Occur.SHOULD);
            } catch (ParseException e) {
                b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            }
        }
        filter(b, "department", q.department());
        filter(b, "domain", q.domain());
        filter(b, "shareType", q.shareType());
        filter(b, "openType", q.openType());
        filter(b, "grade", q.grade());
        filter(b, "status", q.status());
        return b.build();
    }

    private static void filter(BooleanQuery.Builder b, String dim, Object value) {
        if (value != null && !value.toString().isBlank()) {
            b.add(new TermQuery(new Term("f." + dim, value.toString())), BooleanClause.Occur.FILTER);
        }
    }

    private static Document document(Resource r, String departmentCode, Map<String, DataElement> elements) {
        Document doc = new Document();
        doc.add(new StringField("id", Long.toString(r.id()), Field.Store.YES));
        doc.add(new StoredField("code", r.code()));
        doc.add(new StoredField("nameZh", r.nameZh()));
        if (r.nameEn() != null) {
            doc.add(new StoredField("nameEn", r.nameEn()));
        }
        doc.add(new TextField("name", join(r.nameZh(), r.nameEn()), Field.Store.NO));
        doc.add(new TextField("summary", join(r.summary(), r.code(), r.sourceSystem(), r.format()), Field.Store.NO));
        StringBuilder fields = new StringBuilder();
        StringBuilder elementText = new StringBuilder();
        StringBuilder authorityText = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ResourceField f : r.fields()) {
            fields.append(join(f.name(), f.description())).append('\n');
            DataElement e = f.dataElement() == null ? null : elements.get(f.dataElement());
            // Each element once: a resource with three identity-number fields is not three times more relevant.
            if (e != null && seen.add(e.code())) {
                elementText.append(join(e.nameZh(), e.nameEn(), e.aliases())).append('\n');
            }
            if (e != null) {
                if (f.authoritative()) {
                    authorityText.append(join(e.nameZh(), e.nameEn(), e.aliases())).append('\n');
                }
            }
        }
        doc.add(new TextField("authority", authorityText.toString(), Field.Store.NO));
        doc.add(new TextField("field", fields.toString(), Field.Store.NO));
        doc.add(new TextField("element", elementText.toString(), Field.Store.NO));
        facet(doc, "department", departmentCode);
        facet(doc, "domain", r.domain());
        facet(doc, "shareType", r.shareType());
        facet(doc, "openType", r.openType());
        facet(doc, "grade", r.grade());
        facet(doc, "status", r.status());
        return doc;
    }

    private static void facet(Document doc, String dim, Object value) {
        if (value != null) {
            doc.add(new SortedSetDocValuesFacetField(dim, value.toString()));
            doc.add(new StringField("f." + dim, value.toString(), Field.Store.NO));
        }
    }

    private static String join(String... parts) {
        StringBuilder s = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                s.append(p).append(' ');
            }
        }
        return s.toString();
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
