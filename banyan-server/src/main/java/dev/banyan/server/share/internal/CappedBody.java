package dev.banyan.server.share.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An upstream answer's body read into memory up to a limit (应答大小上限): an interface that suddenly answers with
 * megabytes — a misconfigured query returning a whole table — is cut off as soon as it passes the limit, instead of
 * filling the server's memory.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(int limit) {
        this.limit = limit;
    }

    /** A body handler whose bodies stop at {@code limit} bytes with {@link TooLarge}. */
    static HttpResponse.BodyHandler<byte[]> handler(int limit) {
        return info -> new CappedBody(limit);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            if (bytes.size() + b.remaining() > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(limit));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    /** The body passed the limit. */
    static final class TooLarge extends RuntimeException {

        TooLarge(int limit) {
            super("upstream answer larger than " + limit + " bytes", null, false, false);
        }
    }
}
