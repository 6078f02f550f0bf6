/**
 * The admin screens' shared parts (issue 3): field errors from the services'
 * refusals ({@link org.sangdam.admin.FormErrors}) and the service a service page is
 * about ({@link org.sangdam.admin.ServicePage}). The pages' beans live in the domain
 * packages ({@code org.sangdam.tenant.ServicesView}, {@code org.sangdam.cti.CtiAgentsView}, …)
 * and only translate and call the EJB services, which decide every rule and every
 * access: role and service guards are the services', the pages ask them.
 */
package org.sangdam.admin;
