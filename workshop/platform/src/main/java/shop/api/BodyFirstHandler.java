package shop.api;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads a request's whole body before the API sees it, without holding a thread while the bytes arrive. A client
 * that sends headers and then stalls, or drips its body, holds a connection (bounded by the connection limit and
 * the idle timeout) but no thread, so it cannot starve the requests behind it. A body that ends before its
 * Content-Length, a bad chunk, a stall past the idle timeout or a body over the limit is answered here with a 4xx.
 */
final class BodyFirstHandler extends Handler.Wrapper {
    private static final long DRAIN_BYTES = 1024 * 1024;
    private final int maxBytes;

    BodyFirstHandler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length <= 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        if (length > maxBytes) {
            refuseTooLarge(request, response, callback, length);
            return true;
        }
        CompletableFuture<byte[]> body = Content.Source.asByteArrayAsync(request, maxBytes);
        // Completed now: still inside this call, so hand on here. Completed later: inside a demand callback,
        // which must not block, so hand on from another thread.
        boolean readAlready = body.isDone();
        body.whenComplete((bytes, failure) -> {
            if (failure != null) {
                reject(request, response, callback, failure);
            } else if (readAlready) {
                handOn(new WithBody(request, bytes), response, callback);
            } else {
                request.getContext().execute(() -> handOn(new WithBody(request, bytes), response, callback));
            }
        });
        return true;
    }

    /**
     * A client whose body is refused mid-upload sees a broken pipe instead of the 413 on many HTTP clients. So a
     * body of moderate size is read and dropped first (without keeping it), and only a huge one is cut off.
     */
    private void refuseTooLarge(Request request, Response response, Callback callback, long length) {
        if (length > DRAIN_BYTES) {
            Response.writeError(request, response, callback, 413);
            return;
        }
        Content.Source.consumeAll(request, Callback.from(
                () -> request.getContext().execute(() -> Response.writeError(request, response, callback, 413)),
                failure -> Response.writeError(request, response, callback, 413)));
    }

    private void handOn(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable failure) {
            Response.writeError(request, response, callback, failure);
        }
    }

    private static void reject(Request request, Response response, Callback callback, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            Response.writeError(request, response, callback, 408, "the body did not arrive in time");
        } else if (cause instanceof IllegalStateException) { // how asByteArrayAsync says the body passed maxBytes
            Response.writeError(request, response, callback, 413);
        } else if (cause instanceof EofException || cause instanceof HttpException) {
            Response.writeError(request, response, callback, 400,
                    "the body ended before its Content-Length, or a chunk of it is malformed");
        } else {
            Response.writeError(request, response, callback, 400, "the body could not be read");
        }
    }

    /** The request with its body already read: one last chunk; reads after it reach the finished original. */
    private static final class WithBody extends Request.Wrapper {
        private final AtomicReference<Content.Chunk> body;

        WithBody(Request request, byte[] bytes) {
            super(request);
            this.body = new AtomicReference<>(Content.Chunk.from(ByteBuffer.wrap(bytes), true));
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = body.getAndSet(null);
            return chunk != null ? chunk : super.read();
        }
    }
}
