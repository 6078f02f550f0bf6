/** The call's lifecycle from arrival to its end cause (R2.4–R2.8, R3, R4.1). Pure Java: no Jakarta import. */
package org.sangdam.call.domain;
