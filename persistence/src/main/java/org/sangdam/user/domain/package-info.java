/** Users and roles. Pure Java: no Jakarta import. */
package org.sangdam.user.domain;
