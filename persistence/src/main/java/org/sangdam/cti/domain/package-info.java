/** CTI set-up rules (R1.3, R1.4). Pure Java: no Jakarta import. */
package org.sangdam.cti.domain;
