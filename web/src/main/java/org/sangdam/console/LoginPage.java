package org.sangdam.console;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The FORM login page ({@code /login}), and the reason the API still answers 401.
 * With {@code FORM,BASIC} Elytron forwards every request that has no valid login
 * here, API calls included. A person's browser gets the login form; a request for
 * the JSON API or the console's event stream gets what an API client expects: 401
 * with a Basic challenge and the API's error body, never an HTML page.
 */
@WebServlet("/login")
public class LoginPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String uri = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String asked = uri == null ? null : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        if (asked != null && (asked.startsWith("/api/") || asked.equals("/api") || asked.startsWith("/cti/"))) {
            response.reset();
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Sangdam\"");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"log in with HTTP Basic (or the console's login page)\"}");
            return;
        }
        if (asked == null && request.getUserPrincipal() != null) {
            // a logged-in user who opens the login page directly goes to the console
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher("/login.xhtml").forward(request, response);
    }
}
