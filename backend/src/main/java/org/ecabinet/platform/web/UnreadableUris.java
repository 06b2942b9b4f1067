package org.ecabinet.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request line that is not a URI at all (a lone {@code %}, a bad escape), too long, or not HTTP is refused by
 * the web layer before any of our code runs, with an empty 400 or 414. Such requests are answered here
 * instead, in the same problem+json as every other error; when the request could not be read whole the
 * connection is closed (what follows on it cannot be trusted to be framed).
 * <p>
 * Paths that Spring Security's firewall refuses (encoded slashes, {@code ..}, {@code ;}, NUL) are refused here
 * too: when the firewall refused them, the next request on the same kept-alive connection went unanswered about
 * one time in ten (reproduced with plain keep-alive clients, on the version before this one as well), which is
 * the stall an independent test and the fuzz test saw. A request that was read whole keeps its connection.
 */
@Component
class UnreadableUris implements NettyServerCustomizer {

    private static final byte[] UNREADABLE = problem(400, "Malformed request",
            "The request's path is not a valid URI (a '%' must start an escape of two hexadecimal digits).", "request.unreadable-uri");
    private static final byte[] TOO_LONG = problem(414, "URI too long", "The request line or a header is longer than accepted.", "uri-too-long");
    private static final byte[] AMBIGUOUS = problem(400, "Request rejected",
            "The request's path holds characters or sequences that are not accepted (encoded slashes, '..', ';', control characters).",
            "request.rejected");
    /** What Spring Security's firewall refuses in a path; refused here first, see the class comment. */
    private static final List<String> AMBIGUOUS_PARTS = List.of("%2f", "%5c", "%00", "%25", "%2e", ";", "\\", "//", "/../", "/./");
    private static final byte[] HEADERS_TOO_LARGE = problem(431, "Headers too large", "The request's headers are larger than accepted.",
            "headers-too-large");
    private static final byte[] UNDECODABLE = problem(400, "Malformed request", "The request is not valid HTTP.", "malformed-request");

    /** Right behind the HTTP decoder, before Reactor Netty answers a request it could not decode with an empty body. */
    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "unreadable-uris", new Check());
            }
        });
    }

    private static byte[] problem(int status, String title, String detail, String code) {
        return ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\"", "'")
                + "\",\"code\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static final class Check extends ChannelInboundHandlerAdapter {

        private boolean refusing;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            byte[] problem = message instanceof HttpRequest request ? problemWith(request) : null;
            if (problem != null) {
                HttpRequest request = (HttpRequest) message;
                // A request that was read whole is refused and the connection kept: closing it at once, with the
                // request's body still arriving, made the client see a reset instead of the answer. One that was
                // not (a line or header too long, not HTTP) leaves nothing on the connection to trust: closed.
                boolean close = request.decoderResult().isFailure() || !HttpUtil.isKeepAlive(request);
                refusing = !close && !(message instanceof LastHttpContent);
                var status = problem == TOO_LONG ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                        : problem == HEADERS_TOO_LARGE ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.BAD_REQUEST;
                var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(problem));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, problem.length);
                if (close) {
                    response.headers().set(HttpHeaderNames.CONNECTION, "close");
                }
                ReferenceCountUtil.release(message);
                var written = context.writeAndFlush(response);
                if (close) {
                    written.addListener(ChannelFutureListener.CLOSE);
                } else {
                    context.read(); // the server reads on demand, and nobody after this handler saw the request to ask
                }
                return;
            }
            if (refusing && message instanceof HttpContent) {
                ReferenceCountUtil.release(message);
                if (message instanceof LastHttpContent) {
                    refusing = false;
                }
                context.read();
                return;
            }
            context.fireChannelRead(message);
        }

        private static byte[] problemWith(HttpRequest request) {
            if (request.decoderResult().isFailure()) {
                Throwable cause = request.decoderResult().cause();
                if (cause instanceof TooLongFrameException) {
                    return String.valueOf(cause.getMessage()).toLowerCase().contains("header") ? HEADERS_TOO_LARGE : TOO_LONG;
                }
                return UNDECODABLE;
            }
            if (!readable(request.uri())) {
                return UNREADABLE;
            }
            return ambiguous(request.uri()) ? AMBIGUOUS : null;
        }

        private static boolean ambiguous(String uri) {
            int query = uri.indexOf('?');
            String path = (query < 0 ? uri : uri.substring(0, query)).toLowerCase(Locale.ROOT);
            return AMBIGUOUS_PARTS.stream().anyMatch(path::contains) || path.endsWith("/..") || path.endsWith("/.")
                    || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        }

        private static boolean readable(String uri) {
            try {
                new URI(uri);
                return true;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
