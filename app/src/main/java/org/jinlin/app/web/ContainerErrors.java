package org.jinlin.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problem details also for what never reaches a controller: a request address the security firewall rejects
 * ({@code ..}, {@code //}, an encoded {@code /}), and any error the servlet container reports itself. Browsers
 * asking for HTML still get the error page; every other client gets {@code application/problem+json} with no
 * internals.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {

    static final String REJECTED_ADDRESS = "the request address contains a segment or character the service does "
                                           + "not accept (such as '..', '//', ';', '%2F' or a control character)";

    @Bean
    RequestRejectedHandler rejectedAddressesAreProblems(ObjectMapper json) {
        return (request, response, rejected) -> Problems.write(response, json, Problems.of(
                HttpStatus.BAD_REQUEST, "rejected-address", "地址无效 Address not accepted", REJECTED_ADDRESS));
    }

    /**
     * Tomcat answers some malformed requests itself (an encoded '/', a broken request line) through its error report
     * valve, in HTML. Ours answers them as problem details; it replaces Tomcat's and Boot's on the host.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportsFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReportValve());
            }
        });
    }

    /** Tomcat's own error reports as problem details, without server details or stack traces. */
    public static final class ProblemReportValve extends ErrorReportValve {

        /** Tomcat creates the valve by name, outside Spring: a mapper of its own that writes problems as Boot does. */
        private static final ObjectMapper JSON = new ObjectMapper()
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String kind = status == 400 ? "bad-request" : status >= 500 ? "internal-error" : "http-" + status;
            String title = status == 400 ? "请求无效 Bad request" : status >= 500 ? "内部错误 Internal error"
                                                                          : "请求被拒绝 Request refused";
            String detail = status == 400 ? "the request could not be understood; " + REJECTED_ADDRESS
                                          : "the request could not be completed (HTTP " + status + ")";
            HttpStatus known = HttpStatus.resolve(status);
            if (known == null) {
                return;
            }
            try {
                Problems.write(response, JSON, Problems.of(known, kind, title, detail));
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response is committed: nothing more can be said.
            }
        }
    }

    @Bean
    BasicErrorController errorController(ErrorAttributes attributes, ServerProperties server,
                                         List<ErrorViewResolver> views) {
        return new ProblemErrorController(attributes, server, views);
    }

    /** Boot's error controller, answering non-HTML clients with a problem detail instead of its own JSON. */
    static final class ProblemErrorController extends BasicErrorController {

        ProblemErrorController(ErrorAttributes attributes, ServerProperties server, List<ErrorViewResolver> views) {
            super(attributes, server.getError(), views);
        }

        @Override
        public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
            HttpStatus status = getStatus(request);
            ProblemDetail problem = switch (status) {
                case NOT_FOUND -> Problems.of(status, "not-found", "未找到 Not found",
                                              "there is nothing at this address");
                case METHOD_NOT_ALLOWED -> Problems.of(status, "method-not-allowed", "方法不允许 Method not allowed",
                                                       "this address does not take " + request.getMethod());
                case PAYLOAD_TOO_LARGE -> Problems.of(status, "payload-too-large", "请求过大 Request too large",
                                                      "the request is larger than the service accepts");
                case UNSUPPORTED_MEDIA_TYPE -> Problems.of(status, "unsupported-media-type",
                                                           "不支持的媒体类型 Unsupported media type",
                                                           "send the body as application/json");
                default -> status.is4xxClientError()
                        ? Problems.of(status, "bad-request", "请求无效 Bad request",
                                      "the request could not be understood (" + status.getReasonPhrase() + ")")
                        : Problems.of(status, "internal-error", "内部错误 Internal error",
                                      "the service could not complete the request");
            };
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
        }
    }
}
