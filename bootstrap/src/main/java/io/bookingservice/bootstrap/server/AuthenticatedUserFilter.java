package io.bookingservice.bootstrap.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.bookingservice.domain.user.User;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs inside Spring Security's filter chain's reach (after it) and notes who the request is
 * from for {@link RequestLogFilter}, which runs outside it and cannot see the security context.
 */
public final class AuthenticatedUserFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)) {
            // The web adapter's principal is the domain User; its name is all the log may show.
            Object principal = authentication.getPrincipal();
            request.setAttribute(RequestLogFilter.USER_ATTRIBUTE,
                    principal instanceof User user ? user.username().value() : authentication.getName());
        }
        chain.doFilter(request, response);
    }
}
