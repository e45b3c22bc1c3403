package dev.banyan.ledger;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence for a JSON value that two parties
 * hash or sign. Object members are sorted by the UTF-16 code units of their names, there is no white space,
 * strings use the minimal escapes, and numbers are printed as ECMAScript's Number.prototype.toString prints
 * IEEE 754 doubles.
 *
 * <p>Accepted Java values: {@code null}; {@link Boolean}; {@link CharSequence} and {@link Character};
 * {@link Map} with {@link String} keys; {@link Collection}s and arrays (except {@code byte[]}, which has no
 * obvious JSON form: encode it as a string); {@link Double}, {@link Float}; integers ({@link Integer},
 * {@link Long}, {@link Short}, {@link Byte}, {@link BigInteger}, atomics) within ±2^53; {@link BigDecimal}s
 * that are exactly a double. Anything else is rejected with the JSON path of the offending value.
 */
public final class CanonicalJson {

    /** 2^53: beyond it not every integer is a double, and JSON numbers are doubles in JCS. */
    private static final long MAX_EXACT_INTEGER = 1L << 53;

    private CanonicalJson() {
    }

    /**
     * The canonical JSON text of {@code value}.
     *
     * @throws IllegalArgumentException for values JSON/JCS cannot represent: NaN, infinities, integers beyond
     *                                  ±2^53, lone surrogates, non-string keys, unsupported types
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, "$", out);
        return out.toString();
    }

    /** {@link #write(Object)} as UTF-8 bytes: what to hash or sign. */
    public static byte[] utf8(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A double as ECMAScript prints it (ECMA-262 Number::toString), the form JCS requires: shortest digits
     * that round-trip, plain notation for 1e-6 ≤ |x| &lt; 1e21, otherwise {@code 1.5e+21} style; -0 prints as 0.
     *
     * @throws IllegalArgumentException for NaN and infinities
     */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(value + " is not a JSON number");
        }
        if (value == 0) {
            return "0"; // also -0
        }
        StringBuilder sb = new StringBuilder();
        if (value < 0) {
            sb.append('-');
        }
        ShortestDecimal d = ShortestDecimal.of(Math.abs(value));
        String digits = d.digits;
        int k = digits.length();
        int n = d.pointPosition;
        if (k <= n && n <= 21) {
            sb.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return sb.toString();
    }

