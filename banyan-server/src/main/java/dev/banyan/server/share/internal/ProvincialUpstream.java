package dev.banyan.server.share.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.banyan.standards.CitizenIdNumber;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated provincial data-sharing platform (模拟省级共享平台) on the loopback interface, for the demo and the
 * tests: three interfaces as a city receives them from the province, answers derived from the identity number (the
 * same number always gets the same answer, so tests can predict them with this class's static methods), behind a
 * static API key in the {@code X-Api-Key} header, wrapped in the usual {@code {"code", "message", "data"}} envelope:
 * <ul>
 *   <li>{@code GET /gateway/civil-affairs/marriage/v1/verify?sfzh=} — 省婚姻登记信息核验 (Fujian civil affairs)</li>
 *   <li>{@code GET /gateway/national/education/v1/degrees?sfzh=&xm=} — 全国学历学位查询, cascaded from the national
 *       platform</li>
 *   <li>{@code POST /gateway/social-insurance/v1/certificate} with {@code {"aac002": id, "aac003": name}} —
 *       省社会保险参保证明 (AAC002/AAC003 are the social-insurance standard's codes of identity number and name)</li>
 * </ul>
 * Three names given as {@code xm}/{@code aac003} misbehave on purpose: {@value #SLOW_NAME} answers after
 * {@value #SLOW_MILLIS} ms, {@value #FAULT_NAME} with a 500 and a stack trace, {@value #MAINTENANCE_NAME} with a 200
 * HTML maintenance page — what real provincial gateways do on bad days.
 */
final class ProvincialUpstream implements AutoCloseable {

    /** The key the simulated province issued to the city. */
    static final String API_KEY = "fj-share-demo-3a9c51e7";
    /** The environment variable (or system property) the demo's proxy definitions read the key from. */
    static final String API_KEY_VARIABLE = "BANYAN_PROVINCE_API_KEY";
    static final String SLOW_NAME = "超时测试";
    static final String FAULT_NAME = "故障测试";
    static final String MAINTENANCE_NAME = "维护测试";
    static final long SLOW_MILLIS = 3000;
    /** The answers are as of this day, so that they do not change as people age. */
    static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "林",
        "郑", "何", "罗", "高", "郭", "朱", "谢"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
        "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "鑫", "婷", "晨"};
    private static final String[] REGISTRIES = {"福州市鼓楼区民政局婚姻登记处", "福州市台江区民政局婚姻登记处",
        "福州市仓山区民政局婚姻登记处", "福州市晋安区民政局婚姻登记处", "厦门市思明区民政局婚姻登记处", "泉州市鲤城区民政局婚姻登记处"};
    private static final String[][] SCHOOLS = {{"10386", "福州大学"}, {"10394", "福建师范大学"}, {"10384", "厦门大学"},
        {"10389", "福建农林大学"}, {"10385", "华侨大学"}, {"10390", "集美大学"}, {"10395", "闽江学院"}};
    private static final String[][] MAJORS = {{"计算机科学与技术", "工学"}, {"汉语言文学", "文学"}, {"会计学", "管理学"},
        {"临床医学", "医学"}, {"法学", "法学"}, {"土木工程", "工学"}, {"国际经济与贸易", "经济学"}, {"英语", "文学"}};
    private static final String[] EMPLOYERS = {"福州榕城软件有限公司", "福建闽江建设集团有限公司", "榕城市第一医院",
        "福州海峡物流有限公司", "福建茉莉茶业有限公司", "榕城市鼓楼区人民政府机关事务服务中心", "福州马尾造船股份有限公司"};

    /** One request as the simulator saw it, for tests: the credentials it carried are not kept, only whether it had them. */
    record Seen(String method, String path, Map<String, String> parameters, String requestId, String department,
                boolean authorised) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<Seen> seen = new ArrayDeque<>();

    private ProvincialUpstream(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a simulator on 127.0.0.1 at a free port. */
    static ProvincialUpstream start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        ProvincialUpstream upstream = new ProvincialUpstream(server, executor);
        server.setExecutor(executor);
        server.createContext("/gateway/", upstream::serve);
        server.start();
        return upstream;
    }

    /** Where it listens, e.g. {@code http://127.0.0.1:41237} — the value of the {@code province} upstream address. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests it received, oldest first (the last 100). */
    List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> parameters = "POST".equals(method) ? body(exchange.getRequestBody())
                    : query(exchange.getRequestURI().getRawQuery());
            boolean authorised = API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            remember(new Seen(method, path, parameters, exchange.getRequestHeaders().getFirst(UpstreamProxyHandler.REQUEST_ID_HEADER),
                    exchange.getRequestHeaders().getFirst(UpstreamProxyHandler.DEPARTMENT_HEADER), authorised));
            if (!authorised) {
                send(exchange, 401, envelope("401", "appKey无效或缺失", null));
                return;
            }
            String name = parameters.getOrDefault("xm", parameters.getOrDefault("aac003", ""));
            if (SLOW_NAME.equals(name)) {
                Thread.sleep(SLOW_MILLIS);
            } else if (FAULT_NAME.equals(name)) {
                byte[] trace = ("java.lang.NullPointerException: Cannot invoke \"com.fj.gateway.dao.PersonDao.find()\"\n"
                        + "\tat com.fj.gateway.service.QueryService.query(QueryService.java:88)\n"
                        + "\tat jdbc:oracle:thin:@10.18.3.21:1521/FJSHARE").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(500, trace.length);
                exchange.getResponseBody().write(trace);
                return;
            } else if (MAINTENANCE_NAME.equals(name)) {
                byte[] page = "<html><body><h1>系统维护中，请稍后再试</h1></body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                return;
            }
            String id = parameters.getOrDefault("sfzh", parameters.get("aac002"));
            Object data = switch (method + " " + path) {
                case "GET /gateway/civil-affairs/marriage/v1/verify" -> valid(id) ? marriage(id) : null;
                case "GET /gateway/national/education/v1/degrees" -> valid(id) ? degrees(id) : null;
                case "POST /gateway/social-insurance/v1/certificate" -> valid(id) ? insurance(id) : null;
                default -> {
                    send(exchange, 404, envelope("404", "接口不存在", null));
                    yield null;
                }
            };
            if (exchange.getResponseCode() == -1) {
                send(exchange, 200, data == null ? envelope("10", "身份证号码格式错误", null) : envelope("00", "成功", data));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void remember(Seen request) {
        synchronized (seen) {
            seen.addLast(request);
            while (seen.size() > 100) {
                seen.removeFirst();
            }
        }
    }

    private static Map<String, Object> envelope(String code, String message, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("data", data);
        return body;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static Map<String, String> body(InputStream in) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        byte[] bytes = in.readNBytes(64 * 1024);
        if (bytes.length > 0) {
            JsonNode node = JSON.readTree(bytes);
            node.properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asString()));
        }
        return parameters;
    }

    private static boolean valid(String id) {
        return id != null && CitizenIdNumber.parse(id).isValid();
    }

    // ---------------------------------------------------------------------------------------------- the answers

    /** What 省婚姻登记信息核验 answers for an identity number. */
    static Map<String, Object> marriage(String id) {
        byte[] h = hash("marriage", id);
        LocalDate birth = birth(id);
        boolean male = male(id);
        int legalAge = male ? 22 : 20;
        LocalDate earliest = birth.plusYears(legalAge);
        Map<String, Object> data = new LinkedHashMap<>();
        boolean married = !earliest.isAfter(AS_OF.minusYears(1)) && u(h, 0) % 100 < 65;
        data.put("married", married);
        if (married) {
            long span = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(earliest, AS_OF.minusYears(1)));
            LocalDate registered = earliest.plusDays(Math.min(span - 1, u(h, 1) % (12 * 365L)));
            data.put("registrationDate", registered.toString());
            data.put("registrationAuthority", REGISTRIES[u(h, 2) % REGISTRIES.length]);
            data.put("spouseName", name(h, 3));
            data.put("spouseIdNumber", spouse(id, h));
        } else {
            data.put("registrationDate", null);
            data.put("registrationAuthority", null);
            data.put("spouseName", null);
            data.put("spouseIdNumber", null);
        }
        return data;
    }

    /** What 全国学历学位查询 answers: none, a bachelor's degree, or a bachelor's and a master's. */
    static List<Map<String, Object>> degrees(String id) {
        byte[] h = hash("education", id);
        LocalDate birth = birth(id);
        List<Map<String, Object>> degrees = new ArrayList<>();
        int graduation = birth.getYear() + 22;
        if (graduation > AS_OF.getYear() || u(h, 0) % 10 >= 6) {
            return degrees;
        }
        String[] school = SCHOOLS[u(h, 1) % SCHOOLS.length];
        String[] major = MAJORS[u(h, 2) % MAJORS.length];
        degrees.add(degree(school, "本科", major[0], major[1] + "学士", graduation, h, 3));
        if (u(h, 5) % 10 < 3 && graduation + 3 <= AS_OF.getYear()) {
            String[] graduate = SCHOOLS[u(h, 6) % SCHOOLS.length];
            degrees.add(degree(graduate, "硕士研究生", major[0], major[1] + "硕士", graduation + 3, h, 7));
        }
        return degrees;
    }

    private static Map<String, Object> degree(String[] school, String level, String major, String degree, int year,
                                              byte[] h, int at) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("school", school[1]);
        d.put("level", level);
        d.put("major", major);
        d.put("degree", degree);
        d.put("graduationDate", year + "-06-30");
        // 学历证书编号: school code, level digit, year, then a serial
        d.put("certificateNumber", school[0] + ("本科".equals(level) ? "1" : "2") + year + String.format("%06d", u(h, at) % 1_000_000));
        return d;
    }

    /** What 省社会保险参保证明 answers. */
    static Map<String, Object> insurance(String id) {
        byte[] h = hash("insurance", id);
        LocalDate birth = birth(id);
        LocalDate firstWork = birth.plusYears(18 + u(h, 0) % 7);
        Map<String, Object> data = new LinkedHashMap<>();
        boolean insured = !firstWork.isAfter(AS_OF) && u(h, 1) % 10 < 8;
        data.put("insured", insured);
        if (!insured) {
            data.put("status", "未参保");
            data.put("insuranceTypes", List.of());
            data.put("paymentMonths", 0);
            data.put("firstPaymentMonth", null);
            data.put("employer", null);
            return data;
        }
        long months = Math.max(1, java.time.temporal.ChronoUnit.MONTHS.between(firstWork, AS_OF));
        List<String> types = new ArrayList<>(List.of("企业职工基本养老保险", "职工基本医疗保险"));
        if (u(h, 2) % 10 < 7) {
            types.add("失业保险");
            types.add("工伤保险");
        }
        data.put("status", u(h, 3) % 10 < 9 ? "正常参保" : "暂停缴费");
        data.put("insuranceTypes", types);
        data.put("paymentMonths", (int) Math.min(months, 24 + u(h, 4) % 400));
        data.put("firstPaymentMonth", firstWork.toString().substring(0, 7));
        data.put("employer", EMPLOYERS[u(h, 5) % EMPLOYERS.length]);
        return data;
    }

    private static LocalDate birth(String id) {
        String v = CitizenIdNumber.parse(id).value().value();
        return LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                Integer.parseInt(v.substring(12, 14)));
    }

    private static boolean male(String id) {
        String v = CitizenIdNumber.parse(id).value().value();
        return (v.charAt(16) - '0') % 2 == 1;
    }

    private static String name(byte[] h, int at) {
        return SURNAMES[u(h, at) % SURNAMES.length] + GIVEN[u(h, at + 1) % GIVEN.length];
    }

    /** A valid identity number for the spouse: the same division, a birth date within five years, the other sex. */
    private static String spouse(String id, byte[] h) {
        String v = CitizenIdNumber.parse(id).value().value();
        LocalDate birth = birth(id).plusDays(u(h, 5) % (10 * 365) - 5 * 365L);
        int sequence = (u(h, 6) % 500) * 2 + (male(id) ? 0 : 1);
        String first17 = v.substring(0, 6) + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + CitizenIdNumber.checkCharacter(first17);
    }

    private static byte[] hash(String what, String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((what + ":" + CitizenIdNumber.parse(id).value().value())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two bytes of the hash from {@code at} on, as a number 0–65535. */
    private static int u(byte[] h, int at) {
        return ((h[(2 * at) % h.length] & 0xff) << 8) | (h[(2 * at + 1) % h.length] & 0xff);
    }
}
