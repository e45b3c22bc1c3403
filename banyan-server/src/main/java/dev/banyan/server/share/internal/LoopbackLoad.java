package dev.banyan.server.share.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A minimal HTTP/1.1 load generator for the gateway benchmark: so many keep-alive connections on loopback, each a
 * thread sending one request after another for a fixed time and timing each answer. Deliberately bare — a socket, a
 * request line, headers, {@code Content-Length} or chunked bodies — so that the client costs little of the CPU the
 * server is measured on.
 */
final class LoopbackLoad {

    /** What one run measured: requests answered with 200, others, elapsed seconds and every latency in nanoseconds. */
    record Result(long ok, long failed, double seconds, long[] latencies) {

        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            return LatencyPercentiles.of(latencies, p) / 1e6;
        }
    }

    private LoopbackLoad() {
    }

    /**
     * Runs the load.
     *
     * @param request the request bytes for the i-th request of a connection (header lines included, ending blank line)
     */
    static Result run(int port, int connections, double seconds, IntFunction<byte[]> request) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[][] latencies = new long[connections][];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                int i = 0;
                // A server may close a keep-alive connection after so many requests: open the next one and go on.
                while (System.nanoTime() < deadline) {
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384);
                        for (; System.nanoTime() < deadline; i++) {
                            long t0 = System.nanoTime();
                            out.write(request.apply(connection * 1_000_003 + i));
                            out.flush();
                            int status = readResponse(in);
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = System.nanoTime() - t0;
                            (status == 200 ? ok : failed).incrementAndGet();
                        }
                    } catch (IOException e) {
                        i++;
                    }
                }
                latencies[connection] = Arrays.copyOf(lat, n);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(l -> Arrays.stream(l == null ? new long[0] : l)).toArray();
        return new Result(ok.get(), failed.get(), elapsed, all);
    }

    /** Reads one response, returning its status; the body is read and dropped. */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(h.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && h.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).trim(), 16); size > 0; size = Long.parseLong(line(in).trim(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            skip(in, length);
        }
        return status;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed in a body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    /** An HTTP/1.1 GET with the given headers. */
    static byte[] get(String pathAndQuery, String... headers) {
        StringBuilder b = new StringBuilder(512).append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
