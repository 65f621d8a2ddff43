package org.jinlin.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses an API request whose Content-Type cannot be a body's type (malformed, or a wildcard such as
 * {@code *}{@code /*}) with 415 before anything tries to read the body by it. Which types an endpoint accepts is
 * left to the endpoint.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class ContentTypeFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    public ContentTypeFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || request.getContentType() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String declared = request.getContentType();
        boolean usable;
        try {
            MediaType type = MediaType.parseMediaType(declared);
            usable = !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException malformed) {
            usable = false;
        }
        if (!usable) {
            Problems.write(response, json, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                                                       "不支持的媒体类型 Unsupported media type",
                                                       "Content-Type must name the body's type, e.g. "
                                                       + "application/json"));
            return;
        }
        chain.doFilter(request, response);
    }
}
