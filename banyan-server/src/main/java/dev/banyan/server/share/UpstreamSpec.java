package dev.banyan.server.share;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The upstream interface behind a proxy service (上级接口): a provincial or national HTTP API registered once and
 * re-exposed through Banyan's gateway with the same authentication, grants, quotas and logging. The service's
 * {@code parameters} are what Banyan's callers give (each passed upstream under its {@code field}, or its own name),
 * its {@code output} the fields of the upstream's answer that callers may be granted.
 *
 * @param url           the upstream URL, absolute {@code http(s)://…}, or starting with a named upstream address
 *                      {@code ${upstream.NAME}} configured as {@code banyan.share.upstreams.NAME}; with {@code GET}
 *                      the call's parameters are added to its query string
 * @param method        {@code GET} (default) or {@code POST} (parameters as a JSON object body)
 * @param timeoutMillis how long to wait for the whole answer, 100–60000 ms (default 5000)
 * @param headers       fixed headers sent upstream, e.g. the city's credentials there; credentials are written as
 *                      {@code ${env:NAME}} placeholders, read from the server's environment at call time and never
 *                      stored, logged or shown
 * @param dataPointer   where the records sit in the upstream's answer, as a JSON pointer (e.g. {@code /data} of the
 *                      usual {@code {"code": "00", "message": "成功", "data": {…}}} envelope); empty for the whole answer
 * @param personal      output fields holding personal information (个人信息) and how each is masked for a caller not
 *                      granted it in clear
 */
public record UpstreamSpec(String url, String method, Integer timeoutMillis, Map<String, String> headers,
                           String dataPointer, Map<String, Mask> personal) {

    /** The timeout when none is given. */
    public static final int DEFAULT_TIMEOUT_MILLIS = 5000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{env:([^}]*)}");

    /** How a personal field of an upstream answer is masked (脱敏方式), as the catalog masks the same kinds of data. */
    public enum Mask {
        /** identity or certificate numbers: the first six and last four characters kept. */
        IDENTIFIER,
        /** telephone numbers: the first three and last four digits kept. */
        PHONE,
        /** names: the first character kept. */
        NAME,
        /** addresses: the first six characters kept. */
        ADDRESS,
        /** dates: the year kept. */
        DATE,
        /** anything else: nothing kept. */
        HIDDEN
    }

    public UpstreamSpec {
        method = method == null || method.isBlank() ? "GET" : method.strip().toUpperCase(java.util.Locale.ROOT);
        headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
        dataPointer = dataPointer == null ? "" : dataPointer.strip();
        personal = personal == null ? Map.of() : new LinkedHashMap<>(personal);
    }

    public UpstreamSpec(String url, String method, Integer timeoutMillis, Map<String, String> headers) {
        this(url, method, timeoutMillis, headers, null, null);
    }

    /** The timeout in force. */
    public int timeout() {
        return timeoutMillis == null ? DEFAULT_TIMEOUT_MILLIS : timeoutMillis;
    }

    /**
     * The headers as pages may show them: {@code ${env:…}} placeholders as written (they name a variable, not its
     * value) and any other text of a header that looks like a credential replaced by asterisks.
     */
    public Map<String, String> headersForDisplay() {
        Map<String, String> shown = new LinkedHashMap<>();
        headers.forEach((name, value) -> shown.put(name, looksLikeCredential(name) && !onlyPlaceholders(value)
                ? "******" : value));
        return shown;
    }

    /** Whether a header by this name usually carries a secret (a key, a token, a password, a signature). */
    public static boolean looksLikeCredential(String headerName) {
        String n = headerName.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
        return n.equals("authorization") || n.contains("key") || n.contains("token") || n.contains("secret")
                || n.contains("password") || n.contains("signature") || n.contains("cookie");
    }

    /** Whether the value consists of {@code ${env:…}} placeholders only (with an optional scheme word like {@code Bearer}). */
    public static boolean onlyPlaceholders(String value) {
        if (value == null) {
            return false;
        }
        Matcher m = PLACEHOLDER.matcher(value);
        if (!m.find()) {
            return false;
        }
        String rest = PLACEHOLDER.matcher(value).replaceAll("").strip();
        return rest.isEmpty() || rest.matches("(?i)bearer|basic|token|apikey");
    }
}
