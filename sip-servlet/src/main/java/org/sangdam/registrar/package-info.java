/**
 * The registrar for agent phones (R1.4, issue 5 item 1) as it sits in the SIP
 * layer: {@link org.sangdam.registrar.RegistrarHandler} translates REGISTER to the
 * rules of {@code registrar.domain} and back; {@link org.sangdam.registrar.Registrations}
 * is the query the call code uses to find an agent's phones.
 */
package org.sangdam.registrar;
