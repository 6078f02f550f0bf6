/**
 * The agent console's frame: who is at it ({@link org.sangdam.console.ConsoleView}),
 * its language ({@link org.sangdam.console.LocaleView}) and the login page. Faces
 * beans here and in the domain packages ({@code org.sangdam.agent.PhoneWidgetView},
 * {@code org.sangdam.ticket.TicketView}) call EJB services only, never the REST API.
 */
package org.sangdam.console;
