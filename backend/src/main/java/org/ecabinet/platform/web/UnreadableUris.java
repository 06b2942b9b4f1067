package org.ecabinet.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.http.server.HttpServer;

/**
 * A request line that is not a URI at all (a lone {@code %}, a bad escape) is refused by the web layer before
 * any of our code runs, with an empty 400. Such requests are answered here instead, in the same problem+json
 * as every other error, and the connection is closed (what follows on it cannot be trusted to be framed).
 */
@Component
class UnreadableUris implements NettyServerCustomizer {

    private static final byte[] PROBLEM = ("{\"type\":\"about:blank\",\"title\":\"Malformed request\",\"status\":400,"
            + "\"detail\":\"The request's path is not a valid URI (a '%' must start an escape of two hexadecimal digits).\","
            + "\"code\":\"request.unreadable-uri\"}").getBytes(StandardCharsets.UTF_8);

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnConnection(connection -> connection.addHandlerFirst("unreadable-uris", new Check()));
    }

    private static final class Check extends ChannelInboundHandlerAdapter {

        private boolean refusing;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request && !readable(request.uri())) {
                refusing = true;
                var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(PROBLEM));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, PROBLEM.length).set(HttpHeaderNames.CONNECTION, "close");
                ReferenceCountUtil.release(message);
                context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (refusing && message instanceof HttpContent) {
                ReferenceCountUtil.release(message);
                if (message instanceof LastHttpContent) {
                    refusing = false;
                }
                return;
            }
            context.fireChannelRead(message);
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
