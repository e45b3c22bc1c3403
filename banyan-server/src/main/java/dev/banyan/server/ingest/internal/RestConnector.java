package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.RowProblem;
import dev.banyan.server.ingest.SourceConnector;
import dev.banyan.server.ingest.SourceErrorCode;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.ingest.SourceFingerprint;
import dev.banyan.server.ingest.SourceOption;
import dev.banyan.server.ingest.SourceReader;
import dev.banyan.server.ingest.SourceSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.filter.FilteringParserDelegate;
import tools.jackson.core.filter.JsonPointerBasedFilter;
import tools.jackson.core.filter.TokenFilter;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A REST API returning JSON records page by page (接口拉取): {@code GET url?page=N&size=M} from {@code first_page} on,
 * the records being the page itself (a JSON array) or the array at {@code items_pointer}; it stops at the first page
 * with fewer than {@code page_size} records. One page is held in memory at a time. A 5xx, a 429 or an I/O error is
 * retried {@code retries} times with a growing pause; any other HTTP error, or the retries running out, raises
 * {@link SourceErrorCode#SOURCE_FAILED} naming the page and status, and nothing read in that run is to be kept.
 */
public final class RestConnector implements SourceConnector {

    private static final Set<SourceOption> OPTIONS = EnumSet.of(SourceOption.PAGE_PARAM, SourceOption.PAGE_SIZE_PARAM,
            SourceOption.PAGE_SIZE, SourceOption.FIRST_PAGE, SourceOption.ITEMS_POINTER, SourceOption.MAX_PAGES,
            SourceOption.HEADERS, SourceOption.TIMEOUT_SECONDS, SourceOption.RETRIES, SourceOption.EXPECTED_COLUMNS);

    private final HttpClient client;

    public RestConnector() {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    public RestConnector(HttpClient client) {
        this.client = client;
    }

    @Override
    public String type() {
        return "rest";
    }

    @Override
    public Set<SourceOption> options() {
        return OPTIONS;
    }

    @Override
    public SourceReader open(SourceSpec spec) {
        URI uri;
        try {
            uri = URI.create(spec.location());
        } catch (IllegalArgumentException e) {
            throw new SourceException(SourceErrorCode.BAD_OPTION, spec.location(), null, "not a valid URL: " + e.getMessage(),
                    "give an http:// or https:// URL.", e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new SourceException(SourceErrorCode.BAD_OPTION, spec.location(), null, "not an HTTP URL",
                    "give an http:// or https:// URL.");
        }
        return AbstractSourceReader.started(new RestReader(spec, uri), r -> r.start());
    }

    private final class RestReader extends AbstractSourceReader {

        private final SourceSpec spec;
        private final URI base;
        private int page;
        private int pagesFetched;
        private boolean lastPage;
        private final Deque<LinkedHashMap<String, String>> buffered = new ArrayDeque<>();
        private final Deque<String> bufferedWhere = new ArrayDeque<>();
        private final Deque<RowProblem> bufferedProblem = new ArrayDeque<>();
        private Map<String, Integer> index;
        private final ContentHash hash = new ContentHash();

        RestReader(SourceSpec spec, URI base) {
            super(spec.location());
            this.spec = spec;
            this.base = base;
            this.page = spec.options().firstPage();
        }

        void start() {
            fetch();
            List<String> expected = spec.options().expectedColumns();
            if (!expected.isEmpty()) {
                columns(expected);
            } else {
                columns(JsonRecords.columnsOf(buffered));
            }
            index = JsonRecords.index(columns());
            hash.add(columns());
        }

        private URI pageUri(int n) {
            SourceSpec.Options o = spec.options();
            String query = base.getRawQuery();
            String add = enc(o.pageParam()) + "=" + n + "&" + enc(o.pageSizeParam()) + "=" + o.pageSize();
            String s = base.toString();
            int hashAt = s.indexOf('#');
            if (hashAt >= 0) {
                s = s.substring(0, hashAt);
            }
            return URI.create(s + (query == null || query.isEmpty() ? (s.endsWith("?") ? "" : "?") : "&") + add);
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        /** Fetches the next page into the buffer. */
        private void fetch() {
            SourceSpec.Options o = spec.options();
            if (pagesFetched >= o.maxPages()) {
                throw new SourceException(SourceErrorCode.SOURCE_FAILED, source, "page " + page,
                        "more than max_pages (" + o.maxPages() + ") pages; the API may be ignoring the paging parameters",
                        "check page_param / page_size_param against the API's documentation, or raise max_pages.");
            }
            URI uri = pageUri(page);
            String where = "page " + page;
            HttpResponse<byte[]> response = get(uri, where);
            int i = 0;
            try (JsonParser raw = JsonRecords.MAPPER.createParser(response.body());
                 JsonParser p = o.itemsPointer().isEmpty() ? raw : new FilteringParserDelegate(raw,
                         new JsonPointerBasedFilter(o.itemsPointer()), TokenFilter.Inclusion.ONLY_INCLUDE_ALL, false)) {
                JsonToken first = p.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    throw new SourceException(SourceErrorCode.MALFORMED, source, where,
                            o.itemsPointer().isEmpty() ? "the response is not a JSON array"
                                    : "the response has no array at " + o.itemsPointer(),
                            "set items_pointer to where the records are (e.g. /data/items); the response starts "
                                    + abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
                }
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        throw new SourceException(SourceErrorCode.MALFORMED, source, where,
                                "the response ends inside the records array", "check the API; the page may be cut short.");
                    }
                    i++;
                    String itemWhere = where + ", record " + i;
                    if (t == JsonToken.START_OBJECT) {
                        buffered.add(JsonRecords.readObject(p));
                        bufferedProblem.add(NONE);
                    } else {
                        buffered.add(new LinkedHashMap<>());
                        bufferedProblem.add(new RowProblem(-1, itemWhere, null, SourceErrorCode.UNPARSEABLE_ROW,
                                RowProblem.Severity.ERROR, "the record is not a JSON object", JsonRecords.value(p, t)));
                    }
                    bufferedWhere.add(itemWhere);
                }
            } catch (JacksonException e) {
                throw new SourceException(SourceErrorCode.MALFORMED, source, where,
                        "the response is not valid JSON: " + e.getOriginalMessage(),
                        "check that the URL returns JSON (Content-Type " + response.headers()
                                .firstValue("content-type").orElse("unknown") + ").", e);
            }
            pagesFetched++;
            page++;
            lastPage = i < o.pageSize();
        }

        private static final RowProblem NONE = new RowProblem(0, null, null, SourceErrorCode.UNPARSEABLE_ROW,
                RowProblem.Severity.WARNING, "none", null);

        private HttpResponse<byte[]> get(URI uri, String where) {
            SourceSpec.Options o = spec.options();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(o.timeout()).GET()
                    .header("Accept", "application/json");
            o.headers().forEach(request::header);
            int attempt = 0;
            while (true) {
                attempt++;
                String failure;
                Exception cause = null;
                try {
                    HttpResponse<byte[]> r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    int status = r.statusCode();
                    if (status >= 200 && status < 300) {
                        return r;
                    }
                    failure = "HTTP " + status + " " + abbreviate(new String(r.body(), StandardCharsets.UTF_8));
                    if (!(status >= 500 || status == 429)) {
                        throw new SourceException(SourceErrorCode.SOURCE_FAILED, source, where, "the API answered "
                                + failure, status == 401 || status == 403
                                ? "check the credentials (request headers such as header.Authorization)."
                                : "check the URL and paging parameters; nothing read in this run may be kept.");
                    }
                } catch (IOException e) {
                    failure = e.toString();
                    cause = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SourceException(SourceErrorCode.SOURCE_FAILED, source, where, "interrupted", null, e);
                }
                if (attempt > o.retries()) {
                    throw new SourceException(SourceErrorCode.SOURCE_FAILED, source, where,
                            "the API failed " + attempt + " time(s), last with " + failure,
                            "nothing read in this run may be kept; rerun the load when the API is healthy.", cause);
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SourceException(SourceErrorCode.SOURCE_FAILED, source, where, "interrupted", null, e);
                }
            }
        }

        private static String abbreviate(String s) {
            String t = s.strip().replaceAll("\\s+", " ");
            return t.length() > 200 ? t.substring(0, 200) + "…" : t;
        }

        @Override
        protected Row read() {
            if (buffered.isEmpty()) {
                if (lastPage) {
                    return null;
                }
                fetch();
                if (buffered.isEmpty()) {
                    return null;
                }
            }
            LinkedHashMap<String, String> record = buffered.poll();
            String where = bufferedWhere.poll();
            RowProblem p = bufferedProblem.poll();
            long rowNumber = nextRowNumber();
            List<RowProblem> problems = new ArrayList<>(0);
            if (p != NONE) {
                problems.add(new RowProblem(rowNumber, p.where(), null, p.code(), p.severity(), p.message(), p.value()));
            }
            List<String> values = JsonRecords.values(record, columns(), index, rowNumber, where, problems);
            hash.add(values);
            return new Row(values, problems);
        }

        @Override
        protected SourceFingerprint finish(long rows) {
            return hash.finish(rows);
        }

        @Override
        public String description() {
            return "REST, " + pagesFetched + " page(s) of " + spec.options().pageSize();
        }

        @Override
        protected void release() {
            buffered.clear();
        }
    }
}