    private static void write(Object value, String path, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case CharSequence s -> string(s.toString(), path, out);
            case Character c -> string(c.toString(), path, out);
            case Map<?, ?> map -> object(map, path, out);
            case Collection<?> list -> array(list, path, out);
            case byte[] bytes -> throw new IllegalArgumentException(path
                    + ": byte[] has no canonical JSON form; encode it as a string (e.g. base64)");
            case Integer i -> out.append(i.intValue());
            case Short s -> out.append(s.shortValue());
            case Byte b -> out.append(b.byteValue());
            case Long l -> integer(BigInteger.valueOf(l), path, out);
            case AtomicInteger i -> out.append(i.get());
            case AtomicLong l -> integer(BigInteger.valueOf(l.get()), path, out);
            case BigInteger i -> integer(i, path, out);
            case Double d -> out.append(number(d, path));
            case Float f -> out.append(number(f.doubleValue(), path));
            case BigDecimal d -> decimal(d, path, out);
            default -> {
                if (value.getClass().isArray()) {
                    int length = Array.getLength(value);
                    List<Object> items = new ArrayList<>(length);
                    for (int i = 0; i < length; i++) {
                        items.add(Array.get(value, i));
                    }
                    array(items, path, out);
                } else {
                    throw new IllegalArgumentException(path + ": " + value.getClass().getName()
                            + " has no JSON form; convert it to a Map, List, String, number, boolean or null");
                }
            }
        }
    }

    private static void object(Map<?, ?> map, String path, StringBuilder out) {
        List<String> names = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException(path + ": object member names must be strings, got "
                        + (key == null ? "null" : key.getClass().getName()));
            }
            names.add(name);
        }
        // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 §3.2.3 prescribes.
        names.sort(null);
        out.append('{');
        boolean first = true;
        for (String name : names) {
            if (!first) {
                out.append(',');
            }
            first = false;
            String memberPath = path + "." + name;
            string(name, memberPath, out);
            out.append(':');
            write(map.get(name), memberPath, out);
        }
        out.append('}');
    }

    private static void array(Collection<?> items, String path, StringBuilder out) {
        out.append('[');
        int i = 0;
        for (Object item : items) {
            if (i > 0) {
                out.append(',');
            }
            write(item, path + "[" + i + "]", out);
            i++;
        }
        out.append(']');
    }

    private static void string(String s, String path, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException(path + ": string has an unpaired surrogate U+"
                                + String.format("%04X", (int) c) + " at index " + i + "; JCS requires valid Unicode");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void integer(BigInteger i, String path, StringBuilder out) {
        if (i.abs().compareTo(BigInteger.valueOf(MAX_EXACT_INTEGER)) > 0) {
            throw new IllegalArgumentException(path + ": integer " + i + " is beyond ±2^53, where JSON numbers (IEEE "
                    + "doubles in RFC 8785) lose precision; write it as a string instead");
        }
        out.append(i);
    }

    private static void decimal(BigDecimal d, String path, StringBuilder out) {
        double v = d.doubleValue();
        if (Double.isInfinite(v) || new BigDecimal(v).compareTo(d) != 0) {
            throw new IllegalArgumentException(path + ": " + d.toPlainString()
                    + " is not exactly representable as an IEEE double; write it as a string instead");
        }
        out.append(number(v));
    }

    private static String number(double d, String path) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(path + ": " + d + " is not allowed in JSON");
        }
        return number(d);
    }

    /**
     * The shortest decimal digits that round-trip to a positive double, as ECMAScript chooses them:
     * value = 0.{@code digits} × 10^{@code pointPosition}, no leading or trailing zeros.
     */
    private record ShortestDecimal(String digits, int pointPosition) {

        static ShortestDecimal of(double positive) {
            // Since JDK 19 Double.toString yields the shortest round-trip digits (Raffaello Giulietti's algorithm),
            // with one exception handled below.
            String s = Double.toString(positive);
            int e = s.indexOf('E');
            int exponent = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
            String mantissa = e < 0 ? s : s.substring(0, e);
            int dot = mantissa.indexOf('.');
            String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int point = dot + exponent;
            int lead = 0;
            while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
                lead++;
            }
            digits = digits.substring(lead);
            point -= lead;
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            digits = digits.substring(0, end);
            if (digits.length() == 2) {
                return preferOneDigit(positive, digits, point);
            }
            return new ShortestDecimal(digits, point);
        }

        // When one digit would round-trip, Java may still print two if that is closer (4.9E-324 for
        // Double.MIN_VALUE), while ECMAScript takes the fewest digits first (5e-324). Try the two one-digit
        // neighbours and keep the closer one that round-trips; ties go to the even digit.
        private static ShortestDecimal preferOneDigit(double x, String twoDigits, int point) {
            int first = twoDigits.charAt(0) - '0';
            ShortestDecimal best = null;
            BigDecimal bestDistance = null;
            for (int candidate : new int[] {first, first + 1}) {
                String digit = candidate == 10 ? "1" : Integer.toString(candidate);
                int candidatePoint = candidate == 10 ? point + 1 : point;
                double value = Double.parseDouble("0." + digit + "E" + candidatePoint);
                if (value != x) {
                    continue;
                }
                BigDecimal distance = new BigDecimal("0." + digit + "E" + candidatePoint).subtract(new BigDecimal(x)).abs();
                int order = bestDistance == null ? -1 : distance.compareTo(bestDistance);
                if (order < 0 || order == 0 && (digit.charAt(0) - '0') % 2 == 0) {
                    best = new ShortestDecimal(digit, candidatePoint);
                    bestDistance = distance;
                }
            }
            return best != null ? best : new ShortestDecimal(twoDigits, point);
        }
    }
}
